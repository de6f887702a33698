import Foundation

/// Everything generated besides the pages: per client the admin's kit (policies, CloudFormation
/// templates), the employees' exports, and the access matrix. Paths are relative to `public/`.
enum SetupKit {
    static func folder(_ client: SiteClient) -> String { folder(slug: client.client.slug) }
    static func folder(slug: String) -> String { "clients/\(slug)/kit" }
    static func trustPolicy(_ client: SiteClient, _ level: AccessLevel) -> String { "\(folder(client))/trust-policy-\(level.key).json" }
    static func inlinePolicy(_ client: SiteClient, _ level: AccessLevel) -> String { "\(folder(client))/permission-set-policy-\(level.key).json" }
    static func permissionSets(_ client: SiteClient) -> String { "\(folder(client))/permission-sets.template.json" }
    static func onboarding(_ client: SiteClient) -> String { onboarding(slug: client.client.slug) }
    static func onboarding(slug: String) -> String { "clients/\(slug)/onboarding.html" }

    static let exportsFolder = "exports"
    static func awsConfig(_ slice: ExportSlice?) -> String { exportPath("aws-config", slice) }
    static func aesr(_ slice: ExportSlice?) -> String { exportPath("aesr.ini", slice) }
    static func bookmarks(_ slice: ExportSlice?) -> String { exportPath("bookmarks.html", slice) }
    static let accessPage = "access.html"
    static let accessManifest = "access.json"

    /// `exports/NAME`, `exports/LEVEL/NAME`, `exports/teams/TEAM/NAME`.
    private static func exportPath(_ name: String, _ slice: ExportSlice?) -> String {
        switch slice {
        case nil: "\(exportsFolder)/\(name)"
        case .level(let key): "\(exportsFolder)/\(key)/\(name)"
        case .team(let key): "\(exportsFolder)/teams/\(key)/\(name)"
        }
    }

    /// Every export file's slice: all levels (nil), each level, each team.
    static func exportSlices(_ portal: Portal) -> [ExportSlice?] {
        [nil] + portal.accessLevels.map { .level($0.key) } + portal.teams.map { .team($0.key) }
    }

    /// A client's remote-roles templates: accounts with the same roles (access levels, role names
    /// and paths) share one, named after the first of them, so it can be deployed as one StackSet.
    /// Computed once per client by `SiteBuilder` (`SiteClient.remoteRolesTemplates`).
    static func remoteRolesTemplates(slug: String, accounts: [SiteAccount]) -> [RemoteRolesTemplate] {
        var groups: [[SiteAccount]] = []
        var groupOfRoles: [[String]: Int] = [:]
        for account in accounts where !account.roles.isEmpty {
            let roles = account.roles.flatMap { [$0.level.key, $0.roleName, $0.rolePath] }
            if let index = groupOfRoles[roles] {
                groups[index].append(account)
            } else {
                groupOfRoles[roles] = groups.count
                groups.append([account])
            }
        }
        return groups.map { accounts in
            let fileName = "remote-roles-\(accounts[0].account.id).template.json"
            return RemoteRolesTemplate(fileName: fileName, path: "\(folder(slug: slug))/\(fileName)", accounts: accounts)
        }
    }

    /// Every role ARN of the client's accounts for one access level, in inventory order.
    static func roleARNs(of client: SiteClient, level: AccessLevel) -> [String] {
        var arns: [String] = []
        for account in client.accounts {
            for role in account.roles where role.level.key == level.key { arns.append(role.roleARN) }
        }
        return arns
    }

    /// The employees' exports in one format, for all access levels and for each alone.
    static func exportFiles(_ format: ExportFormat, site: Site) -> [OutputFile] {
        let (text, path): (SlicedText, (ExportSlice?) -> String) = switch format {
        case .awsConfig: (Exports.awsConfig(site: site), awsConfig)
        case .aesr: (Exports.aesr(site: site), aesr)
        case .bookmarks: (Exports.bookmarks(site: site), bookmarks)
        }
        return exportSlices(site.portal).map { OutputFile(path: path($0), contents: Data(text[$0])) }
    }

    enum ExportFormat: CaseIterable, Sendable { case awsConfig, aesr, bookmarks }

    static func accessManifestFile(site: Site) -> OutputFile {
        OutputFile(path: accessManifest, contents: AccessMatrix(site: site).json.data)
    }

    /// A client's kit (policies, CloudFormation templates) and the problems only visible once
    /// it is computed: policies over AWS size limits.
    static func clientFiles(_ client: SiteClient, site: Site) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        func add(_ path: String, _ text: String) { files.append(OutputFile(path: path, contents: Data(text.utf8))) }
        let portal = site.portal
        let location = SourceLocation(path: client.client.file, line: 1, column: 1)
        for set in client.permissionSets {
            let trust = Policies.trustPolicy(partition: portal.partition, homeAccountID: portal.homeAccountID,
                                             permissionSet: set.name, externalID: client.client.externalID).text
            add(trustPolicy(client, set.level), trust)
            if case let length = Policies.compactLength(trust), length > Policies.maximumTrustPolicyLength {
                diagnostics.append(.error(location, "the trust policy for \(set.name) would be \(length) characters; IAM allows \(Policies.maximumTrustPolicyLength) by default"))
            }
            let inline = Policies.permissionSetPolicy(roleARNs: roleARNs(of: client, level: set.level)).text
            add(inlinePolicy(client, set.level), inline)
            if case let length = Policies.compactLength(inline), length > Policies.maximumInlinePolicyLength {
                diagnostics.append(.error(location, "the inline policy of permission set \(set.name) would be \(length) characters; IAM Identity Center allows \(Policies.maximumInlinePolicyLength): split the client or shorten role paths"))
            }
        }
        for template in client.remoteRolesTemplates {
            add(template.path, CloudFormation.remoteRoles(site: site, client: client, accounts: template.accounts).text)
        }
        add(permissionSets(client), CloudFormation.permissionSets(site: site, client: client).text)
        return (files, diagnostics)
    }

    /// AWS CLI profile names (permission sets and roles) that two entries would share.
    static func profileConflicts(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Who took each name, described only when another wants it: there is one per role.
        enum User {
            case permissionSet(String)
            case role(client: String, account: String, level: String)
            var description: String {
                switch self {
                case .permissionSet(let name): "permission set \(name)"
                case .role(let client, let account, let level): "\(client) \(account) \(level)"
                }
            }
        }
        var profiles: [String: User] = [:]
        profiles.reserveCapacity(site.accountCount * site.portal.accessLevels.count)
        for client in site.clients {
            let location = SourceLocation(path: client.client.file, line: 1, column: 1)
            for set in client.permissionSets {
                if let other = profiles.updateValue(.permissionSet(set.name), forKey: set.name) {
                    diagnostics.append(.error(location, "AWS CLI profile name '\(set.name)' is used twice (also by \(other.description)); give each access level its own permission_set pattern"))
                }
            }
            for account in client.accounts {
                for role in account.roles {
                    let user = User.role(client: client.client.name, account: account.account.name, level: role.level.key)
                    if let other = profiles.updateValue(user, forKey: role.profileName) {
                        diagnostics.append(.error(account.account.location, "AWS CLI profile name '\(role.profileName)' is used twice (also by \(other.description)); change exports.profile_name in portal.yaml or rename an account"))
                    }
                }
            }
        }
        return diagnostics
    }
}

/// One remote-roles CloudFormation template and the accounts (at least one) it is for.
struct RemoteRolesTemplate: Sendable {
    let fileName: String
    let path: String
    let accounts: [SiteAccount]
}

/// Which permission set reaches which client role, both ways round.
struct AccessMatrix {
    let site: Site

    var json: JSONValue {
        let sets = site.clients.lazy.flatMap { client in
            client.permissionSets.map { set in
                JSONValue.object([
                    ("name", .string(set.name)),
                    ("accessLevel", .string(set.level.key)),
                    ("client", .string(client.client.slug)),
                    ("signInUrl", .string(set.signInURL)),
                    ("roles", .array(client.accounts.flatMap { account in
                        account.roles.filter { $0.level.key == set.level.key }.map { role in
                            JSONValue.object([("accountId", .string(account.account.id)), ("accountName", .string(account.account.name)),
                                              ("roleArn", .string(role.roleARN))])
                        }
                    })),
                    ("teams", .array(set.teams.map { .string($0.key) })),
                ])
            }
        }
        let accounts = site.clients.lazy.flatMap { client in
            client.accounts.map { account in
                JSONValue.object([
                    ("id", .string(account.account.id)),
                    ("name", .string(account.account.name)),
                    ("client", .string(client.client.slug)),
                    ("permissionSets", .array(account.roles.map { .string($0.permissionSet) })),
                ])
            }
        }
        return .object([("permissionSets", .elements(AnySequence(sets))), ("accounts", .elements(AnySequence(accounts))),
                        ("teams", .array(site.portal.teams.map(\.json)))])
    }
}
