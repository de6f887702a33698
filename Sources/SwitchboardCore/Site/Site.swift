/// The validated model of the whole portal: inventory and docs with every ARN, name and URL
/// computed. Rendering reads only this.
public struct Site: Sendable {
    public var portal: Portal
    /// Sorted by slug.
    public var clients: [SiteClient]
    /// `content/docs/*.md` except `index.md`, sorted by `order`, then file name.
    public var docs: [Document]
    /// `content/docs/index.md`: the home page's intro.
    public var intro: Document?

    /// Site docs shown in every page's navigation: those with an `order` in their front matter,
    /// at most `navigationLimit` (every site doc is listed on the home page).
    public var navigation: [Document] { Array(docs.filter { $0.order != nil }.prefix(Self.navigationLimit)) }
    public var accountCount: Int { clients.reduce(0) { $0 + $1.accounts.count } }
    public static let navigationLimit = 8
}

public struct SiteClient: Sendable {
    public var client: Client
    public var page: String
    public var accounts: [SiteAccount]
    /// The client's docs except `index.md`, sorted by `order`, then file name.
    public var docs: [Document]
    /// `content/clients/<slug>/index.md`: the client page's intro.
    public var intro: Document?
    /// One per access level that at least one of the client's accounts has, in portal order:
    /// the permission set in the home account.
    public var permissionSets: [PermissionSet]
    /// The onboarding kit's CloudFormation templates for the roles in the client's accounts (the
    /// kit files, the client page and the onboarding page all list them).
    var remoteRolesTemplates: [RemoteRolesTemplate]
}

public struct SiteAccount: Sendable {
    public var account: Account
    /// In access-level order.
    public var roles: [SiteRole]
}

/// One way into one client account: an access level's role there, and the two links that reach it.
/// A class: pages, exports and manifests each walk every role, and copying nine strings per
/// visit was a measurable share of a large build.
public final class SiteRole: Sendable {
    public let level: AccessLevel
    public let roleName: String
    public let rolePath: String
    public let roleARN: String
    public let permissionSet: String
    public let displayName: String
    /// Step 2 of the launch: console switch-role link into the client account.
    public let switchRoleURL: String
    /// Step 1 of the launch: Identity Center sign-in into the home account with the permission set.
    public let signInURL: String
    /// The `~/.aws/config` profile that assumes this role (see `ExportSettings`).
    public let profileName: String
    /// The teams assigned the permission set, in portal order.
    public let teams: [Team]
    /// Where someone without those teams asks for access (`request_access`), if configured.
    public let requestAccessURL: String?

    init(level: AccessLevel, roleName: String, rolePath: String, roleARN: String, permissionSet: String,
         displayName: String, switchRoleURL: String, signInURL: String, profileName: String, teams: [Team],
         requestAccessURL: String?) {
        self.level = level
        self.roleName = roleName
        self.rolePath = rolePath
        self.roleARN = roleARN
        self.permissionSet = permissionSet
        self.displayName = displayName
        self.switchRoleURL = switchRoleURL
        self.signInURL = signInURL
        self.profileName = profileName
        self.teams = teams
        self.requestAccessURL = requestAccessURL
    }
}

/// A permission set in the home account (one per client and access level) and its sign-in link.
public struct PermissionSet: Sendable {
    public var name: String
    public var level: AccessLevel
    public var signInURL: String
    /// The teams assigned this permission set (setup step 3), in portal order.
    public var teams: [Team]
}
