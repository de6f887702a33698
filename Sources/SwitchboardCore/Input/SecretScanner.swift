import Foundation

/// Finds text in `content/` that looks like AWS credentials. The portal is published to many
/// people, so a build with credentials in its input fails instead of publishing them.
enum SecretScanner {
    private static let accessKeyPrefixes = ["AKIA", "ASIA", "ABIA", "ACCA"].map { Array($0.utf8) }
    private static let secretNames = ["aws_secret_access_key", "aws_session_token", "aws_security_token",
                                      "secretaccesskey", "sessiontoken"]

    static func scan(_ text: String, path: String) -> [Diagnostic] {
        var text = text
        // Every input is read through here: scan its UTF-8 bytes in place, line by line.
        return text.withUTF8 { bytes in
            var found: [Diagnostic] = []
            var lineNumber = 1
            var start = 0
            while start <= bytes.count {
                let end = firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: start) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if let column = accessKeyColumn(in: line) {
                    found.append(.error(SourceLocation(path: path, line: lineNumber, column: column),
                                        "this looks like an AWS access key ID; remove it (the portal is published to everyone) and rotate the key if it was ever committed"))
                }
                if mentionsSecretWord(line), let (name, column) = secretName(in: String(decoding: line, as: UTF8.self)) {
                    found.append(.error(SourceLocation(path: path, line: lineNumber, column: column),
                                        "'\(name)' looks like AWS credentials; never put secrets in content/ (the portal is published to everyone)"))
                }
                start = end + 1
                lineNumber += 1
            }
            return found
        }
    }

    /// The first secret name in the line (any case, `-` read as `_`) and its column.
    private static func secretName(in line: String) -> (String, Int)? {
        let folded = String(line.lowercased().map { $0 == "-" ? "_" : $0 })
        for name in secretNames {
            if let range = folded.range(of: name) {
                return (name, folded.distance(from: folded.startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }

    /// Cheap pre-check: every secret name contains `key` or `token` (in any case). Both words have
    /// a `k`, a rare letter, so only the places `memchr` finds one are compared.
    private static func mentionsSecretWord(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        func hasWord(around k: UInt8) -> Bool {
            var next = 0
            while let index = firstIndex(of: k, in: line, from: next) {
                if starts(line, at: index, with: "key") || (index >= 2 && starts(line, at: index - 2, with: "token")) { return true }
                next = index + 1
            }
            return false
        }
        return hasWord(around: UInt8(ascii: "k")) || hasWord(around: UInt8(ascii: "K"))
    }

    /// `line` has the lowercase ASCII `word` at `index`, ignoring case.
    @inline(__always)
    private static func starts(_ line: UnsafeBufferPointer<UInt8>, at index: Int, with word: StaticString) -> Bool {
        guard line.count - index >= word.utf8CodeUnitCount else { return false }
        for offset in 0..<word.utf8CodeUnitCount where line[index + offset] | 0x20 != word.utf8Start[offset] {
            return false
        }
        return true
    }

    /// `memchr`: the C library's search looks at many bytes per instruction, and every byte of
    /// every input goes through this scanner.
    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Column of `AKIA…`-style 20-character key IDs: a known prefix and 16 of `A-Z0-9`,
    /// not part of a longer word.
    private static func accessKeyColumn(in line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard line.count >= 20 else { return nil }
        func isKeyByte(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) }
        func isWordByte(_ byte: UInt8) -> Bool { isKeyByte(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80 }
        var next = 0
        while let start = firstIndex(of: UInt8(ascii: "A"), in: line, from: next), start <= line.count - 20 {
            next = start + 1
            guard accessKeyPrefixes.contains(where: { line[start..<start + 4].elementsEqual($0) }),
                  line[start + 4..<start + 20].allSatisfy(isKeyByte),
                  start == 0 || !isWordByte(line[start - 1]),
                  start + 20 == line.count || !isWordByte(line[start + 20])
            else { continue }
            return String(decoding: UnsafeBufferPointer(rebasing: line[..<start]), as: UTF8.self).count + 1
        }
        return nil
    }
}
