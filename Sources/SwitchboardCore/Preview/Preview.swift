import Foundation

/// What `switchboard serve` needs besides an HTTP server and `PreviewSession`: which file
/// answers a URL path, and with which content type.
public enum Preview {
    /// The file under `root` that answers `urlPath` (`/`, `/clients/x/`, `/a.html`), or nil when
    /// there is none or the path would leave `root`.
    public static func file(for urlPath: String, in root: String) -> String? {
        let path = urlPath.prefix { $0 != "?" && $0 != "#" }
        guard let decoded = String(path).removingPercentEncoding else { return nil }
        var components: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            guard part != "..", part != ".", !part.hasPrefix("."), !part.contains("\0") else { return nil }
            components.append(String(part))
        }
        var candidate = ([root] + components).joined(separator: "/")
        if ContentTree.isDirectory(candidate) { candidate += "/index.html" }
        guard FileManager.default.fileExists(atPath: candidate), !ContentTree.isDirectory(candidate) else { return nil }
        return candidate
    }

    public static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "txt", "ini", "": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
