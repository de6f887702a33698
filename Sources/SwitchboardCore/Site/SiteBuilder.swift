/// Joins the inventory and the docs into a `Site`, computing every link through `AWSLinks`.
public enum SiteBuilder {
    public static func build(inventory: Inventory, documents: [Document]) -> Site {
        let portal = inventory.portal
        // Clients are independent (every ARN and URL of their accounts): computed on every core.
        let clients = parallelMap(inventory.clients) { client in
            let docs = documents.filter { $0.owner == .client(client.slug) }
            return SiteClient(
                client: client,
                page: SitePaths.client(client.slug),
                accounts: client.accounts.map { account(for: $0, of: client, portal: portal) },
                docs: sorted(docs.filter { !$0.isIntro }),
                intro: docs.first(where: \.isIntro),
                permissionSets: portal.accessLevels
                    .filter { level in client.accounts.contains { $0.accessLevelKeys.contains(level.key) } }
                    .map { permissionSet(for: $0, of: client, portal: portal) }
            )
        }
        let siteDocs = documents.filter { $0.owner == .site }
        return Site(portal: portal, clients: clients, docs: sorted(siteDocs.filter { !$0.isIntro }),
                    intro: siteDocs.first(where: \.isIntro))
    }

    static func permissionSet(for level: AccessLevel, of client: Client, portal: Portal) -> PermissionSet {
        let name = AWSLinks.permissionSetName(pattern: level.permissionSetPattern, clientPrefix: client.permissionSetPrefix)
        return PermissionSet(name: name, level: level,
                             signInURL: AWSLinks.signInURL(startURL: portal.startURL, homeAccountID: portal.homeAccountID,
                                                           permissionSet: name))
    }

    static func account(for account: Account, of client: Client, portal: Portal) -> SiteAccount {
        let roles = portal.accessLevels.filter { account.accessLevelKeys.contains($0.key) }.map { level in
            let role = account.role(for: level)
            let permissionSet = permissionSet(for: level, of: client, portal: portal)
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
                profileName: ProfileNames.profile(pattern: portal.exports.profileName, client: client, account: account, level: level)
            )
        }
        return SiteAccount(account: account, roles: roles)
    }

    /// By `order` (docs without one last), then file name: a total order, so output is stable.
    static func sorted(_ documents: [Document]) -> [Document] {
        documents.sorted { ($0.order ?? Int.max, $0.stem) < ($1.order ?? Int.max, $1.stem) }
    }
}
