/// What each page template sees (README, "Customising templates"). Mustache reads stored
/// properties by name; every value is HTML-escaped by `{{name}}`, and only the Markdown HTML
/// (`html`, `intro`) is meant for `{{{triple}}}` braces.
struct SiteContext: Encodable {
    let title: String
    let company: String
    let homeAccountID: String
    let partition: String
    let startURL: String
}

struct LinkContext: Encodable {
    let title: String
    let href: String
    let summary: String?
}

struct PageBase: Encodable {
    /// Prefix from this page back to the portal root (`""`, `"../"`, `"../../"`).
    let root: String
    let site: SiteContext
    /// Site-wide docs, for navigation.
    let nav: [LinkContext]
}

struct HomePage: Encodable {
    let page: PageBase
    let title: String
    let searchLabel = "Search clients and accounts"
    let intro: String?
    let clients: [ClientSummary]
    let docs: [LinkContext]
    let accountCount: Int
    /// First all access levels, then one entry per access level.
    let exports: [ExportContext]
}

struct ExportContext: Encodable {
    let title: String
    let awsConfig: String
    let aesr: String
    let bookmarks: String
}

struct ClientSummary: Encodable {
    let name: String
    let slug: String
    /// Lowercased words the in-page search matches against.
    let searchText: String
    let href: String
    let description: String?
    let accounts: [AccountSummary]
    let permissionSets: [PermissionSetContext]
}

struct AccountSummary: Encodable {
    let name: String
    let id: String
    let alias: String?
    let environment: String
    let href: String
    let searchText: String
}

struct PermissionSetContext: Encodable {
    let name: String
    let level: String
    let description: String
    let signInURL: String
}

struct ClientPage: Encodable {
    let page: PageBase
    let title: String
    let searchLabel: String
    let client: ClientDetails
    let intro: String?
    let accounts: [AccountContext]
    let docs: [LinkContext]
    let permissionSets: [PermissionSetContext]
    let kit: KitContext
}

/// The admin's setup kit of a client, hrefs relative to the client page.
struct KitContext: Encodable {
    let onboarding: String
    let permissionSetsTemplate: String
    let levels: [KitLevel]
    /// Every account with roles, linking the template it shares with others.
    let accounts: [KitAccount]
    let roleTemplates: [KitRoleTemplate]
}

struct KitLevel: Encodable {
    let name: String
    let key: String
    let roleName: String
    let rolePath: String
    let permissionSet: String
    let trustPolicy: String
    let inlinePolicy: String
}

struct KitAccount: Encodable {
    let name: String
    let id: String
    let template: String
}

/// A remote-roles template and the accounts to deploy it in.
struct KitRoleTemplate: Encodable {
    let name: String
    let template: String
    let accounts: [KitAccount]
}

/// Context of `onboarding.md.mustache` (Markdown, rendered into the `doc` template).
struct OnboardingContext: Encodable {
    let site: SiteContext
    let client: ClientDetails
    let externalID: String?
    let instanceARN: String?
    let kit: KitContext
}

struct AccessPage: Encodable {
    let page: PageBase
    let title: String
    let searchLabel = "Search permission sets, clients and accounts"
    let permissionSets: [AccessEntry]
    let manifest: String
}

struct AccessEntry: Encodable {
    let name: String
    let level: String
    let client: String
    let clientHref: String
    let signInURL: String
    let searchText: String
    let roles: [AccessRole]
}

struct AccessRole: Encodable {
    let accountName: String
    let accountId: String
    let roleARN: String
    let href: String
}

struct ClientDetails: Encodable {
    let name: String
    let slug: String
    let description: String?
    let contacts: [Contact]
}

struct AccountContext: Encodable {
    let anchor: String
    let searchText: String
    let id: String
    let name: String
    let alias: String?
    let environment: String
    let region: String
    let tags: [String]
    let roles: [RoleContext]
}

struct RoleContext: Encodable {
    /// `slug/accountID/levelKey`: identifies the launch for favourites and recents.
    let key: String
    /// `Client · Account · Level`, for favourites and recents.
    let label: String
    let searchText: String
    let level: String
    let levelKey: String
    let description: String
    let color: String
    let colorHex: String
    let roleName: String
    let rolePath: String
    let roleARN: String
    let permissionSet: String
    let displayName: String
    let signInURL: String
    let switchRoleURL: String
    let profileName: String
}

struct DocPage: Encodable {
    let page: PageBase
    let title: String
    let summary: String?
    let html: String
    let headings: [DocumentHeading]
    /// The page this doc belongs to: the home page or its client's page.
    let parent: LinkContext
}

struct NotFoundPage: Encodable {
    let page: PageBase
    let title: String
}
