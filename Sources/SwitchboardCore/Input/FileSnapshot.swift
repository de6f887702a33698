import Foundation

/// Every entry below some folders with its kind, size and modification time, read with `lstat`
/// (links are not followed). Two snapshots tell which paths were added, removed or changed:
/// `serve` polls with it, and a build records its output with it.
public struct FileSnapshot: Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case file, link, other }

    public struct Stamp: Equatable, Codable, Sendable {
        public var kind: Kind
        public var size: Int
        /// Nanoseconds since 1970.
        public var modified: Int
    }

    /// Path (`folder/relative`) → stamp.
    public private(set) var entries: [String: Stamp] = [:]

    public init(of folders: [String]) {
        for folder in folders {
            for (relative, stamp) in Self.walk(folder) { entries["\(folder)/\(relative)"] = stamp }
        }
    }

    /// Paths added, removed or changed (kind, size or time) since `earlier`.
    public func changes(since earlier: FileSnapshot) -> Set<String> {
        var changed = Set(earlier.entries.keys.filter { entries[$0] == nil })
        for (path, stamp) in entries where earlier.entries[path] != stamp { changed.insert(path) }
        return changed
    }

    /// Entries below `folder` (not the folders themselves), relative, sorted by path.
    static func walk(_ folder: String) -> [(relative: String, stamp: Stamp)] {
        var result: [(String, Stamp)] = []
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for name in names {
            let path = "\(folder)/\(name)"
            guard let status = FileStatus(of: path) else { continue }
            switch status.kind {
            case .directory: result += walk(path).map { ("\(name)/\($0.relative)", $0.stamp) }
            case .file: result.append((name, Stamp(kind: .file, size: status.size, modified: status.modified)))
            case .link: result.append((name, Stamp(kind: .link, size: status.size, modified: status.modified)))
            case .other: result.append((name, Stamp(kind: .other, size: 0, modified: status.modified)))
            }
        }
        return result
    }
}
