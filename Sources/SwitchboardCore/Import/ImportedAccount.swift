/// An account found in an outside source, on its way into `client.yaml`.
public struct ImportedAccount: Sendable, Equatable {
    public var id: String
    public var name: String
    public var alias: String?
    public var environment: String
    /// The environment was guessed from the name; the YAML says so in a comment.
    public var environmentGuessed: Bool
    /// The console region, when the source names one (`list-accounts` output has none); the
    /// merge fills in the default and compares only what the source had.
    public var region: String?
    /// Access-level keys, in portal order; nil means every level.
    public var accessLevels: [String]?

    /// `production` for names with `prod`, `staging` for `stag`, and so on; nil when the name has no hint.
    public static func environment(fromName name: String) -> String? {
        let lowered = name.lowercased()
        let hints: [(String, String)] = [("prod", "production"), ("stag", "staging"), ("dev", "development"),
                                         ("test", "test"), ("qa", "test"), ("sandbox", "sandbox"), ("sbx", "sandbox")]
        return hints.first { lowered.contains($0.0) }?.1
    }
}

/// What an import found besides accounts: lines to report to the user.
public struct ImportReport: Sendable {
    public var skipped: [String] = []
    public var unmapped: [Diagnostic] = []
}
