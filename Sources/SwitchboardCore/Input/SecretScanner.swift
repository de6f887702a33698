/// Finds text in `content/` that looks like AWS credentials. The portal is published to many
/// people, so a build with credentials in its input fails instead of publishing them.
enum SecretScanner {
    private static let accessKeyPrefixes = ["AKIA", "ASIA", "ABIA", "ACCA"]
    private static let secretNames = ["aws_secret_access_key", "aws_session_token", "aws_security_token",
                                      "secretaccesskey", "sessiontoken"]

    static func scan(_ text: String, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let column = accessKeyColumn(in: line) {
                found.append(.error(SourceLocation(path: path, line: index + 1, column: column),
                                    "this looks like an AWS access key ID; remove it (the portal is published to everyone) and rotate the key if it was ever committed"))
            }
            let folded = line.lowercased().replacingOccurrences(of: "-", with: "_")
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

    /// Column of `AKIA…`-style 20-character key IDs: a known prefix and 16 of `A-Z0-9`,
    /// not part of a longer word.
    private static func accessKeyColumn(in line: Substring) -> Int? {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count >= 20 else { return nil }
        func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool { ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) }
        func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        for start in 0...(scalars.count - 20) {
            guard accessKeyPrefixes.contains(String(String.UnicodeScalarView(scalars[start..<start + 4]))),
                  scalars[start + 4..<start + 20].allSatisfy(isKeyCharacter),
                  start == 0 || !isWordCharacter(scalars[start - 1]),
                  start + 20 == scalars.count || !isWordCharacter(scalars[start + 20])
            else { continue }
            return start + 1
        }
        return nil
    }
}
