import Foundation

/// What the last successful build read and wrote, kept beside the output folder
/// (`.public.switchboard-build.json`, never inside it: it holds file times, and the portal must be
/// the same bytes on every machine). A build whose inputs are byte for byte the same, by the same
/// Switchboard version, over an output folder nobody touched, has nothing to do.
struct BuildRecord: Codable, Equatable {
    var version: String
    /// Hash of every file under the content and templates folders: names, kinds and bytes.
    var inputs: String
    /// Every file of the output folder, as the build left it.
    var outputs: [OutputStamp]
    var report: BuildReport

    struct OutputStamp: Codable, Equatable {
        var path: String
        var stamp: FileSnapshot.Stamp
    }

    static func location(of output: String) -> URL {
        let target = URL(fileURLWithPath: output).standardizedFileURL
        return target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).switchboard-build.json")
    }

    static func read(for output: String) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: location(of: output).path) else { return nil }
        return try? JSONDecoder().decode(BuildRecord.self, from: data)
    }

    static func remove(for output: String) {
        try? FileManager.default.removeItem(at: location(of: output))
    }

    /// Records a finished build; a record that cannot be written only means the next build runs in full.
    func write(for output: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? OutputWriter.writeReplacing(data, at: Self.location(of: output).path)
    }

    /// Fingerprint of the inputs: each file's path relative to its folder, its kind and, for
    /// regular files, its bytes. Hidden files and links count too: they may change a build's result.
    static func fingerprint(of folders: [String]) -> String {
        var hash = FNV1a()
        for folder in folders {
            hash.add(folder)
            for (relative, stamp) in FileSnapshot.walk(folder) {
                hash.add(relative)
                hash.add(stamp.kind.rawValue)
                switch stamp.kind {
                case .file: hash.add(FileManager.default.contents(atPath: "\(folder)/\(relative)") ?? Data("unreadable".utf8))
                case .link: hash.add((try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\(relative)")) ?? "")
                case .other: break
                }
            }
        }
        return hash.hex
    }

    /// Every file under `output` with its size and modification time, sorted by path.
    static func stamps(of output: String) -> [OutputStamp] {
        FileSnapshot.walk(output).map { OutputStamp(path: $0.relative, stamp: $0.stamp) }
    }
}

/// 64-bit FNV-1a: fast and good enough to tell edited files apart (this detects changes; it is
/// not a defence against someone forging inputs, who could change the inputs anyway).
private struct FNV1a {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        add(Data(text.utf8))
    }

    mutating func add(_ data: Data) {
        // The length first, so that the boundary between two values is part of the hash.
        var length = UInt64(data.count)
        withUnsafeBytes(of: &length) { feed($0) }
        data.withUnsafeBytes { feed($0) }
    }

    private mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var state = self.state
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        self.state = state
    }

    var hex: String { String(state, radix: 16) }
}
