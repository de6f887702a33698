import Foundation

/// The one place that computes AWS ARNs, names and URLs (see the README's "Link formats").
/// Everything here is a pure function of its arguments.
public enum AWSLinks {
    /// `arn:PARTITION:iam::ACCOUNT:role/PATH-WITHOUT-LEADING-SLASH/NAME`
    public static func roleARN(partition: Partition, accountID: String, rolePath: String, roleName: String) -> String {
        "arn:\(partition.rawValue):iam::\(accountID):role/\(pathPrefixedRoleName(rolePath: rolePath, roleName: roleName))"
    }

    /// The role name as console switch-role takes it: `partners/acme/acme-devops` for path
    /// `/partners/acme/`, plain `acme-devops` for path `/`.
    public static func pathPrefixedRoleName(rolePath: String, roleName: String) -> String {
        let path = rolePath.utf8.drop { $0 == UInt8(ascii: "/") } // role paths are ASCII (NamingRules)
        return path.isEmpty ? roleName : String(Substring(path)) + roleName
    }

    /// Expands a permission-set name pattern such as `{client}ReadOnly`.
    public static func permissionSetName(pattern: String, clientPrefix: String) -> String {
        fillPlaceholders(pattern, ["client": clientPrefix])
    }

    public static let permissionSetPlaceholder = "{client}"

    /// Longest `displayName` the sign-in service accepts.
    public static let maximumDisplayNameLength = 64

    /// `CLIENT ACCOUNT (LEVEL)`, shortened deterministically to at most 64 UTF-16 code units
    /// (what the browser-side checks measure): the `CLIENT ACCOUNT` part is cut and ends in `…`,
    /// the level always stays readable.
    public static func displayName(client: String, account: String, level: String) -> String {
        let suffix = " (\(level))"
        let full = "\(client) \(account)\(suffix)"
        if full.utf16.count <= maximumDisplayNameLength { return full }
        let head = "\(client) \(account)"
        let budget = maximumDisplayNameLength - suffix.utf16.count - 1
        guard budget > 0 else { return truncated(full, toUTF16: maximumDisplayNameLength) }
        return truncated(head, toUTF16: budget).trimmingTrailingSpaces() + "…" + suffix
    }

    /// Console switch-role link (step 2 of the launch). It pre-fills the Switch Role form;
    /// the user confirms with one click.
    public static func switchRoleURL(
        partition: Partition, accountID: String, rolePath: String, roleName: String,
        displayName: String, color: ConsoleColor?, landingPage: String?
    ) -> String {
        var items: [(name: String, value: String)] = [
            ("account", accountID),
            ("roleName", pathPrefixedRoleName(rolePath: rolePath, roleName: roleName)),
            ("displayName", displayName),
        ]
        if let color { items.append(("color", color.hex)) }
        if let landingPage { items.append(("redirect_uri", landingPage)) }
        return "https://\(partition.signInHost)/switchrole?\(queryString(items))"
    }

    /// IAM Identity Center shortcut link into the home account with one permission set
    /// (step 1 of the launch). `startURL` must already be checked (see `AccessPortalURL.check`).
    public static func signInURL(startURL: String, homeAccountID: String, permissionSet: String) -> String {
        "\(startURL)/#/console?\(queryString([("account_id", homeAccountID), ("role_name", permissionSet)]))"
    }

    private static func truncated(_ text: String, toUTF16 limit: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let width = character.utf16.count
            if used + width > limit { break }
            result.append(character)
            used += width
        }
        return result
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
