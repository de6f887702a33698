/// An AWS partition and the hosts that belong to it.
public enum Partition: String, Sendable, CaseIterable, Codable {
    case aws
    case awsUSGov = "aws-us-gov"
    case awsCN = "aws-cn"

    /// Host of the sign-in service, which serves `/switchrole`.
    public var signInHost: String {
        switch self {
        case .aws: "signin.aws.amazon.com"
        case .awsUSGov: "signin.amazonaws-us-gov.com"
        case .awsCN: "signin.amazonaws.cn"
        }
    }

    /// Host of the management console (without a region prefix).
    public var consoleHost: String {
        switch self {
        case .aws: "console.aws.amazon.com"
        case .awsUSGov: "console.amazonaws-us-gov.com"
        case .awsCN: "console.amazonaws.cn"
        }
    }

    /// The partition a region belongs to, judged by its name.
    public static func of(region: String) -> Partition {
        if region.hasPrefix("us-gov-") { return .awsUSGov }
        if region.hasPrefix("cn-") { return .awsCN }
        return .aws
    }
}

/// The five colors the console's Switch Role page offers, by name.
public enum ConsoleColor: String, Sendable, CaseIterable, Codable {
    case red, orange, yellow, green, blue

    /// 6-digit hex without `#`, as the `color` parameter takes it.
    public var hex: String {
        switch self {
        case .red: "F2B0A9"
        case .orange: "FBBF93"
        case .yellow: "FAD791"
        case .green: "B7CA9D"
        case .blue: "99BCE3"
        }
    }
}
