/// Where each page lands under `public/`, and relative links between pages. Every internal link
/// is relative and names its file (`…/index.html`), so the portal works from `file://`, from a
/// sub-path and from any static host.
public enum SitePaths {
    public static let home = "index.html"
    public static let notFound = "404.html"
    public static let manifest = "portal.json"

    public static func client(_ slug: String) -> String { "clients/\(slug)/index.html" }

    /// The page a Markdown file becomes. A folder's `index.md` is the intro of the home page
    /// (`docs/index.md`) or of its client's page.
    public static func document(_ owner: DocumentOwner, stem: String) -> String {
        switch (owner, stem) {
        case (.site, "index"): home
        case (.site, _): "docs/\(stem).html"
        case (.client(let slug), "index"): client(slug)
        case (.client(let slug), _): "clients/\(slug)/\(stem).html"
        }
    }

    /// The Markdown source of a doc, relative to `content/`.
    public static func source(_ owner: DocumentOwner, stem: String) -> String {
        switch owner {
        case .site: "docs/\(stem).md"
        case .client(let slug): "clients/\(slug)/\(stem).md"
        }
    }

    /// A relative URL from the page at `from` to the file at `to` (both relative to `public/`).
    public static func relative(from: String, to: String) -> String {
        let fromFolders = from.split(separator: "/").dropLast()
        let target = to.split(separator: "/")
        var common = 0
        while common < fromFolders.count, common < target.count - 1, fromFolders[fromFolders.startIndex + common] == target[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromFolders.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }

    /// `../../` for a page two folders deep: the prefix that leads back to `public/`.
    public static func rootPrefix(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}

public enum DocumentOwner: Hashable, Sendable {
    case site
    case client(String)
}

/// Lowercase ASCII letters and digits of `text`, runs of anything else turned into one `-`
/// (`"Hello, World!"` → `hello-world`): heading ids, profile names, import slugs.
func asciiSlug(_ text: String) -> String {
    var slug = ""
    for scalar in text.lowercased().unicodeScalars {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            slug.unicodeScalars.append(scalar)
        } else if !slug.isEmpty, slug.last != "-" {
            slug += "-"
        }
    }
    while slug.last == "-" { slug.removeLast() }
    return slug
}
