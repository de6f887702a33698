/// The "Request access" link offered instead of a sign-in that would fail for someone whose teams
/// do not hold a permission set: `portal.yaml`'s `request_access` (an `https:` or `mailto:` URL)
/// with its placeholders filled, each value percent-encoded so it can add no parameter or recipient.
public enum RequestAccess {
    static let placeholders = ["{client}", "{account}", "{level}", "{permission_set}"]

    public static func url(template: String, client: String, account: String, level: String, permissionSet: String) -> String {
        fillPlaceholders(template, ["client": percentEncode(client), "account": percentEncode(account),
                                    "level": percentEncode(level), "permission_set": percentEncode(permissionSet)])
    }
}
