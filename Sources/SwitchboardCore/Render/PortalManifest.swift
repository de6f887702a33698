import Foundation

/// `public/portal.json`: everything computed, for other tools. Keys are sorted so the bytes
/// are stable; clients by slug, accounts in inventory order, roles in access-level order.
struct PortalManifest: Encodable {
    struct Home: Encodable {
        let accountId: String
        let partition: String
        let startUrl: String
        let region: String
    }

    struct Client: Encodable {
        let slug: String
        let name: String
        let page: String
        let accounts: [Account]
    }

    struct Account: Encodable {
        let id: String
        let name: String
        let alias: String?
        let environment: String
        let region: String
        let tags: [String]
        let roles: [Role]

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(alias, forKey: .alias) // null when absent, never omitted
            try container.encode(environment, forKey: .environment)
            try container.encode(region, forKey: .region)
            try container.encode(tags, forKey: .tags)
            try container.encode(roles, forKey: .roles)
        }

        enum CodingKeys: String, CodingKey { case id, name, alias, environment, region, tags, roles }
    }

    struct Role: Encodable {
        let accessLevel: String
        let roleName: String
        let rolePath: String
        let roleArn: String
        let permissionSet: String
        let displayName: String
        let switchRoleUrl: String
        let signInUrl: String
    }

    let home: Home
    let clients: [Client]

    init(site: Site) {
        let portal = site.portal
        home = Home(accountId: portal.homeAccountID, partition: portal.partition.rawValue, startUrl: portal.startURL,
                    region: portal.identityCenterRegion)
        clients = site.clients.map { client in
            Client(slug: client.client.slug, name: client.client.name, page: client.page, accounts: client.accounts.map { entry in
                Account(id: entry.account.id, name: entry.account.name, alias: entry.account.alias,
                        environment: entry.account.environment, region: entry.account.region, tags: entry.account.tags,
                        roles: entry.roles.map {
                            Role(accessLevel: $0.level.key, roleName: $0.roleName, rolePath: $0.rolePath, roleArn: $0.roleARN,
                                 permissionSet: $0.permissionSet, displayName: $0.displayName,
                                 switchRoleUrl: $0.switchRoleURL, signInUrl: $0.signInURL)
                        })
            })
        }
    }

    func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and arrays cannot fail.
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }
}
