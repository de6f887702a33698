/// The validated account/role inventory: `content/portal.yaml` plus every
/// `content/clients/<slug>/client.yaml`. Values here are checked and normalized.
public struct Inventory: Sendable {
    public var portal: Portal
    /// Sorted by slug.
    public var clients: [Client]
    /// The path of `portal.yaml`, for messages.
    public var portalFile: String
}

public struct Portal: Sendable {
    public var title: String
    public var company: String
    public var homeAccountID: String
    public var partition: Partition
    /// Normalized: `https://…`, no trailing slash, no query or fragment.
    public var startURL: String
    public var identityCenterRegion: String
    /// `arn:aws:sso:::instance/ssoins-…`, for the permission-set CloudFormation template.
    public var identityCenterInstanceARN: String?
    public var exports: ExportSettings
    /// Site owner's opt-in to pass raw HTML in Markdown through.
    public var allowRawHTML: Bool
    /// In the order of portal.yaml; this order is used everywhere.
    public var accessLevels: [AccessLevel]
    /// In the order of portal.yaml (see `Teams/`).
    public var teams: [Team] = []
    /// Which teams hold each access level at every client, unless the client says otherwise.
    public var defaultAccess = TeamGrants()
    /// `request_access`: an `https:` or `mailto:` URL with placeholders, for launches a user's teams
    /// do not hold; nil when none is configured.
    public var requestAccess: String?
}

/// How `~/.aws/config` and the other exports name things.
public struct ExportSettings: Sendable {
    public static let defaultProfileName = "{client}-{account}-{level}"
    public static let profileNamePlaceholders = ["{client}", "{account}", "{alias}", "{id}", "{level}"]

    /// Pattern of the profile name of a client account × access level.
    public var profileName: String
    /// Name of the `[sso-session …]` section.
    public var ssoSession: String
}

public struct AccessLevel: Sendable {
    public var key: String
    public var name: String
    public var description: String
    public var roleName: String
    public var rolePath: String
    /// e.g. `{client}ReadOnly`
    public var permissionSetPattern: String
    public var color: ConsoleColor
    public var managedPolicy: String?
    public var maxSessionDuration: Int?
    public var landingPage: String?
}

public struct Client: Sendable {
    public var slug: String
    public var name: String
    public var permissionSetPrefix: String
    public var description: String?
    /// Set when the client's roles require `sts:ExternalId` (then console switch-role cannot be used).
    public var externalID: String?
    public var contacts: [Contact]
    public var accounts: [Account]
    public var file: String
    /// The client's own team grants, replacing the portal's default per level.
    public var access = TeamGrants()
}

public struct Contact: Sendable, Encodable {
    public var name: String
    public var email: String?
    public var role: String?
    public var phone: String?
}

public struct Account: Sendable {
    public var id: String
    public var name: String
    public var alias: String?
    public var environment: String
    public var region: String
    /// Keys of the access levels that exist in this account, in portal order.
    public var accessLevelKeys: [String]
    public var roleOverrides: [String: RoleOverride]
    public var tags: [String]
    public var landingPage: String?
    public var location: SourceLocation

    /// The role name and path of an access level in this account, overrides applied.
    public func role(for level: AccessLevel) -> (name: String, path: String) {
        let override = roleOverrides[level.key]
        return (override?.roleName ?? level.roleName, override?.rolePath ?? level.rolePath)
    }
}

public struct RoleOverride: Sendable {
    public var roleName: String?
    public var rolePath: String?
}
