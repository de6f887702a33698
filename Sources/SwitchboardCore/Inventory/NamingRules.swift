/// AWS naming rules (README, "Naming rules"). Each check returns nil when the value is
/// valid, else a message that says what is wrong and what is allowed.
public enum NamingRules {
    /// The hint fits the mistake: the console's display form `4444-5555-6666` (remove the
    /// separators), a digit too many or too few (count them), anything else. IDs are read from the
    /// YAML scalar's text, so an unquoted ID keeps its leading zeros and quoting is never the fix.
    public static func accountID(_ value: String) -> String? {
        let bytes = value.utf8
        if bytes.count == 12 && bytes.allSatisfy(isDigit) { return nil }
        let digits = bytes.filter(isDigit).count
        let separators = bytes.filter { $0 == dash || $0 == UInt8(ascii: " ") }.count
        if digits == 12 && digits + separators == bytes.count {
            return "account ID '\(value)' must be 12 digits without separators: write '\(String(decoding: bytes.filter(isDigit), as: UTF8.self))'"
        }
        if digits == bytes.count {
            return "account ID '\(value)' has \(digits) digit\(digits == 1 ? "" : "s"); an AWS account ID has exactly 12 (copy it again from the account menu or 'aws sts get-caller-identity')"
        }
        return "account ID '\(value)' must be exactly 12 digits"
    }

    public static func accountAlias(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        let valid = (3...63).contains(bytes.count)
            && bytes.allSatisfy { isLowercase($0) || isDigit($0) || $0 == dash }
            && bytes.first != dash && bytes.last != dash
            && !zip(bytes, bytes.dropFirst()).contains { $0 == dash && $1 == dash }
        if !valid {
            return "account alias '\(value)' must be 3-63 characters of a-z, 0-9 and single '-', not starting or ending with '-'"
        }
        if accountID(value) == nil { return "account alias '\(value)' must not be a 12-digit number" }
        return nil
    }

    public static func roleName(_ value: String) -> String? {
        (1...64).contains(value.utf8.count) && value.utf8.allSatisfy(isNameCharacter) ? nil
            : "role name '\(value)' must be 1-64 characters of A-Z a-z 0-9 + = , . @ _ -"
    }

    public static func rolePath(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        let valid = (1...512).contains(bytes.count) && bytes.first == slash && bytes.last == slash
            && bytes.allSatisfy { (0x21...0x7E).contains($0) }
        return valid ? nil
            : "role path '\(value)' must be '/' or start and end with '/', 1-512 printable ASCII characters"
    }

    /// Console switch-role stores path + name in a cookie limited to 64 characters.
    public static func switchRoleName(rolePath: String, roleName: String) -> String? {
        let combined = AWSLinks.pathPrefixedRoleName(rolePath: rolePath, roleName: roleName)
        return combined.utf8.count <= 64 ? nil
            : "role path + name '\(combined)' is \(combined.utf8.count) characters; console switch-role allows at most 64"
    }

    public static func permissionSetName(_ value: String) -> String? {
        (1...32).contains(value.utf8.count) && value.utf8.allSatisfy(isNameCharacter) ? nil
            : "permission set name '\(value)' must be 1-32 characters of A-Z a-z 0-9 + = , . @ _ -"
    }

    public static func maxSessionDuration(_ seconds: Int) -> String? {
        (3600...43200).contains(seconds) ? nil
            : "max_session_duration \(seconds) must be between 3600 and 43200 seconds"
    }

    public static func region(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        let valid = bytes.count >= 3 && bytes.allSatisfy { isLowercase($0) || isDigit($0) || $0 == dash }
            && bytes.first != dash && bytes.last != dash && bytes.contains(dash)
        return valid ? nil : "region '\(value)' must look like 'eu-west-1': lowercase letters, digits and '-'"
    }

    /// Client folder names and doc file names become URL path segments.
    public static func slug(_ value: String) -> String? {
        !value.isEmpty && value.utf8.count <= 100 && value.utf8.allSatisfy { isLowercase($0) || isDigit($0) || $0 == dash } ? nil
            : "'\(value)' is not a valid slug: use 1-100 characters of a-z, 0-9 and '-'"
    }

    public static func externalID(_ value: String) -> String? {
        (2...1224).contains(value.utf8.count) && value.utf8.allSatisfy({ isNameCharacter($0) || $0 == UInt8(ascii: ":") || $0 == slash })
            ? nil : "external_id must be 2-1224 characters of A-Z a-z 0-9 + = , . @ : / _ -"
    }

    /// `arn:PARTITION:sso:::instance/ssoins-…` (or `sso:::instance/…` for older instances).
    public static func identityCenterInstanceARN(_ value: String, partition: Partition) -> String? {
        let prefix = "arn:\(partition.rawValue):sso:::instance/"
        let id = value.hasPrefix(prefix) ? value.dropFirst(prefix.count) : ""
        return !id.isEmpty && id.utf8.allSatisfy({ isLowercase($0) || isDigit($0) || $0 == dash }) ? nil
            : "instance_arn '\(value)' must look like \(prefix)ssoins-1234567890abcdef (IAM Identity Center > Settings)"
    }

    static func isNameCharacter(_ byte: UInt8) -> Bool {
        isLowercase(byte) || isUppercase(byte) || isDigit(byte) || "+=,.@_-".utf8.contains(byte)
    }

    /// ASCII classes of a UTF-8 byte, for every check over bytes (bytes of multi-byte characters
    /// are in none of them).
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isLowercase(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
    static func isUppercase(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    static func isLetter(_ byte: UInt8) -> Bool { isLowercase(byte) || isUppercase(byte) }
    private static let dash = UInt8(ascii: "-")
    private static let slash = UInt8(ascii: "/")
}
