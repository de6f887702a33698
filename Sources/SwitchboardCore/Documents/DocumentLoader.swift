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
        var sources: [(DocumentOwner, String)] = []
        for name in ContentTree.markdownFiles(in: contentDirectory + "/docs", diagnostics: &diagnostics) {
            sources.append((.site, String(name.dropLast(3))))
        }
        for slug in clientSlugs {
            for name in ContentTree.markdownFiles(in: "\(contentDirectory)/clients/\(slug)", diagnostics: &diagnostics) {
                let stem = String(name.dropLast(3))
                guard SitePaths.document(.client(slug), stem: stem) != SetupKit.onboarding(slug: slug) else {
                    diagnostics.error(SourceLocation(path: "\(contentDirectory)/clients/\(slug)/\(name)"),
                                      "this doc would become \(SetupKit.onboarding(slug: slug)), the onboarding page Switchboard generates; rename the file")
                    continue
                }
                sources.append((.client(slug), stem))
            }
        }
        // Files are independent until links are checked: read and scan them on every core.
        let read = parallelMap(sources) { owner, stem in
            let path = "\(contentDirectory)/\(SitePaths.source(owner, stem: stem))"
            return Result { () throws(InvalidInput) in Source(owner: owner, stem: stem, path: path, text: try TextFile.readContent(path)) }
        }
        var texts: [Source] = []
        for outcome in read {
            switch outcome {
            case .success(let source): texts.append(source)
            case .failure(let error): diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        let documents = render(texts, allowRawHTML: allowRawHTML, diagnostics: &diagnostics)
        return (documents, diagnostics.sorted)
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
        // Each doc on every core; diagnostics are sorted by the caller.
        let parsed = parallelMap(sources) { source in
            var found = DiagnosticList()
            return (parse(source, diagnostics: &found), found)
        }
        let anchorsBySource = anchors(of: parsed.map(\.0.document))
        let finished = parallelMap(parsed.map(\.0)) { item in
            var found = DiagnosticList()
            return (finish(item, anchorsBySource: anchorsBySource, allowRawHTML: allowRawHTML, diagnostics: &found), found)
        }
        for (_, found) in parsed { diagnostics.append(contentsOf: found.all) }
        for (_, found) in finished { diagnostics.append(contentsOf: found.all) }
        return finished.map(\.0)
    }

    /// One doc read again after an edit; its links are checked against `others`' headings.
    static func reload(_ source: Source, among others: [Document], allowRawHTML: Bool,
                       diagnostics: inout DiagnosticList) -> Document {
        let item = parse(source, diagnostics: &diagnostics)
        var anchorsBySource = anchors(of: others)
        anchorsBySource.merge(anchors(of: [item.document])) { _, own in own }
        return finish(item, anchorsBySource: anchorsBySource, allowRawHTML: allowRawHTML, diagnostics: &diagnostics)
    }

    /// The heading ids of each doc, by its path relative to `content/`.
    private static func anchors(of documents: [Document]) -> [String: Set<String>] {
        var anchorsBySource: [String: Set<String>] = [:]
        for document in documents {
            anchorsBySource[SitePaths.source(document.owner, stem: document.stem)] = Set(document.headings.map(\.id))
        }
        return anchorsBySource
    }

    private static func finish(_ item: Parsed, anchorsBySource: [String: Set<String>], allowRawHTML: Bool,
                               diagnostics: inout DiagnosticList) -> Document {
        var document = item.document
        rewriteLinks(of: item, anchorsBySource: anchorsBySource, diagnostics: &diagnostics)
        document.html = item.tree.html(allowRawHTML: allowRawHTML)
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
        // A leading `# Heading` is the page title (the template shows it); front matter wins.
        let leadingTitle = tree.removeLeadingTitle()
        title = title ?? leadingTitle
        let document = Document(owner: owner, stem: stem, sourcePath: path, page: SitePaths.document(owner, stem: stem),
                                title: title ?? humanized(stem), order: order, summary: summary, html: "",
                                headings: tree.headings.map { DocumentHeading(level: $0.level, text: $0.text, id: $0.id) })
        return Parsed(document: document, tree: tree)
    }

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

    private static func rewriteLinks(of item: Parsed, anchorsBySource: [String: Set<String>],
                                     diagnostics: inout DiagnosticList) {
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
                guard let anchors = anchorsBySource[target] else {
                    diagnostics.error(location, "link '\(link.destination)' points to a missing doc (content/\(target)); fix the path or add the doc")
                    continue
                }
                if let fragment, !anchors.contains(fragment) {
                    diagnostics.error(location, "link '\(link.destination)': content/\(target) has no heading with id '\(fragment)'")
                    continue
                }
                let page = SitePaths.document(owner(ofSource: target), stem: stem(ofSource: target))
                let url = SitePaths.relative(from: document.page, to: page) + (fragment.map { "#\($0)" } ?? "")
                item.tree.setDestination(of: link, to: url)
            }
        }
    }

    /// Resolves a relative path against a folder (both relative to `content/`); nil when it
    /// climbs above `content/`.
    static func resolve(_ path: String, from folder: [String]) -> String? {
        var components = folder
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }

    private static func owner(ofSource source: String) -> DocumentOwner {
        let parts = source.split(separator: "/")
        return parts.first == "clients" && parts.count == 3 ? .client(String(parts[1])) : .site
    }

    private static func stem(ofSource source: String) -> String {
        String(source.split(separator: "/").last?.dropLast(3) ?? "")
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

    init(_ destination: String) {
        if destination.isEmpty { self = .empty; return }
        if destination.hasPrefix("#") { self = .anchor(String(destination.dropFirst())); return }
        if destination.hasPrefix("//") || Self.hasScheme(destination) { self = .external; return }
        if destination.hasPrefix("/") { self = .absolutePath; return }
        let withoutQuery = destination.prefix { $0 != "#" }.prefix { $0 != "?" }
        let fragment = destination.firstIndex(of: "#").map { String(destination[destination.index(after: $0)...]) }
        self = .relative(path: String(withoutQuery), fragment: fragment)
    }

    /// `scheme:` per RFC 3986: a letter, then letters, digits, `+`, `-` or `.`, then `:`.
    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
