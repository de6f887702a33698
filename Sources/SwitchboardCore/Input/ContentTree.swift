import Foundation

/// Which files of `content/` Switchboard reads. Everything is listed in sorted order so a
/// build never depends on the order the filesystem returns.
enum ContentTree {
    /// Client folders under `content/clients/`, each of which must hold a `client.yaml`.
    static func clientSlugs(in content: String, diagnostics: inout DiagnosticList) -> [String] {
        let folder = content + "/clients"
        return entries(of: folder, warningIfHiddenHolds: "client.yaml", diagnostics: &diagnostics).filter { name in
            let path = "\(folder)/\(name)"
            guard isDirectory(path) else {
                diagnostics.warning(SourceLocation(path: path), "ignored: only client folders belong in clients/")
                return false
            }
            if let problem = NamingRules.slug(name) {
                diagnostics.error(SourceLocation(path: path), "client folder name \(problem); the folder name is the client's URL slug")
                return false
            }
            guard FileManager.default.fileExists(atPath: path + "/client.yaml") else {
                diagnostics.error(SourceLocation(path: path), "client folder has no client.yaml; add one (see the README) or remove the folder")
                return false
            }
            return true
        }
    }

    /// Markdown files (`*.md`) directly in `folder`, sorted by name.
    static func markdownFiles(in folder: String, diagnostics: inout DiagnosticList) -> [String] {
        entries(of: folder, diagnostics: &diagnostics).filter { name in
            let path = "\(folder)/\(name)"
            guard name.hasSuffix(".md"), !isDirectory(path) else {
                if name != "client.yaml" {
                    diagnostics.warning(SourceLocation(path: path), "ignored: only Markdown docs (*.md) are published from here")
                }
                return false
            }
            let stem = String(name.dropLast(3))
            if let problem = NamingRules.slug(stem) {
                diagnostics.error(SourceLocation(path: path), "doc file name \(problem); the name becomes the page's URL")
                return false
            }
            return true
        }
    }

    /// Names in a folder (hidden files skipped, symbolic links rejected), sorted.
    /// A missing folder is simply empty. A hidden folder holding `marker` (a client's
    /// `client.yaml`) is skipped too, with a warning: it looks like content someone meant to publish.
    static func entries(of folder: String, warningIfHiddenHolds marker: String? = nil,
                        diagnostics: inout DiagnosticList) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        if let marker {
            for name in names where name.hasPrefix(".") && isRegularFile("\(folder)/\(name)/\(marker)") {
                diagnostics.warning(SourceLocation(path: "\(folder)/\(name)/\(marker)"),
                                    "ignored: '\(name)' is a hidden folder (its name starts with '.'); rename it to publish this client, or delete it")
            }
        }
        return names.filter { !$0.hasPrefix(".") }.sorted().filter { name in
            let path = "\(folder)/\(name)"
            if isSymbolicLink(path) {
                diagnostics.error(SourceLocation(path: path), "symbolic links are not followed in content/; replace the link with the file itself")
                return false
            }
            return true
        }
    }

    /// A folder, or a symbolic link to one.
    static func isDirectory(_ path: String) -> Bool { FileStatus(following: path)?.kind == .directory }

    static func isRegularFile(_ path: String) -> Bool { FileStatus(of: path)?.kind == .file }

    static func isSymbolicLink(_ path: String) -> Bool { FileStatus(of: path)?.kind == .link }
}
