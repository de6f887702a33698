import Foundation

/// For a client's auditor, "who at your company can access our accounts, and with what?":
/// `clients/<slug>/access-statement.html` (printable, linked from the client page) and
/// `access-statement.json`. Every account and access level with its role, policy, session limit,
/// external ID, permission set and the teams (Identity Center groups) that reach it. Like every
/// page, it carries no date: the same inventory gives the same statement.
struct AccessStatement {
    let client: SiteClient
    let portal: Portal

    static func page(_ client: SiteClient) -> String { "clients/\(client.client.slug)/access-statement.html" }
    static func manifest(_ client: SiteClient) -> String { "clients/\(client.client.slug)/access-statement.json" }

    /// IAM's default when a role sets none.
    static let defaultMaximumSession = 3600

    struct Row {
        let account: Account
        let role: SiteRole
        var maximumSession: Int { role.level.maxSessionDuration ?? AccessStatement.defaultMaximumSession }
    }

    var rows: [Row] { client.accounts.flatMap { entry in entry.roles.map { Row(account: entry.account, role: $0) } } }

    var file: OutputFile {
        let accounts = client.accounts.map { entry in
            JSONValue.object([
                ("id", .string(entry.account.id)),
                ("name", .string(entry.account.name)),
                ("roles", .array(entry.roles.map { role in
                    .object([
                        ("accessLevel", .string(role.level.key)),
                        ("externalIdRequired", .bool(client.client.externalID != nil)),
                        ("managedPolicy", role.level.managedPolicy.map(JSONValue.string) ?? .null),
                        ("maxSessionDuration", .number(Row(account: entry.account, role: role).maximumSession)),
                        ("permissionSet", .string(role.permissionSet)),
                        ("roleArn", .string(role.roleARN)),
                        ("teams", .array(role.teams.map { .object([("group", .string($0.group)), ("key", .string($0.key)), ("name", .string($0.name))]) })),
                    ])
                })),
            ])
        }
        let json = JSONValue.object([
            ("accounts", .array(accounts)),
            ("client", .object([("name", .string(client.client.name)), ("slug", .string(client.client.slug))])),
            ("company", .string(portal.company)),
            ("homeAccountId", .string(portal.homeAccountID)),
        ])
        return OutputFile(path: Self.manifest(client), contents: json.data)
    }
}

/// Context of `access-statement.mustache`.
struct AccessStatementPage: Encodable, TemplateRepresentable {
    let page: PageBase
    let title: String
    let client: ClientDetails
    let company: String
    let homeAccountID: String
    let rows: [AccessStatementRow]
    let manifest: String

    var templateValue: TemplateValue {
        .members([
            "page": page.templateValue, "title": title.templateValue, "client": client.templateValue,
            "company": company.templateValue, "homeAccountID": homeAccountID.templateValue, "rows": rows.templateValue,
            "manifest": manifest.templateValue,
        ])
    }
}

struct AccessStatementRow: Encodable, TemplateRepresentable {
    let accountName: String
    let accountId: String
    let level: String
    let roleARN: String
    let managedPolicy: String?
    let maxSessionDuration: Int
    let externalID: String
    let permissionSet: String
    let teams: [TeamContext]

    var templateValue: TemplateValue {
        .members([
            "accountName": accountName.templateValue, "accountId": accountId.templateValue, "level": level.templateValue,
            "roleARN": roleARN.templateValue, "managedPolicy": managedPolicy?.templateValue,
            "maxSessionDuration": maxSessionDuration.templateValue, "externalID": externalID.templateValue,
            "permissionSet": permissionSet.templateValue, "teams": teams.templateValue,
        ])
    }
}

extension SiteRenderer {
    func accessStatementPage(_ client: SiteClient) -> AccessStatementPage {
        let statement = AccessStatement(client: client, portal: site.portal)
        let page = AccessStatement.page(client)
        return AccessStatementPage(
            page: base(for: page), title: "Access statement: \(client.client.name)",
            client: ClientDetails(name: client.client.name, slug: client.client.slug, description: client.client.description,
                                  contacts: client.client.contacts),
            company: site.portal.company, homeAccountID: site.portal.homeAccountID,
            rows: statement.rows.map { row in
                AccessStatementRow(accountName: row.account.name, accountId: row.account.id, level: row.role.level.name,
                                   roleARN: row.role.roleARN, managedPolicy: row.role.level.managedPolicy,
                                   maxSessionDuration: row.maximumSession, externalID: client.client.externalID == nil ? "no" : "yes",
                                   permissionSet: row.role.permissionSet, teams: row.role.teams.map(TeamContext.init))
            },
            manifest: SitePaths.relative(from: page, to: AccessStatement.manifest(client)))
    }
}
