import Foundation

/// What the last successful build read and wrote, kept beside the output folder
/// (`.public.switchboard-build.json`, never inside it: it holds file times, and the portal must be
/// the same bytes on every machine). A build whose inputs are byte for byte the same, by the same
/// Switchboard version, over an output folder nobody touched, has nothing to do.
struct BuildRecord: Codable, Equatable {
    var version: String
    /// Hash of every file under the content and templates folders: names, kinds and bytes.
    var inputs: String
    /// Hash of every file of the output folder as the build left it: paths, kinds, sizes and
    /// modification times (`OutputFingerprint`).
    var outputs: String
    var report: BuildReport

    struct OutputStamp: Equatable, Sendable {
        var path: String
        var stamp: FileSnapshot.Stamp
    }

    /// Fingerprint of an output listing whatever order its files come in: a build adds each file
    /// as it is written, from every core, and a later build adds what it finds on disk. Each
    /// file's hash is summed, so no listing is kept or sorted (sorting the 12,000 paths of a large
    /// portal after the build took ~50 ms on one core).
    struct OutputFingerprint: Equatable, Sendable {
        private var sum: UInt64 = 0
        private var count = 0

        init() {}

        init(_ stamps: [OutputStamp]) {
            for stamp in stamps { add(Self.hash(stamp)) }
        }

        /// One file's share, to be computed outside any lock.
        static func hash(_ output: OutputStamp) -> UInt64 {
            var hash = FNV1a()
            hash.add(output.path)
            hash.add(output.stamp.kind.rawValue)
            hash.add(UInt64(bitPattern: Int64(output.stamp.size)))
            hash.add(UInt64(bitPattern: Int64(output.stamp.modified)))
            return hash.mixed
        }

        mutating func add(_ hash: UInt64) {
            sum &+= hash
            count += 1
        }

        var hex: String { "\(count)-\(String(sum, radix: 16))" }
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
    /// Files are read and hashed on every core; their hashes are combined in path order.
    static func fingerprint(of folders: [String]) -> String {
        var hash = FNV1a()
        for folder in folders {
            hash.add(folder)
            let entries = FileSnapshot.walk(folder)
            let contents = parallelMap(entries) { entry -> UInt64 in
                var content = FNV1a()
                switch entry.stamp.kind {
                case .file: content.add(FileManager.default.contents(atPath: "\(folder)/\(entry.relative)") ?? Data("unreadable".utf8))
                case .link: content.add((try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\(entry.relative)")) ?? "")
                case .other: break
                }
                return content.state
            }
            for (entry, content) in zip(entries, contents) {
                hash.add(entry.relative)
                hash.add(entry.stamp.kind.rawValue)
                hash.add(content)
            }
        }
        return hash.hex
    }

    /// Every file under `output` with its size and modification time.
    static func stamps(of output: String) -> [OutputStamp] {
        FileSnapshot.walk(output).map { OutputStamp(path: $0.relative, stamp: $0.stamp) }
    }
}

/// 64-bit FNV-1a: fast and good enough to tell edited files apart (this detects changes; it is
/// not a defence against someone forging inputs, who could change the inputs anyway).
private struct FNV1a {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ number: UInt64) {
        var number = number
        withUnsafeBytes(of: &number) { feed($0) }
    }

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

    /// The state with its bits mixed (MurmurHash3's finalizer): FNV-1a's low bits depend on few
    /// input bits, and `OutputFingerprint` adds hashes, where every bit should count.
    var mixed: UInt64 {
        var hash = state
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }
}
