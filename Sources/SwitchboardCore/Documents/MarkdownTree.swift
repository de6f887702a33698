import CCmark
import Foundation

/// A parsed CommonMark document (libcmark). The only file that talks to libcmark.
/// Walks the tree to collect headings and links, rewrites link targets, renders HTML once.
/// Sendable so docs can be parsed on every core: a tree is only ever used by one thread at a
/// time, and libcmark keeps no state shared between documents.
final class MarkdownTree: @unchecked Sendable {
    /// nil once rendered (`renderHTML`).
    private var root: OpaquePointer?

    struct Heading: Sendable {
        var level: Int
        var text: String
        var id: String
    }

    struct Link {
        var destination: String
        var line: Int
        var column: Int
        var isImage: Bool
        fileprivate var node: OpaquePointer?
    }

    /// Headings in document order, with unique `id`s.
    private(set) var headings: [Heading] = []
    /// Links and images in document order.
    private(set) var links: [Link] = []
    /// Where paragraphs start that are GitHub-style pipe tables, which CommonMark does not have:
    /// they render as one paragraph full of `|`.
    private(set) var pipeTables: [(line: Int, column: Int)] = []

    init(markdown: String) {
        var text = markdown
        root = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
        }
        collect()
    }

    deinit { if let root { cmark_node_free(root) } }

    /// Removes a leading level-1 heading and returns its text (used as the page title).
    func removeLeadingTitle() -> String? {
        guard let first = cmark_node_first_child(root), cmark_node_get_type(first) == CMARK_NODE_CUSTOM_BLOCK,
              let heading = headings.first, heading.level == 1
        else { return nil }
        links.removeAll { link in isInside(link.node, first) } // freed with the title
        cmark_node_unlink(first)
        cmark_node_free(first)
        headings.removeFirst()
        return heading.text
    }

    func setDestination(of link: Link, to destination: String) {
        guard let node = link.node else { return }
        cmark_node_set_url(node, destination)
    }

    /// HTML of the whole document, the tree's last use: the tree is freed here, on the core that
    /// rendered it (freeing 2000 trees where their last references dropped, after the parallel
    /// pass, kept one core busy for a sixth of the docs phase). Without `allowRawHTML`, libcmark
    /// replaces raw HTML with a comment and empties `javascript:`, `vbscript:`, `file:` and
    /// non-image `data:` links.
    func renderHTML(allowRawHTML: Bool) -> String {
        guard let root else { preconditionFailure("a Markdown tree is rendered once") }
        defer {
            cmark_node_free(root)
            self.root = nil
            links = []
        }
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let rendered = cmark_render_html(root, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private func collect() {
        var headingNodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HEADING:
                    headingNodes.append(node)
                case CMARK_NODE_PARAGRAPH:
                    if Self.isPipeTable(node) { pipeTables.append(sourcePosition(of: node)) }
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    let position = sourcePosition(of: node)
                    links.append(Link(destination: url, line: position.line, column: position.column,
                                      isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE, node: node))
                default:
                    break
                }
            }
            event = cmark_iter_next(iterator)
        }
        var used: Set<String> = []
        for node in headingNodes { anchor(node, used: &used) }
    }

    /// Replaces a heading by a custom block that renders the same `<hN>` with a stable `id`;
    /// libcmark's HTML renderer has no option for heading ids.
    private func anchor(_ heading: OpaquePointer, used: inout Set<String>) {
        let level = Int(cmark_node_get_heading_level(heading))
        let text = plainText(of: heading)
        let id = uniqueAnchorID(for: text, used: &used)
        headings.append(Heading(level: level, text: text, id: id))
        // The block adds the line breaks around the heading; the inline inside it carries the tags.
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), let tags = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        else { return }
        cmark_node_set_on_enter(tags, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(tags, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(tags, child)
        }
        cmark_node_append_child(block, tags)
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    /// A paragraph whose first line has a `|` and whose second line is a table's delimiter row
    /// (`|---|:--:|`, `--- | ---`): only `|`, `-`, `:` and blanks, with at least one `|` and `-`.
    private static func isPipeTable(_ paragraph: OpaquePointer) -> Bool {
        var lines: [[UInt8]] = [[]]
        var child = cmark_node_first_child(paragraph)
        while let node = child, lines.count <= 2 {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if let literal = cmark_node_get_literal(node) {
                    lines[lines.count - 1] += UnsafeBufferPointer(start: literal, count: strlen(literal)).map { UInt8(bitPattern: $0) }
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                guard lines[0].contains(UInt8(ascii: "|")) else { return false }
                lines.append([])
            default:
                lines[lines.count - 1].append(UInt8(ascii: "x")) // code, emphasis, links: not a delimiter row
            }
            child = cmark_node_next(node)
        }
        guard lines.count >= 2 else { return false }
        let delimiter = lines[1]
        return delimiter.contains(UInt8(ascii: "|")) && delimiter.contains(UInt8(ascii: "-"))
            && delimiter.allSatisfy { "|-: \t".utf8.contains($0) }
    }

    private func isInside(_ node: OpaquePointer?, _ ancestor: OpaquePointer) -> Bool {
        var current = node
        while let candidate = current {
            if candidate == ancestor { return true }
            current = cmark_node_parent(candidate)
        }
        return false
    }

    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) {
                switch cmark_node_get_type(child) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text += " "
                default:
                    break
                }
            }
            event = cmark_iter_next(iterator)
        }
        return text
    }

    /// Inline nodes carry no position in libcmark 0.30: use the nearest block that has one.
    private func sourcePosition(of node: OpaquePointer) -> (line: Int, column: Int) {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return (line, Int(cmark_node_get_start_column(candidate))) }
            current = cmark_node_parent(candidate)
        }
        return (0, 0)
    }
}

/// A URL-fragment-safe id from heading text (see `asciiSlug`); repeated headings get `-2`, `-3`,
/// … in document order.
func uniqueAnchorID(for text: String, used: inout Set<String>) -> String {
    var slug = asciiSlug(text)
    if slug.isEmpty { slug = "section" }
    var candidate = slug
    var counter = 2
    while used.contains(candidate) {
        candidate = "\(slug)-\(counter)"
        counter += 1
    }
    used.insert(candidate)
    return candidate
}
