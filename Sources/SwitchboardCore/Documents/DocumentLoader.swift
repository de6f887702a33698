import Foundation

/// Reads every Markdown doc (`content/docs/*.md`, `content/clients/<slug>/*.md`), parses front
/// matter, renders with libcmark and rewrites links between docs into links between pages.
public enum DocumentLoader {
    static let frontMatterKeys = ["title", "order", "summary"]

    private struct Parsed: Sendable {
        var document: Document
        var tree: MarkdownTree
    }

    public static func load(contentDirectory: String, clientSlugs: [String], allowRawHTML: Bool) -> ([Document], [Diagnostic]) {
        var diagnostics = DiagnosticList()
        // Folders are listed on every core: a thousand client folders are thousands of system calls.
        let listed = parallelMap([DocumentOwner.site] + clientSlugs.map(DocumentOwner.client)) { owner in
            var found = DiagnosticList()
            return (stems(of: owner, in: contentDirectory, diagnostics: &found).map { (owner, $0) }, found)
        }
        var sources: [(DocumentOwner, String)] = []
        for (owned, found) in listed {
            sources += owned
            diagnostics.append(contentsOf: found.all)
        }
        // Files are independent until links are checked: each is read, scanned and parsed on
        // every core in one piece of work (a pass per step left cores idle at each step's end).
        let parsed = parallelMap(sources) { owner, stem -> (Parsed?, DiagnosticList) in
            var found = DiagnosticList()
            let path = "\(contentDirectory)/\(SitePaths.source(owner, stem: stem))"
            do throws(InvalidInput) {
                let source = Source(owner: owner, stem: stem, path: path, text: try TextFile.readContent(path))
                return (parse(source, diagnostics: &found), found)
            } catch {
                found.append(contentsOf: error.diagnostics)
                return (nil, found)
            }
        }
        let documents = link(parsed, allowRawHTML: allowRawHTML, diagnostics: &diagnostics)
        return (documents, diagnostics.sorted)
    }

    /// The docs in one owner's folder, by file name without `.md`.
    private static func stems(of owner: DocumentOwner, in contentDirectory: String, diagnostics: inout DiagnosticList) -> [String] {
        switch owner {
        case .site:
            return ContentTree.markdownFiles(in: contentDirectory + "/docs", diagnostics: &diagnostics).map { String($0.dropLast(3)) }
        case .client(let slug):
            return ContentTree.markdownFiles(in: "\(contentDirectory)/clients/\(slug)", diagnostics: &diagnostics).compactMap { name in
                let stem = String(name.dropLast(3))
                guard SitePaths.document(owner, stem: stem) != SetupKit.onboarding(slug: slug) else {
                    diagnostics.error(SourceLocation(path: "\(contentDirectory)/clients/\(slug)/\(name)"),
                                      "this doc would become \(SetupKit.onboarding(slug: slug)), the onboarding page Switchboard generates; rename the file")
                    return nil
                }
                return stem
            }
        }
    }

    /// A Markdown file's text and where it comes from.
    struct Source: Sendable {
        var owner: DocumentOwner
        var stem: String
        var path: String
        var text: String
    }

    /// Parses every source, then rewrites links between them (which needs all their headings) and renders.
    static func render(_ sources: [Source], allowRawHTML: Bool, diagnostics: inout DiagnosticList) -> [Document] {
        let parsed = parallelMap(sources) { source in
            var found = DiagnosticList()
            return (Optional(parse(source, diagnostics: &found)), found)
        }
        return link(parsed, allowRawHTML: allowRawHTML, diagnostics: &diagnostics)
    }

    /// Rewrites the links between parsed docs and renders each, on every core; takes the
    /// diagnostics found while parsing (nil: the file could not be read). The caller sorts them.
    private static func link(_ parsed: [(Parsed?, DiagnosticList)], allowRawHTML: Bool,
                             diagnostics: inout DiagnosticList) -> [Document] {
        let items = parsed.compactMap(\.0)
        let targets = linkTargets(of: items.map(\.document))
        let finished = parallelMap(items) { item in
            var found = DiagnosticList()
            return (finish(item, targets: targets, allowRawHTML: allowRawHTML, diagnostics: &found), found)
        }
        for (_, found) in parsed { diagnostics.append(contentsOf: found.all) }
        for (_, found) in finished { diagnostics.append(contentsOf: found.all) }
        return finished.map(\.0)
    }

    /// One doc read again after an edit; its links are checked against `others`' headings.
    static func reload(_ source: Source, among others: [Document], allowRawHTML: Bool,
                       diagnostics: inout DiagnosticList) -> Document {
        let item = parse(source, diagnostics: &diagnostics)
        var targets = linkTargets(of: others)
        targets.merge(linkTargets(of: [item.document])) { _, own in own }
        return finish(item, targets: targets, allowRawHTML: allowRawHTML, diagnostics: &diagnostics)
    }

    /// What a link to a doc needs: its page and the ids of its headings.
    private struct LinkedDoc {
        let page: String
        let anchors: Set<String>
    }

    /// Every doc a link can point at, by its path relative to `content/`.
    private static func linkTargets(of documents: [Document]) -> [String: LinkedDoc] {
        var targets: [String: LinkedDoc] = [:]
        for document in documents {
            targets[SitePaths.source(document.owner, stem: document.stem)] =
                LinkedDoc(page: document.page, anchors: Set(document.headings.map(\.id)))
        }
        return targets
    }

    private static func finish(_ item: Parsed, targets: [String: LinkedDoc], allowRawHTML: Bool,
                               diagnostics: inout DiagnosticList) -> Document {
        var document = item.document
        rewriteLinks(of: item, targets: targets, diagnostics: &diagnostics)
        document.html = item.tree.renderHTML(allowRawHTML: allowRawHTML)
        return document
    }

    private static func parse(_ source: Source, diagnostics: inout DiagnosticList) -> Parsed {
        let (owner, stem, path) = (source.owner, source.stem, source.path)
        let (frontMatter, body) = splitFrontMatter(source.text)
        var title: String?
        var order: Int?
        var summary: String?
        if let frontMatter {
            let reader = YAMLReader(path: path)
            if frontMatter.closed == false {
                reader.error(at: 1, 1, "front matter starts with '---' but has no closing '---' line; close it or remove the first line")
            } else if !frontMatter.yaml.allSatisfy(\.isWhitespace), let root = reader.parse(frontMatter.yaml),
                      let fields = reader.fields(root, in: "front matter", allowedKeys: frontMatterKeys) {
                title = reader.string(fields, "title", in: "front matter")
                order = reader.int(fields, "order", in: "front matter")
                summary = reader.string(fields, "summary", in: "front matter")
            }
            diagnostics.append(contentsOf: reader.diagnostics.all)
        }
        let tree = MarkdownTree(markdown: body)
        for table in tree.pipeTables {
            diagnostics.warning(SourceLocation(path: path, line: table.line, column: table.column), pipeTableAdvice)
        }
        // A leading `# Heading` is the page title (the template shows it); front matter wins.
        let leadingTitle = tree.removeLeadingTitle()
        title = title ?? leadingTitle
        let document = Document(owner: owner, stem: stem, sourcePath: path, page: SitePaths.document(owner, stem: stem),
                                title: title ?? humanized(stem), order: order, summary: summary, html: "",
                                headings: tree.headings.map { DocumentHeading(level: $0.level, text: $0.text, id: $0.id) })
        return Parsed(document: document, tree: tree)
    }

    static let pipeTableAdvice = "this is a pipe table, which CommonMark does not have: the page would show it as one paragraph of '|' characters. Write it as a list (one item per row, e.g. '- **ReadOnly**: role `x`, permission set `y`'), or as an HTML <table> if portal.yaml sets allow_raw_html"

    /// Front matter is a YAML block between a first line `---` and the next `---` (or `...`)
    /// line. The body keeps blank lines in its place so line numbers match the file.
    static func splitFrontMatter(_ text: String) -> (frontMatter: (yaml: String, closed: Bool)?, body: String) {
        guard text.hasPrefix("---\n") else { return (nil, text) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let close = lines.indices.dropFirst().first(where: { lines[$0] == "---" || lines[$0] == "..." }) else {
            return (("", false), text)
        }
        let yaml = "\n" + lines[1..<close].joined(separator: "\n")
        let body = String(repeating: "\n", count: close + 1) + lines[(close + 1)...].joined(separator: "\n")
        return ((yaml, true), body)
    }

    private static func rewriteLinks(of item: Parsed, targets: [String: LinkedDoc], diagnostics: inout DiagnosticList) {
        let document = item.document
        let ownAnchors = Set(item.tree.headings.map(\.id))
        let sourceFolder = SitePaths.source(document.owner, stem: document.stem).split(separator: "/").dropLast().map(String.init)
        for link in item.tree.links {
            let location = SourceLocation(path: document.sourcePath, line: link.line, column: link.column)
            switch LinkTarget(link.destination) {
            case .external, .empty:
                continue
            case .anchor(let fragment):
                if !ownAnchors.contains(fragment) {
                    diagnostics.error(location, "link to '#\(fragment)': this doc has no heading with that id (a heading 'Getting started' has the id 'getting-started')")
                }
            case .absolutePath:
                diagnostics.error(location, "link '\(link.destination)' starts with '/': write it relative (e.g. 'other.md' or '../../docs/onboarding.md') so the portal works from any folder")
            case .relative(let path, let fragment):
                guard path.hasSuffix(".md") else {
                    diagnostics.error(location, "link '\(link.destination)' points at a file that is not published; link to a Markdown doc (*.md) or an https:// URL")
                    continue
                }
                guard let target = resolve(path, from: sourceFolder) else {
                    diagnostics.error(location, "link '\(link.destination)' leads outside content/")
                    continue
                }
                guard let linked = targets[target] else {
                    diagnostics.error(location, "link '\(link.destination)' points to a missing doc (content/\(target)); fix the path or add the doc")
                    continue
                }
                if let fragment, !linked.anchors.contains(fragment) {
                    diagnostics.error(location, "link '\(link.destination)': content/\(target) has no heading with id '\(fragment)'")
                    continue
                }
                let url = SitePaths.relative(from: document.page, to: linked.page) + (fragment.map { "#\($0)" } ?? "")
                item.tree.setDestination(of: link, to: url)
            }
        }
    }

    /// Resolves a relative path against a folder (both relative to `content/`); nil when it
    /// climbs above `content/`. Splits the UTF-8 bytes at `/`, as file systems do.
    static func resolve(_ path: String, from folder: [String]) -> String? {
        var components = folder
        for part in path.utf8.split(separator: UInt8(ascii: "/")) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) {
                guard !components.isEmpty else { return nil }
                components.removeLast()
            } else {
                components.append(String(Substring(part)))
            }
        }
        return components.joined(separator: "/")
    }

    static func humanized(_ stem: String) -> String {
        let words = stem.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return words.joined(separator: " ")
    }
}

/// What a Markdown link destination points at.
enum LinkTarget: Equatable {
    case empty
    case external
    case anchor(String)
    case absolutePath
    case relative(path: String, fragment: String?)

    /// Reads the UTF-8 bytes: the delimiters are ASCII, and every link of every doc comes here.
    init(_ destination: String) {
        let bytes = destination.utf8
        guard let first = bytes.first else { self = .empty; return }
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        if hash == bytes.startIndex { self = .anchor(String(destination[bytes.index(after: bytes.startIndex)...])); return }
        if destination.hasPrefix("//") || Self.hasScheme(bytes) { self = .external; return }
        if first == UInt8(ascii: "/") { self = .absolutePath; return }
        let beforeFragment = destination[..<(hash ?? bytes.endIndex)]
        let path = beforeFragment.utf8.firstIndex(of: UInt8(ascii: "?")).map { beforeFragment[..<$0] } ?? beforeFragment
        self = .relative(path: String(path), fragment: hash.map { String(destination[bytes.index(after: $0)...]) })
    }

    /// `scheme:` per RFC 3986: a letter, then letters, digits, `+`, `-` or `.`, then `:`.
    private static func hasScheme(_ bytes: String.UTF8View) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, NamingRules.isLetter(first) else { return false }
        return scheme.allSatisfy { NamingRules.isLetter($0) || NamingRules.isDigit($0) || "+-.".utf8.contains($0) }
    }
}
