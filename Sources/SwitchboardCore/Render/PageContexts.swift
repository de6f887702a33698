/// What each page template sees (README, "Customising templates"). Mustache reads stored
/// properties by name; every value is HTML-escaped by `{{name}}`, and only the Markdown HTML
/// (`html`, `intro`) is meant for `{{{triple}}}` braces.
struct SiteContext {
    let title: String
    let company: String
    let homeAccountID: String
    let partition: String
    let startURL: String
}

struct LinkContext {
    let title: String
    let href: String
    let summary: String?
}

struct PageBase {
    /// Prefix from this page back to the portal root (`""`, `"../"`, `"../../"`).
    let root: String
    let site: SiteContext
    /// Site-wide docs, for navigation.
    let nav: [LinkContext]
}

struct HomePage {
    let page: PageBase
    let title: String
    let searchLabel = "Search clients and accounts"
    let intro: String?
    let clients: [ClientSummary]
    let docs: [LinkContext]
    let accountCount: Int
}

struct ClientSummary {
    let name: String
    let slug: String
    /// Lowercased words the in-page search matches against.
    let searchText: String
    let href: String
    let description: String?
    let accounts: [AccountSummary]
    let permissionSets: [PermissionSetContext]
}

struct AccountSummary {
    let name: String
    let id: String
    let alias: String?
    let environment: String
    let href: String
    let searchText: String
}

struct PermissionSetContext {
    let name: String
    let level: String
    let description: String
    let signInURL: String
}

struct ClientPage {
    let page: PageBase
    let title: String
    let searchLabel: String
    let client: ClientDetails
    let intro: String?
    let accounts: [AccountContext]
    let docs: [LinkContext]
    let permissionSets: [PermissionSetContext]
}

struct ClientDetails {
    let name: String
    let slug: String
    let description: String?
    let contacts: [Contact]
}

struct AccountContext {
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

struct RoleContext {
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
}

struct DocPage {
    let page: PageBase
    let title: String
    let summary: String?
    let html: String
    let headings: [DocumentHeading]
    /// The page this doc belongs to: the home page or its client's page.
    let parent: LinkContext
}

struct NotFoundPage {
    let page: PageBase
    let title: String
}
