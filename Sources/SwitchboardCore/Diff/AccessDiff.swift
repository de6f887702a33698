/// What a change to the inventory does to access, worded for the reviewer of a pull request:
/// who can now reach which account with which role. Two content folders are compared (not two
/// builds' manifests): CI has the base branch's `content/` at hand without building it, and the
/// inventory knows what a manifest does not (where a value is written, `allow_raw_html`).
///
/// Edits that move no access (names, descriptions, tags, regions, docs' text, order) are not
/// changes; docs added or removed are only counted.
public struct AccessDiff: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        /// `critical`: every employee's sign-in or every page is affected (start URL, partition,
        /// home account, raw HTML); `access`: who reaches what.
        public enum Severity: String, Sendable { case critical, access }

        public var severity: Severity
        /// `portal.yaml`, or a client's slug.
        public var group: String
        public var message: String
        /// Where the change is written in the new content; nil for what is gone from it.
        public var location: SourceLocation?
    }

    public var changes: [Change] = []
    public var docsAdded = 0
    public var docsRemoved = 0

    public var hasAccessChanges: Bool { !changes.isEmpty }

    public static let portalGroup = "portal.yaml"

    /// Compares the inventories (and doc lists, paths relative to `content/`) before and after.
    public static func between(old: Inventory, new: Inventory, oldDocs: [String], newDocs: [String]) -> AccessDiff {
        var diff = AccessDiff()
        diff.comparePortals(old.portal, new.portal, file: new.portalFile)
        let oldClients = Dictionary(uniqueKeysWithValues: old.clients.map { ($0.slug, $0) })
        let newClients = Dictionary(uniqueKeysWithValues: new.clients.map { ($0.slug, $0) })
        for slug in Set(oldClients.keys).union(newClients.keys).sorted() {
            diff.compareClients(oldClients[slug], newClients[slug], slug: slug, old: old.portal, new: new.portal)
        }
        diff.docsAdded = Set(newDocs).subtracting(oldDocs).count
        diff.docsRemoved = Set(oldDocs).subtracting(newDocs).count
        return diff
    }

    private mutating func add(_ severity: Change.Severity, _ group: String, _ message: String, _ location: SourceLocation?) {
        changes.append(Change(severity: severity, group: group, message: message, location: location))
    }

    // MARK: portal.yaml

    private mutating func comparePortals(_ old: Portal, _ new: Portal, file: String) {
        let here = SourceLocation(path: file, line: 1, column: 1)
        let group = Self.portalGroup
        if old.startURL != new.startURL {
            add(.critical, group, "start URL \(old.startURL) → \(new.startURL): every employee's sign-in (step 1) goes there", here)
        }
        if old.partition != new.partition { add(.critical, group, "partition \(old.partition.rawValue) → \(new.partition.rawValue)", here) }
        if old.homeAccountID != new.homeAccountID {
            add(.critical, group, "home account \(old.homeAccountID) → \(new.homeAccountID): every remote role's trust policy changes", here)
        }
        if old.allowRawHTML != new.allowRawHTML {
            add(.critical, group, "allow_raw_html \(old.allowRawHTML) → \(new.allowRawHTML)"
                + (new.allowRawHTML ? ": raw HTML and scripts in any doc reach every employee's browser" : ""), here)
        }
        if old.identityCenterInstanceARN != new.identityCenterInstanceARN {
            add(.access, group, "Identity Center instance \(old.identityCenterInstanceARN ?? "(none)") → \(new.identityCenterInstanceARN ?? "(none)")", here)
        }
        let oldLevels = Dictionary(uniqueKeysWithValues: old.accessLevels.map { ($0.key, $0) })
        for level in new.accessLevels where oldLevels[level.key] == nil {
            add(.access, group, "+ access level '\(level.key)': role \(level.rolePath)\(level.roleName), permission sets \(level.permissionSetPattern)"
                + (level.managedPolicy.map { ", policy \($0)" } ?? ""), here)
        }
        for level in old.accessLevels where !new.accessLevels.contains(where: { $0.key == level.key }) {
            add(.access, group, "- access level '\(level.key)' (role \(level.rolePath)\(level.roleName))", here)
        }
        for level in new.accessLevels {
            guard let before = oldLevels[level.key] else { continue }
            let what = "access level '\(level.key)'"
            if before.roleName != level.roleName || before.rolePath != level.rolePath {
                add(.access, group, "\(what): role \(before.rolePath)\(before.roleName) → \(level.rolePath)\(level.roleName) in every account without an override (new role ARNs and trust policies)", here)
            }
            if before.permissionSetPattern != level.permissionSetPattern {
                add(.access, group, "\(what): permission sets \(before.permissionSetPattern) → \(level.permissionSetPattern) for every client", here)
            }
            if before.managedPolicy != level.managedPolicy {
                add(.access, group, "\(what): managed policy \(before.managedPolicy ?? "(none)") → \(level.managedPolicy ?? "(none)")", here)
            }
            if before.maxSessionDuration != level.maxSessionDuration {
                add(.access, group, "\(what): maximum session \(Self.seconds(before.maxSessionDuration)) → \(Self.seconds(level.maxSessionDuration))", here)
            }
        }
    }

    private static func seconds(_ value: Int?) -> String {
        value.map { "\($0) s" } ?? "default (\(AccessStatement.defaultMaximumSession) s)"
    }

    // MARK: clients

    private mutating func compareClients(_ old: Client?, _ new: Client?, slug: String, old oldPortal: Portal, new newPortal: Portal) {
        let fileStart = new.map { SourceLocation(path: $0.file, line: 1, column: 1) }
        if let old, new == nil {
            add(.access, slug, "- client '\(old.name)' and its \(old.accounts.count) account(s): "
                + old.accounts.map { "\($0.id) \($0.name)" }.joined(separator: ", "), nil)
            return
        }
        guard let new else { return }
        let newGrants = Self.grants(of: new, portal: newPortal)
        guard let old else {
            add(.access, slug, "+ client '\(new.name)' (permission sets with prefix \(new.permissionSetPrefix))", fileStart)
            for account in new.accounts { add(.access, slug, "+ account \(Self.describe(account, newGrants[account.id] ?? []))", account.location) }
            return
        }
        if old.permissionSetPrefix != new.permissionSetPrefix {
            let renamed = newPortal.accessLevels.compactMap { level -> String? in
                guard oldPortal.accessLevels.contains(where: { $0.key == level.key }) else { return nil }
                return AWSLinks.permissionSetName(pattern: level.permissionSetPattern, clientPrefix: old.permissionSetPrefix) + " → "
                    + AWSLinks.permissionSetName(pattern: level.permissionSetPattern, clientPrefix: new.permissionSetPrefix)
            }
            add(.access, slug, "permission sets " + renamed.joined(separator: ", "), fileStart)
        }
        if old.externalID != new.externalID {
            let change = switch (old.externalID, new.externalID) {
            case (nil, _): "external_id added: the roles will require it"
            case (_, nil): "external_id removed: the roles no longer require one"
            default: "external_id changed"
            }
            add(.access, slug, change, fileStart)
        }
        let oldGrants = Self.grants(of: old, portal: oldPortal)
        let oldAccounts = Dictionary(old.accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.accounts.map(\.id))
        for account in old.accounts where !newIDs.contains(account.id) {
            add(.access, slug, "- account \(Self.describe(account, oldGrants[account.id] ?? []))", nil)
        }
        for account in new.accounts {
            let grants = newGrants[account.id] ?? []
            guard let before = oldAccounts[account.id] else {
                add(.access, slug, "+ account \(Self.describe(account, grants))", account.location)
                continue
            }
            compareAccount(before, account, oldGrants[account.id] ?? [], grants, slug: slug)
        }
    }

    /// One access level's way into one account: the level and the role it reaches.
    private struct Grant: Equatable {
        var level: String
        var role: String
        /// The role differs from its level's default: a per-account override.
        var overridden: Bool
    }

    private static func grants(of client: Client, portal: Portal) -> [String: [Grant]] {
        var result: [String: [Grant]] = [:]
        for account in client.accounts {
            result[account.id] = portal.accessLevels.filter { account.accessLevelKeys.contains($0.key) }.map { level in
                let role = account.role(for: level)
                return Grant(level: level.key, role: role.path + role.name, overridden: account.roleOverrides[level.key] != nil)
            }
        }
        return result
    }

    private static func describe(_ account: Account, _ grants: [Grant]) -> String {
        "\(account.id) \(account.name): " + (grants.isEmpty ? "no access levels" : grants.map(\.level).joined(separator: ", "))
    }

    private mutating func compareAccount(_ old: Account, _ new: Account, _ before: [Grant], _ after: [Grant], slug: String) {
        let what = "account \(new.id) \(new.name)"
        for grant in after where !before.contains(where: { $0.level == grant.level }) {
            add(.access, slug, "\(what): + access level '\(grant.level)' (role \(grant.role))", new.location)
        }
        for grant in before where !after.contains(where: { $0.level == grant.level }) {
            add(.access, slug, "\(what): - access level '\(grant.level)' (role \(grant.role))", new.location)
        }
        for grant in after {
            // A change of the level's default role is reported once, for portal.yaml.
            guard let earlier = before.first(where: { $0.level == grant.level }), earlier.role != grant.role,
                  earlier.overridden || grant.overridden else { continue }
            add(.access, slug, "\(what), '\(grant.level)': role \(earlier.role) → \(grant.role) (new role ARN and trust policy)", new.location)
        }
    }
}

extension AccessDiff {
    /// Loads and validates both content folders (every problem of both is reported) and compares them.
    public static func between(oldContent: String, newContent: String) throws(InvalidInput) -> AccessDiff {
        let (old, oldDiagnostics) = InventoryLoader.load(contentDirectory: oldContent)
        let (new, newDiagnostics) = InventoryLoader.load(contentDirectory: newContent)
        guard let old, let new else { throw InvalidInput(oldDiagnostics + newDiagnostics) }
        return between(old: old, new: new, oldDocs: docs(in: oldContent, clients: old.clients),
                       newDocs: docs(in: newContent, clients: new.clients))
    }

    /// Doc paths relative to `content/`.
    private static func docs(in content: String, clients: [Client]) -> [String] {
        var ignored = DiagnosticList()
        return ContentTree.markdownFiles(in: content + "/docs", diagnostics: &ignored).map { "docs/" + $0 }
            + clients.flatMap { client in
                ContentTree.markdownFiles(in: "\(content)/clients/\(client.slug)", diagnostics: &ignored).map { "clients/\(client.slug)/\($0)" }
            }
    }
}
