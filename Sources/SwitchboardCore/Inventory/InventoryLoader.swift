import Foundation
import Yams

/// Loads and validates `portal.yaml` and every `clients/<slug>/client.yaml` under a content
/// folder. Reports every problem found, not only the first.
public enum InventoryLoader {
    static let portalKeys = ["title", "company", "home_account", "identity_center", "allow_raw_html", "exports", "access_levels",
                             "teams", "access", "request_access"]
    static let exportKeys = ["profile_name", "sso_session"]
    static let homeKeys = ["id", "partition"]
    static let identityCenterKeys = ["start_url", "region", "instance_arn"]
    static let accessLevelKeys = ["key", "name", "description", "role_name", "role_path", "permission_set",
                                  "color", "managed_policy", "max_session_duration", "landing_page"]
    static let clientKeys = ["name", "permission_set_prefix", "description", "external_id", "contacts", "accounts", "access"]
    static let contactKeys = ["name", "email", "role", "phone"]
    static let accountKeys = ["id", "name", "alias", "environment", "region", "access_levels", "roles", "tags", "landing_page"]
    static let roleOverrideKeys = ["role_name", "role_path"]

    /// - Returns: the inventory when there is no error, and every diagnostic (warnings too).
    public static func load(contentDirectory: String) -> (Inventory?, [Diagnostic]) {
        var diagnostics = DiagnosticList()
        let portalPath = contentDirectory + "/portal.yaml"
        let portal = loadPortal(path: portalPath, diagnostics: &diagnostics)
        // With errors in portal.yaml, clients are still checked against what could be read of it,
        // so that one run reports every problem (checks that need the broken values are skipped).
        let portalIsComplete = !diagnostics.hasErrors

        var clients: [Client] = []
        let slugs = ContentTree.clientSlugs(in: contentDirectory, diagnostics: &diagnostics)
        if let portal {
            // Client files are independent: read them on every core, keep slug order.
            let loaded = parallelMap(slugs) { slug in
                var found = DiagnosticList()
                let client = loadClient(slug: slug, path: "\(contentDirectory)/clients/\(slug)/client.yaml", portal: portal,
                                        portalIsComplete: portalIsComplete, diagnostics: &found)
                return (client, found.all)
            }
            for (client, found) in loaded {
                diagnostics.append(contentsOf: found)
                if let client { clients.append(client) }
            }
            validateAcrossClients(clients, portal: portal, portalIsComplete: portalIsComplete, diagnostics: &diagnostics)
        }
        guard let portal, !diagnostics.hasErrors else { return (nil, diagnostics.sorted) }
        return (Inventory(portal: portal, clients: clients, portalFile: portalPath), diagnostics.sorted)
    }

    // MARK: portal.yaml

    static func loadPortal(path: String, diagnostics: inout DiagnosticList) -> Portal? {
        guard FileManager.default.fileExists(atPath: path) else {
            diagnostics.append(.error(SourceLocation(path: path),
                                      "cannot read portal.yaml; every content folder needs one (see the README)"))
            return nil
        }
        do {
            return parsePortal(try TextFile.readContent(path), path: path, diagnostics: &diagnostics)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// `portal.yaml` from its text; `path` names it in diagnostics. When the file has errors the
    /// result is what could be read, with neutral stand-ins for the values in error (an empty
    /// home account ID, a partition guessed from the region): good for checking client files in
    /// the same run, never for building (the diagnostics hold the errors).
    static func parsePortal(_ text: String, path: String, diagnostics: inout DiagnosticList) -> Portal? {
        let reader = YAMLReader(path: path)
        defer { diagnostics.append(contentsOf: reader.diagnostics.all) }
        guard let root = reader.parse(text),
              let fields = reader.fields(root, in: "portal.yaml", allowedKeys: portalKeys,
                                         required: ["title", "company", "home_account", "identity_center", "access_levels"])
        else { return nil }

        let title = reader.string(fields, "title", in: "portal.yaml")
        let company = reader.string(fields, "company", in: "portal.yaml")
        let allowRawHTML = reader.bool(fields, "allow_raw_html", in: "portal.yaml") ?? false

        var homeID: String?
        var partition: Partition?
        if let node = fields["home_account"],
           let home = reader.fields(node, in: "home_account", allowedKeys: homeKeys, required: ["id"]) {
            homeID = reader.string(home, "id", in: "home_account")
            if let id = homeID, let problem = NamingRules.accountID(id) { reader.error(home["id"]!, problem); homeID = nil }
            partition = .aws
            if let name = reader.string(home, "partition", in: "home_account") {
                partition = Partition(rawValue: name)
                if partition == nil {
                    reader.error(home["partition"]!, "unknown partition '\(name)'; use one of "
                                 + Partition.allCases.map(\.rawValue).joined(separator: ", "))
                }
            }
        }

        var startURL: String?
        var region: String?
        var instanceARN: String?
        if let node = fields["identity_center"],
           let center = reader.fields(node, in: "identity_center", allowedKeys: identityCenterKeys,
                                      required: ["start_url", "region"]) {
            if let raw = reader.string(center, "start_url", in: "identity_center") {
                switch AccessPortalURL.check(raw) {
                case .success(let url): startURL = url
                case .failure(let rejection): reader.error(center["start_url"]!, "start_url '\(raw)' \(rejection.message)")
                }
            }
            instanceARN = reader.string(center, "instance_arn", in: "identity_center")
            if let value = instanceARN, let partition, let problem = NamingRules.identityCenterInstanceARN(value, partition: partition) {
                reader.error(center["instance_arn"]!, problem)
            }
            region = reader.string(center, "region", in: "identity_center")
            if let value = region, let problem = NamingRules.region(value) {
                reader.error(center["region"]!, problem); region = nil
            } else if let value = region, let partition, Partition.of(region: value) != partition {
                reader.error(center["region"]!, "region '\(value)' is not in the home account's partition '\(partition.rawValue)'")
            }
        }

        var levels: [AccessLevel] = []
        if let items = reader.sequence(fields, "access_levels", in: "portal.yaml") {
            if items.isEmpty { reader.error(fields["access_levels"]!, "access_levels is empty; define at least one access level") }
            var seenKeys: [String: Node] = [:]
            for item in items {
                guard let level = loadAccessLevel(item, reader: reader, partition: partition ?? .aws) else { continue }
                if let first = seenKeys[level.key] {
                    reader.error(item, "access level '\(level.key)' is defined twice (first at \(reader.location(of: first))); keys must be unique")
                    continue
                }
                seenKeys[level.key] = item
                levels.append(level)
            }
        }

        let exports = loadExportSettings(fields["exports"], company: company ?? "", reader: reader)
        let teams = TeamsLoader.teams(fields, reader: reader)
        let (defaultAccess, _) = TeamsLoader.grants(fields, in: "portal.yaml", levels: levels.map(\.key), teams: teams.map(\.key), reader: reader)
        let requestAccess = TeamsLoader.requestAccess(fields, reader: reader)
        let guessedPartition = region.map(Partition.of(region:)) ?? .aws
        return Portal(title: title ?? "", company: company ?? "", homeAccountID: homeID ?? "",
                      partition: partition ?? guessedPartition, startURL: startURL ?? "",
                      identityCenterRegion: region ?? "", identityCenterInstanceARN: instanceARN,
                      exports: exports ?? ExportSettings(profileName: ExportSettings.defaultProfileName, ssoSession: "portal"),
                      allowRawHTML: allowRawHTML, accessLevels: levels, teams: teams, defaultAccess: defaultAccess,
                      requestAccess: requestAccess)
    }

    static func loadExportSettings(_ node: Node?, company: String, reader: YAMLReader) -> ExportSettings? {
        var settings = ExportSettings(profileName: ExportSettings.defaultProfileName,
                                      ssoSession: ProfileNames.slug(company).isEmpty ? "portal" : ProfileNames.slug(company))
        guard let node else { return settings }
        guard let fields = reader.fields(node, in: "exports", allowedKeys: exportKeys) else { return nil }
        if let pattern = reader.string(fields, "profile_name", in: "exports") {
            if let problem = ProfileNames.patternProblem(pattern) {
                reader.error(fields["profile_name"]!, problem)
                return nil
            }
            settings.profileName = pattern
        }
        if let session = reader.string(fields, "sso_session", in: "exports") {
            if let problem = ProfileNames.nameProblem(session) {
                reader.error(fields["sso_session"]!, "sso_session \(problem)")
                return nil
            }
            settings.ssoSession = session
        }
        return settings
    }

    /// An access level, as long as it has a key; values in error (reported) get neutral stand-ins.
    static func loadAccessLevel(_ node: Node, reader: YAMLReader, partition: Partition) -> AccessLevel? {
        guard let fields = reader.fields(node, in: "an access level", allowedKeys: accessLevelKeys,
                                         required: ["key", "role_name", "permission_set", "color"])
        else { return nil }
        let what = "access level"
        let key = reader.string(fields, "key", in: what)
        if let key, let problem = NamingRules.slug(key) { reader.error(fields["key"]!, "access level key \(problem)") }
        let roleName = reader.string(fields, "role_name", in: what)
        if let roleName, let problem = NamingRules.roleName(roleName) { reader.error(fields["role_name"]!, problem) }
        let rolePath = reader.string(fields, "role_path", in: what) ?? "/"
        if let problem = NamingRules.rolePath(rolePath) { reader.error(fields["role_path"]!, problem) }
        if let roleName, let problem = NamingRules.switchRoleName(rolePath: rolePath, roleName: roleName) {
            reader.error(fields["role_name"]!, problem)
        }
        let pattern = reader.string(fields, "permission_set", in: what)
        if let pattern {
            if !pattern.contains(AWSLinks.permissionSetPlaceholder) {
                reader.error(fields["permission_set"]!, "permission_set '\(pattern)' must contain {client} (e.g. '{client}ReadOnly') so each client gets its own permission set")
            } else if pattern.replacingOccurrences(of: AWSLinks.permissionSetPlaceholder, with: "").contains(where: { "{}".contains($0) }) {
                reader.error(fields["permission_set"]!, "permission_set '\(pattern)' may only use the placeholder {client}")
            }
        }
        var color: ConsoleColor?
        if let name = reader.string(fields, "color", in: what) {
            color = ConsoleColor(rawValue: name)
            if color == nil {
                reader.error(fields["color"]!, "unknown color '\(name)'; use one of the Switch Role colors: "
                             + ConsoleColor.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        let maxSession = reader.int(fields, "max_session_duration", in: what)
        if let maxSession, let problem = NamingRules.maxSessionDuration(maxSession) {
            reader.error(fields["max_session_duration"]!, problem)
        }
        let landingPage = landingPage(fields, reader: reader, partition: partition)
        guard let key else { return nil }
        return AccessLevel(key: key, name: reader.string(fields, "name", in: what) ?? key,
                           description: reader.string(fields, "description", in: what) ?? "",
                           roleName: roleName ?? key, rolePath: rolePath, permissionSetPattern: pattern ?? AWSLinks.permissionSetPlaceholder,
                           color: color ?? .blue, managedPolicy: reader.string(fields, "managed_policy", in: what),
                           maxSessionDuration: maxSession, landingPage: landingPage)
    }

    /// A console page to land on after switching: an https URL on the partition's console host.
    static func landingPage(_ fields: YAMLReader.Fields, reader: YAMLReader, partition: Partition) -> String? {
        guard let value = reader.string(fields, "landing_page", in: "landing_page") else { return nil }
        let host = value.hasPrefix("https://") ? String(value.dropFirst(8).prefix { $0 != "/" && $0 != "?" && $0 != "#" }) : ""
        let console = partition.consoleHost
        guard host == console || host.hasSuffix("." + console),
              !value.unicodeScalars.contains(where: { $0.value <= 0x20 })
        else {
            reader.error(fields["landing_page"]!, "landing_page '\(value)' must be an https:// URL on \(console) or a regional console host")
            return nil
        }
        return value
    }

    // MARK: client.yaml

    static func loadClient(slug: String, path: String, portal: Portal, portalIsComplete: Bool,
                           diagnostics: inout DiagnosticList) -> Client? {
        do {
            return parseClient(try TextFile.readContent(path), slug: slug, path: path, portal: portal,
                               portalIsComplete: portalIsComplete, diagnostics: &diagnostics)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// A `client.yaml` from its text; `path` names it in diagnostics. `portalIsComplete` is false
    /// when `portal` is only what could be read of a `portal.yaml` with errors: then the checks
    /// that depend on its access levels' role and permission-set names are left for the next run.
    static func parseClient(_ text: String, slug: String, path: String, portal: Portal, portalIsComplete: Bool = true,
                            diagnostics: inout DiagnosticList) -> Client? {
        let reader = YAMLReader(path: path)
        defer { diagnostics.append(contentsOf: reader.diagnostics.all) }
        guard let root = reader.parse(text),
              let fields = reader.fields(root, in: "client.yaml", allowedKeys: clientKeys,
                                         required: ["name", "permission_set_prefix", "accounts"])
        else { return nil }
        let name = reader.string(fields, "name", in: "client.yaml")
        let prefix = reader.string(fields, "permission_set_prefix", in: "client.yaml")
        if let prefix, portalIsComplete {
            for level in portal.accessLevels {
                let setName = AWSLinks.permissionSetName(pattern: level.permissionSetPattern, clientPrefix: prefix)
                if let problem = NamingRules.permissionSetName(setName) {
                    reader.error(fields["permission_set_prefix"]!, "\(problem) (from prefix '\(prefix)' and access level '\(level.key)')")
                }
            }
        }
        var contacts: [Contact] = []
        for item in reader.sequence(fields, "contacts", in: "client.yaml") ?? [] {
            guard let contact = reader.fields(item, in: "a contact", allowedKeys: contactKeys, required: ["name"]),
                  let contactName = reader.string(contact, "name", in: "contact") else { continue }
            contacts.append(Contact(name: contactName, email: reader.string(contact, "email", in: "contact"),
                                    role: reader.string(contact, "role", in: "contact"),
                                    phone: reader.string(contact, "phone", in: "contact")))
        }
        var accounts: [Account] = []
        if let items = reader.sequence(fields, "accounts", in: "client.yaml") {
            if items.isEmpty { reader.error(fields["accounts"]!, "accounts is empty; list at least one account") }
            for item in items {
                if let account = loadAccount(item, reader: reader, portal: portal, portalIsComplete: portalIsComplete) {
                    accounts.append(account)
                }
            }
        }
        let externalID = reader.string(fields, "external_id", in: "client.yaml")
        if let externalID, let problem = NamingRules.externalID(externalID) {
            reader.error(fields["external_id"]!, problem)
        } else if externalID != nil {
            reader.warning(fields["external_id"]!, "roles that require an external ID cannot be used from the console's Switch Role page; the portal's switch-role links will not work for this client (use the AWS CLI profiles)")
        }
        let (access, accessNodes) = TeamsLoader.grants(fields, in: "client.yaml", levels: portal.accessLevels.map(\.key),
                                                       teams: portal.teams.map(\.key), reader: reader)
        TeamsLoader.warnAboutUnusedGrants(accessNodes, grants: access, accounts: accounts, reader: reader)
        guard let name, let prefix else { return nil }
        return Client(slug: slug, name: name, permissionSetPrefix: prefix,
                      description: reader.string(fields, "description", in: "client.yaml"), externalID: externalID,
                      contacts: contacts, accounts: accounts, file: path, access: access)
    }

    static func loadAccount(_ node: Node, reader: YAMLReader, portal: Portal, portalIsComplete: Bool) -> Account? {
        guard let fields = reader.fields(node, in: "an account", allowedKeys: accountKeys,
                                         required: ["id", "name", "environment", "region"])
        else { return nil }
        let what = "account"
        let errorsBefore = reader.diagnostics.all.count
        let id = reader.string(fields, "id", in: what)
        if let id, let problem = NamingRules.accountID(id) { reader.error(fields["id"]!, problem) }
        let name = reader.string(fields, "name", in: what)
        let alias = reader.string(fields, "alias", in: what)
        if let alias, let problem = NamingRules.accountAlias(alias) { reader.error(fields["alias"]!, problem) }
        let environment = reader.string(fields, "environment", in: what)
        if let environment, let problem = NamingRules.slug(environment) {
            reader.error(fields["environment"]!, "environment \(problem) (e.g. production, staging, development)")
        }
        let region = reader.string(fields, "region", in: what)
        if let region {
            if let problem = NamingRules.region(region) {
                reader.error(fields["region"]!, problem)
            } else if Partition.of(region: region) != portal.partition {
                reader.error(fields["region"]!, "region '\(region)' is in partition '\(Partition.of(region: region).rawValue)' but the home account is in '\(portal.partition.rawValue)'; roles cannot be assumed across partitions")
            }
        }
        let knownKeys = portal.accessLevels.map(\.key)
        // None are known only when portal.yaml's access_levels could not be read at all.
        let levelsKnown = !knownKeys.isEmpty
        var levelKeys = knownKeys
        if let listed = reader.stringList(fields, "access_levels", in: what) {
            for (key, keyNode) in listed where levelsKnown && !knownKeys.contains(key) {
                reader.error(keyNode, unknownLevelMessage(key, knownKeys))
            }
            let keys = Set(listed.map(\.0))
            levelKeys = knownKeys.filter { keys.contains($0) }
            if listed.isEmpty { reader.error(fields["access_levels"]!, "access_levels is empty; remove it to allow every access level") }
        }
        var overrides: [String: RoleOverride] = [:]
        for (key, keyNode, value) in reader.namedEntries(fields, "roles", in: what) ?? [] {
            guard !levelsKnown || knownKeys.contains(key) else { reader.error(keyNode, unknownLevelMessage(key, knownKeys)); continue }
            guard let roleFields = reader.fields(value, in: "roles.\(key)", allowedKeys: roleOverrideKeys) else { continue }
            let roleName = reader.string(roleFields, "role_name", in: "roles.\(key)")
            if let roleName, let problem = NamingRules.roleName(roleName) { reader.error(roleFields["role_name"]!, problem) }
            let rolePath = reader.string(roleFields, "role_path", in: "roles.\(key)")
            if let rolePath, let problem = NamingRules.rolePath(rolePath) { reader.error(roleFields["role_path"]!, problem) }
            overrides[key] = RoleOverride(roleName: roleName, rolePath: rolePath)
        }
        let tags = (reader.stringList(fields, "tags", in: what) ?? []).map(\.0)
        let landingPage = landingPage(fields, reader: reader, partition: portal.partition)
        guard reader.diagnostics.all.count == errorsBefore, let id, let name, let environment, let region else { return nil }
        let account = Account(id: id, name: name, alias: alias, environment: environment, region: region,
                              accessLevelKeys: levelKeys, roleOverrides: overrides, tags: tags,
                              landingPage: landingPage, location: reader.location(of: fields["id"]!))
        if portalIsComplete { validateRoles(of: account, node: node, reader: reader, portal: portal) }
        return account
    }

    /// Per-account role rules: path + name fits console switch-role; names unique ignoring case.
    static func validateRoles(of account: Account, node: Node, reader: YAMLReader, portal: Portal) {
        var seen: [(name: String, level: String)] = [] // a few levels: a list is faster than hashing
        for level in portal.accessLevels where account.accessLevelKeys.contains(level.key) {
            let role = account.role(for: level)
            if let problem = NamingRules.switchRoleName(rolePath: role.path, roleName: role.name) {
                reader.error(node, "\(problem) (access level '\(level.key)')")
            }
            let folded = role.name.lowercased()
            if let other = seen.first(where: { $0.name == folded }) {
                reader.error(node, "access levels '\(other.level)' and '\(level.key)' both use role name '\(role.name)' (role names are unique per account ignoring case)")
            }
            seen.append((folded, level.key))
        }
    }

    static func unknownLevelMessage(_ key: String, _ known: [String]) -> String {
        let hint = closest(to: key, among: known).map { "did you mean '\($0)'? " } ?? ""
        return "unknown access level '\(key)'; \(hint)access levels are defined in portal.yaml: \(known.joined(separator: ", "))"
    }

    // MARK: across files

    static func validateAcrossClients(_ clients: [Client], portal: Portal, portalIsComplete: Bool, diagnostics: inout DiagnosticList) {
        var accountsByID: [String: SourceLocation] = [:]
        var accountsByAlias: [String: SourceLocation] = [:]
        for client in clients {
            for account in client.accounts {
                if account.id == portal.homeAccountID {
                    diagnostics.error(account.location, "account \(account.id) is the home account; list only client (remote) accounts")
                }
                if let first = accountsByID[account.id] {
                    diagnostics.error(account.location, "account ID \(account.id) is listed twice: here and at \(first)")
                } else {
                    accountsByID[account.id] = account.location
                }
                if let alias = account.alias {
                    if let first = accountsByAlias[alias] {
                        diagnostics.error(account.location, "account alias '\(alias)' is used twice: here and at \(first); aliases are unique across AWS")
                    } else {
                        accountsByAlias[alias] = account.location
                    }
                }
            }
        }
        guard portalIsComplete else { return } // permission-set names need valid patterns
        var clientsByPermissionSet: [String: Client] = [:]
        for client in clients {
            for level in portal.accessLevels {
                let name = AWSLinks.permissionSetName(pattern: level.permissionSetPattern, clientPrefix: client.permissionSetPrefix)
                if let other = clientsByPermissionSet[name], other.slug != client.slug {
                    diagnostics.error(SourceLocation(path: client.file, line: 1, column: 1),
                                      "clients '\(other.slug)' and '\(client.slug)' both lead to permission set '\(name)'; give each client its own permission_set_prefix")
                }
                clientsByPermissionSet[name] = client
            }
        }
    }
}
