/// Finds text in `content/` that looks like AWS credentials. The portal is published to many
/// people, so a build with credentials in its input fails instead of publishing them.
enum SecretScanner {
    private static let accessKeyPrefixes = ["AKIA", "ASIA", "ABIA", "ACCA"]
    private static let secretNames = ["aws_secret_access_key", "aws_session_token", "aws_security_token",
                                      "secretaccesskey", "sessiontoken"]

    static func scan(_ text: String, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, lineBytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = Substring(lineBytes)
            if let column = accessKeyColumn(in: line) {
                found.append(.error(SourceLocation(path: path, line: index + 1, column: column),
                                    "this looks like an AWS access key ID; remove it (the portal is published to everyone) and rotate the key if it was ever committed"))
            }
            guard mentionsSecretWord(line) else { continue }
            let folded = String(line.lowercased().map { $0 == "-" ? "_" : $0 })
            for name in secretNames {
                if let range = folded.range(of: name) {
                    let column = folded.distance(from: folded.startIndex, to: range.lowerBound) + 1
                    found.append(.error(SourceLocation(path: path, line: index + 1, column: column),
                                        "'\(name)' looks like AWS credentials; never put secrets in content/ (the portal is published to everyone)"))
                    break
                }
            }
        }
        return found
    }

    /// Cheap pre-check: every secret name contains `key` or `token` (in any case).
    private static func mentionsSecretWord(_ line: Substring) -> Bool {
        let bytes = line.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let rest = bytes[index...]
            if starts(rest, with: "key") || starts(rest, with: "token") { return true }
            index = bytes.index(after: index)
        }
        return false
    }

    /// `bytes` begins with the lowercase ASCII `word`, ignoring case.
    @inline(__always)
    private static func starts(_ bytes: Substring.UTF8View.SubSequence, with word: StaticString) -> Bool {
        var index = bytes.startIndex
        for position in 0..<word.utf8CodeUnitCount {
            guard index != bytes.endIndex, bytes[index] | 0x20 == word.utf8Start[position] else { return false }
            index = bytes.index(after: index)
        }
        return true
    }

    /// Column of `AKIA…`-style 20-character key IDs: a known prefix and 16 of `A-Z0-9`,
    /// not part of a longer word.
    private static func accessKeyColumn(in line: Substring) -> Int? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 20 else { return nil }
        func isKeyByte(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) }
        func isWordByte(_ byte: UInt8) -> Bool { isKeyByte(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80 }
        for start in 0...(bytes.count - 20) where bytes[start] == UInt8(ascii: "A") {
            guard prefixes.contains(where: { bytes[start..<start + 4].elementsEqual($0) }),
                  bytes[start + 4..<start + 20].allSatisfy(isKeyByte),
                  start == 0 || !isWordByte(bytes[start - 1]),
                  start + 20 == bytes.count || !isWordByte(bytes[start + 20])
            else { continue }
            return String(decoding: bytes[..<start], as: UTF8.self).count + 1
        }
        return nil
    }

    private static let prefixes = accessKeyPrefixes.map { Array($0.utf8) }
}
