import Foundation

/// `public/portal.json`: everything computed, for other tools. Keys are sorted so the bytes
/// are stable; clients by slug, accounts in inventory order, roles in access-level order.
struct PortalManifest {
    let site: Site

    func json() -> Data {
        let portal = site.portal
        let home = JSONValue.object([
            ("accountId", .string(portal.homeAccountID)),
            ("partition", .string(portal.partition.rawValue)),
            ("region", .string(portal.identityCenterRegion)),
            ("startUrl", .string(portal.startURL)),
        ])
        let clients = site.clients.lazy.map { client in
            JSONValue.object([
                ("accounts", .array(client.accounts.map { entry in
                    .object([
                        ("alias", entry.account.alias.map(JSONValue.string) ?? .null), // null when absent, never omitted
                        ("environment", .string(entry.account.environment)),
                        ("id", .string(entry.account.id)),
                        ("name", .string(entry.account.name)),
                        ("region", .string(entry.account.region)),
                        ("roles", .array(entry.roles.map { role in
                            .object([
                                ("accessLevel", .string(role.level.key)),
                                ("displayName", .string(role.displayName)),
                                ("permissionSet", .string(role.permissionSet)),
                                ("roleArn", .string(role.roleARN)),
                                ("roleName", .string(role.roleName)),
                                ("rolePath", .string(role.rolePath)),
                                ("signInUrl", .string(role.signInURL)),
                                ("switchRoleUrl", .string(role.switchRoleURL)),
                                ("teams", .array(role.teams.map { .string($0.key) })),
                            ])
                        })),
                        ("tags", .array(entry.account.tags.map(JSONValue.string))),
                    ])
                })),
                ("name", .string(client.client.name)),
                ("page", .string(client.page)),
                ("slug", .string(client.client.slug)),
            ])
        }
        return JSONValue.object([("clients", .elements(AnySequence(clients))), ("home", home), ("teams", .array(portal.teams.map(\.json)))]).data
    }
}
