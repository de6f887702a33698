/// The AWS access portal URL (`identity_center.start_url`), where step 1 of every launch signs
/// employees in. Only the host forms AWS uses are accepted, compared label by label, never by
/// substring: a look-alike host (`x.awsapps.com.evil.io`, `awsapps.com@evil.io`, a punycode
/// homograph) would send every employee's sign-in to someone else's page.
public enum AccessPortalURL {
    /// For messages and the README.
    public static let acceptedForms = "https://SUBDOMAIN.awsapps.com/start, "
        + "https://start.us-gov-west-1.us-gov-home.awsapps.com/directory/NAME (GovCloud), "
        + "https://ssoins-0123456789abcdef.REGION.portal.amazonaws.com, "
        + "https://ssoins-0123456789abcdef.portal.REGION.app.aws, "
        + "https://start.home.awsapps.cn/directory/NAME or https://SUBDOMAIN.awsapps.cn/start (China)"

    public struct Rejection: Error, Equatable, Sendable {
        /// What is wrong, e.g. "a port is not allowed".
        public let reason: String

        /// Follows the value it is about: "start_url 'x' is not …".
        public var message: String {
            "is not an AWS access portal URL (\(reason)); use the URL shown in IAM Identity Center > Settings, one of the forms \(AccessPortalURL.acceptedForms)"
        }
    }

    /// The URL with one trailing `/` removed, or why it is not an access portal URL.
    public static func check(_ raw: String) -> Result<String, Rejection> {
        func reject(_ reason: String) -> Result<String, Rejection> { .failure(Rejection(reason: reason)) }
        let scheme = "https://"
        guard raw.hasPrefix(scheme) else { return reject("it must start with https://") }
        guard raw.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }) else {
            return reject("it may only hold printable ASCII: no spaces, and no letters of other scripts that look like ASCII")
        }
        var url = raw
        if url.hasSuffix("/") { url.removeLast() }
        let rest = url.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" }
        let path = String(rest.dropFirst(authority.count))
        if rest.contains("?") || rest.contains("#") { return reject("a query or fragment is not allowed") }
        if authority.contains("@") { return reject("a user name before '@' is not allowed") }
        if authority.contains(":") { return reject("a port is not allowed") }
        let labels = authority.lowercased().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard isAccessPortal(labels, path: path) else {
            return reject("the host '\(authority)' and path '\(path)' are not one of AWS's forms")
        }
        return .success(url)
    }

    private static func isAccessPortal(_ labels: [String], path: String) -> Bool {
        switch labels.count {
        case 3: // SUBDOMAIN.awsapps.com/start, SUBDOMAIN.awsapps.cn/start
            return isSubdomain(labels[0]) && labels[1] == "awsapps" && ["com", "cn"].contains(labels[2]) && path == "/start"
        case 4: // start.home.awsapps.cn/directory/NAME
            return labels == ["start", "home", "awsapps", "cn"] && isDirectory(path)
        case 5:
            if labels[0] == "start" { // start.us-gov-west-1.us-gov-home.awsapps.com/directory/NAME
                return labels[1].hasPrefix("us-gov-") && NamingRules.region(labels[1]) == nil
                    && Array(labels[2...]) == ["us-gov-home", "awsapps", "com"] && isDirectory(path)
            }
            guard isInstance(labels[0]), path.isEmpty else { return false }
            // ssoins-….REGION.portal.amazonaws.com or ssoins-….portal.REGION.app.aws
            return (NamingRules.region(labels[1]) == nil && Array(labels[2...]) == ["portal", "amazonaws", "com"])
                || (labels[1] == "portal" && NamingRules.region(labels[2]) == nil && Array(labels[3...]) == ["app", "aws"])
        default:
            return false
        }
    }

    /// A DNS label of a-z, 0-9 and '-' that is not an internationalized (punycode) one.
    private static func isSubdomain(_ label: String) -> Bool {
        let bytes = Array(label.utf8)
        return (1...63).contains(bytes.count) && bytes.first != UInt8(ascii: "-") && bytes.last != UInt8(ascii: "-")
            && bytes.allSatisfy { NamingRules.isLowercase($0) || NamingRules.isDigit($0) || $0 == UInt8(ascii: "-") }
            && !label.hasPrefix("xn--")
    }

    /// `ssoins-` and 16 hexadecimal digits.
    private static func isInstance(_ label: String) -> Bool {
        let prefix = "ssoins-"
        let id = label.utf8.dropFirst(prefix.utf8.count)
        return label.hasPrefix(prefix) && id.count == 16
            && id.allSatisfy { NamingRules.isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// `/directory/NAME`, NAME an identity store ID (`d-…`) or an alias.
    private static func isDirectory(_ path: String) -> Bool {
        let prefix = "/directory/"
        let name = path.utf8.dropFirst(prefix.utf8.count)
        return path.hasPrefix(prefix) && (1...63).contains(name.count)
            && name.allSatisfy { NamingRules.isLetter($0) || NamingRules.isDigit($0) || $0 == UInt8(ascii: "-") }
    }
}
