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

    /// The id of an account's row on its client page.
    public static func accountAnchor(_ accountID: String) -> String { "account-\(accountID)" }

    /// `slug/accountID/levelKey`: what favourites and recents in the browser remember a launch by.
    public static func launchKey(client slug: String, accountID: String, level: String) -> String {
        "\(slug)/\(accountID)/\(level)"
    }

    /// The Markdown source of a doc, relative to `content/`.
    public static func source(_ owner: DocumentOwner, stem: String) -> String {
        switch owner {
        case .site: "docs/\(stem).md"
        case .client(let slug): "clients/\(slug)/\(stem).md"
        }
    }

    /// A relative URL from the page at `from` to the file at `to` (both relative to `public/`).
    /// Works on the UTF-8 bytes: every link of every page goes through here.
    public static func relative(from: String, to: String) -> String {
        var (from, to) = (from, to)
        return from.withUTF8 { fromBytes in
            to.withUTF8 { toBytes in
                let slash = UInt8(ascii: "/")
                let fromFolderEnd = (fromBytes.lastIndex(of: slash) ?? -1) + 1
                // The folders both paths start with: the longest common prefix that ends with a slash.
                var shared = 0
                var index = 0
                while index < fromFolderEnd, index < toBytes.count, fromBytes[index] == toBytes[index] {
                    index += 1
                    if fromBytes[index - 1] == slash { shared = index }
                }
                let ups = fromBytes[shared..<fromFolderEnd].reduce(0) { $1 == slash ? $0 + 1 : $0 }
                let length = 3 * ups + toBytes.count - shared
                return String(unsafeUninitializedCapacity: length) { buffer in
                    for up in 0..<ups {
                        (buffer[3 * up], buffer[3 * up + 1], buffer[3 * up + 2]) = (UInt8(ascii: "."), UInt8(ascii: "."), slash)
                    }
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[(3 * ups)...]).initialize(from: toBytes[shared...])
                    return length
                }
            }
        }
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
    // Names are nearly always ASCII: bytes then (profile names ask for one per role). Other
    // text is lowercased as Unicode first, where a few letters become ASCII ones (K → k).
    var text = text
    let ascii: [UInt8]? = text.withUTF8 { utf8 in
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            default: if let last = bytes.last, last != UInt8(ascii: "-") { bytes.append(UInt8(ascii: "-")) }
            }
        }
        while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        return bytes
    }
    return ascii.map { String(decoding: $0, as: UTF8.self) } ?? unicodeSlug(text)
}

/// `asciiSlug` by its definition, for any text.
func unicodeSlug(_ text: String) -> String {
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
