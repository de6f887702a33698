import Foundation

/// Names of AWS CLI profiles and sessions in the exports.
public enum ProfileNames {
    /// The profile of a client account × access level, from the `exports.profile_name` pattern.
    public static func profile(pattern: String, client: Client, account: Account, level: AccessLevel) -> String {
        let accountSlug = slug(account.name)
        return fillPlaceholders(pattern, ["client": client.slug, "account": accountSlug, "alias": account.alias ?? accountSlug,
                                          "id": account.id, "level": level.key])
    }

    /// Lowercase ASCII letters and digits joined by single `-`.
    public static func slug(_ text: String) -> String { asciiSlug(text) }

    static func patternProblem(_ pattern: String) -> String? {
        var rest = pattern
        for placeholder in ExportSettings.profileNamePlaceholders {
            rest = rest.replacingOccurrences(of: placeholder, with: "x")
        }
        if rest.contains("{") || rest.contains("}") {
            return "profile_name '\(pattern)' may only use the placeholders " + ExportSettings.profileNamePlaceholders.joined(separator: ", ")
        }
        if !pattern.contains("{level}") || !(pattern.contains("{account}") || pattern.contains("{alias}") || pattern.contains("{id}")) {
            return "profile_name '\(pattern)' must contain {level} and one of {account}, {alias} or {id}, so every profile is unique"
        }
        return nameProblem(rest) == nil ? nil
            : "profile_name '\(pattern)' must be letters, digits and + = , . @ _ - besides its placeholders"
    }

    /// Profile and session names: no spaces or brackets, which the config file format cannot hold.
    static func nameProblem(_ name: String) -> String? {
        !name.isEmpty && name.utf8.allSatisfy({ NamingRules.isNameCharacter($0) }) ? nil
            : "'\(name)' must be letters, digits and + = , . @ _ -"
    }
}
