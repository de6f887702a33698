/// Joins the inventory and the docs into a `Site`, computing every link through `AWSLinks`.
public enum SiteBuilder {
    public static func build(inventory: Inventory, documents: [Document]) -> Site {
        let portal = inventory.portal
        let documentsByOwner = Dictionary(grouping: documents, by: \.owner) // each group in the given order
        // Clients are independent (every ARN and URL of their accounts): computed on every core.
        let clients = parallelMap(inventory.clients) { client in
            let docs = documentsByOwner[.client(client.slug)] ?? []
            // Per access level, in portal order; the client's accounts share them.
            let permissionSets = portal.accessLevels.map { permissionSet(for: $0, of: client, portal: portal) }
            let accounts = client.accounts.map { account(for: $0, of: client, portal: portal, permissionSets: permissionSets) }
            return SiteClient(
                client: client,
                page: SitePaths.client(client.slug),
                accounts: accounts,
                docs: sorted(docs.filter { !$0.isIntro }),
                intro: docs.first(where: \.isIntro),
                permissionSets: permissionSets.filter { set in client.accounts.contains { $0.accessLevelKeys.contains(set.level.key) } },
                remoteRolesTemplates: SetupKit.remoteRolesTemplates(slug: client.slug, accounts: accounts)
            )
        }
        let siteDocs = documentsByOwner[.site] ?? []
        return Site(portal: portal, clients: clients, docs: sorted(siteDocs.filter { !$0.isIntro }),
                    intro: siteDocs.first(where: \.isIntro))
    }

    static func permissionSet(for level: AccessLevel, of client: Client, portal: Portal) -> PermissionSet {
        let name = AWSLinks.permissionSetName(pattern: level.permissionSetPattern, clientPrefix: client.permissionSetPrefix)
        return PermissionSet(name: name, level: level,
                             signInURL: AWSLinks.signInURL(startURL: portal.startURL, homeAccountID: portal.homeAccountID,
                                                           permissionSet: name),
                             teams: portal.teams(holding: level, for: client))
    }

    /// `permissionSets`: the client's, one per access level of the portal, in its order.
    static func account(for account: Account, of client: Client, portal: Portal, permissionSets: [PermissionSet]) -> SiteAccount {
        let roles = permissionSets.filter { account.accessLevelKeys.contains($0.level.key) }.map { permissionSet in
            let level = permissionSet.level
            let role = account.role(for: level)
            let displayName = AWSLinks.displayName(client: client.name, account: account.name, level: level.name)
            return SiteRole(
                level: level, roleName: role.name, rolePath: role.path,
                roleARN: AWSLinks.roleARN(partition: portal.partition, accountID: account.id,
                                          rolePath: role.path, roleName: role.name),
                permissionSet: permissionSet.name,
                displayName: displayName,
                switchRoleURL: AWSLinks.switchRoleURL(
                    partition: portal.partition, accountID: account.id, rolePath: role.path, roleName: role.name,
                    displayName: displayName, color: level.color, landingPage: account.landingPage ?? level.landingPage),
                signInURL: permissionSet.signInURL,
                profileName: ProfileNames.profile(pattern: portal.exports.profileName, client: client, account: account, level: level),
                teams: permissionSet.teams,
                requestAccessURL: portal.requestAccess.map {
                    RequestAccess.url(template: $0, client: client.name, account: "\(account.name) (\(account.id))",
                                      level: level.name, permissionSet: permissionSet.name)
                }
            )
        }
        return SiteAccount(account: account, roles: roles)
    }

    /// By `order` (docs without one last), then file name: a total order, so output is stable.
    static func sorted(_ documents: [Document]) -> [Document] {
        documents.sorted { ($0.order ?? Int.max, $0.stem) < ($1.order ?? Int.max, $1.stem) }
    }
}
