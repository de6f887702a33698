import Foundation

/// Reads who may use what from IAM Identity Center, as the AWS CLI prints it, into `teams:` and
/// `access:`. A folder holds the JSON of
/// `aws identitystore list-groups` (`{"Groups": …}`), `aws sso-admin describe-permission-set`
/// (`{"PermissionSet": …}`, one per permission set) and `aws sso-admin list-account-assignments`
/// for the home account (`{"AccountAssignments": …}`, one per permission set); any file names.
/// Permission sets are matched to clients and levels by the naming pattern; group assignments
/// become teams. What matches nothing (another account, a user, a permission set of no client or
/// level) is reported with its names.
public enum IdentityCenterImport {
    public struct Found: Sendable {
        /// Teams for the groups with assignments, in group-name order (existing teams keep their key).
        public var teams: [Team] = []
        /// Per level, the teams most clients have: the portal's default.
        public var defaultAccess = TeamGrants()
        /// Per client slug, the levels whose teams differ from the default.
        public var clientAccess: [String: TeamGrants] = [:]
        public var report = ImportReport()
    }

    public static func read(folder: String, portal: Portal, clients: [Client]) throws(InvalidInput) -> Found {
        var groups: [String: String] = [:] // GroupId → DisplayName
        var permissionSets: [String: String] = [:] // PermissionSetArn → Name
        var assignments: [(arn: String, type: String, principal: String, account: String, file: String)] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        guard !files.isEmpty else {
            throw InvalidInput([.error(SourceLocation(path: folder), "no *.json files here; save the AWS CLI's output as the README's \"Importing what you already have\" shows")])
        }
        for name in files {
            let path = "\(folder)/\(name)"
            let data = try TextFile.readBytes(path)
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw InvalidInput([.error(SourceLocation(path: path, line: 1, column: 1), "not a JSON object as the AWS CLI prints (--output json)")])
            }
            if let list = object["Groups"] as? [[String: Any]] {
                for group in list {
                    if let id = group["GroupId"] as? String, let display = group["DisplayName"] as? String { groups[id] = display }
                }
            } else if let set = object["PermissionSet"] as? [String: Any] {
                if let arn = set["PermissionSetArn"] as? String, let setName = set["Name"] as? String { permissionSets[arn] = setName }
            } else if let list = object["AccountAssignments"] as? [[String: Any]] {
                for item in list {
                    assignments.append((item["PermissionSetArn"] as? String ?? "", item["PrincipalType"] as? String ?? "",
                                        item["PrincipalId"] as? String ?? "", item["AccountId"] as? String ?? "", path))
                }
            } else {
                throw InvalidInput([.error(SourceLocation(path: path, line: 1, column: 1), "expected the output of list-groups (\"Groups\"), describe-permission-set (\"PermissionSet\") or list-account-assignments (\"AccountAssignments\")")])
            }
        }

        var found = Found()
        // client slug → level key → group names
        var held: [String: [String: Set<String>]] = [:]
        for assignment in assignments {
            let location = SourceLocation(path: assignment.file, line: 1, column: 1)
            let setName = permissionSets[assignment.arn] ?? assignment.arn
            guard assignment.account == portal.homeAccountID else {
                found.report.unmapped.append(.warning(location, "assignment of \(setName) in account \(assignment.account) skipped: permission sets are assigned in the home account \(portal.homeAccountID)"))
                continue
            }
            guard assignment.type == "GROUP", let group = groups[assignment.principal] else {
                let who = assignment.type == "GROUP" ? "group \(assignment.principal) (not in list-groups)" : "\(assignment.type.lowercased()) \(assignment.principal)"
                found.report.unmapped.append(.warning(location, "assignment of \(setName) to \(who) skipped: teams are groups (see the README on user assignments)"))
                continue
            }
            guard let (client, level) = clientAndLevel(of: setName, portal: portal, clients: clients) else {
                found.report.unmapped.append(.warning(location, "assignment of group '\(group)' to \(setName) skipped: the permission set matches no client and access level of the inventory"))
                continue
            }
            held[client, default: [:]][level, default: []].insert(group)
        }

        // Teams: the inventory's team for a group where it has one, else a new one named after the group.
        let usedGroups = Set(held.values.flatMap { $0.values.flatMap { $0 } }).sorted()
        var keyOfGroup: [String: String] = [:]
        for group in usedGroups {
            let id = groups.first { $0.value == group }?.key
            if let existing = portal.teams.first(where: { $0.group == group || ($0.groupID != nil && $0.groupID == id) }) {
                keyOfGroup[group] = existing.key
                found.teams.append(existing)
            } else {
                let key = ProfileNames.slug(group).isEmpty ? "team" : ProfileNames.slug(group)
                keyOfGroup[group] = key
                found.teams.append(Team(key: key, name: group, group: group, groupID: id, description: ""))
            }
        }
        func keys(_ groups: Set<String>) -> [String] { found.teams.map(\.key).filter { key in groups.contains { keyOfGroup[$0] == key } } }

        // Per level, the default is the team list most clients have (ties: the first client's);
        // clients with another list keep theirs.
        for level in portal.accessLevels {
            let lists = clients.filter { client in client.accounts.contains { $0.accessLevelKeys.contains(level.key) } }
                .map { (slug: $0.slug, keys: keys(held[$0.slug]?[level.key] ?? [])) }
            guard let first = lists.first else { continue }
            let counts = Dictionary(lists.map { ($0.keys, 1) }, uniquingKeysWith: +)
            let common = lists.map(\.keys).reduce(first.keys) { best, candidate in
                (counts[candidate] ?? 0) > (counts[best] ?? 0) ? candidate : best
            }
            if !common.isEmpty { found.defaultAccess.byLevel[level.key] = common }
            for list in lists where list.keys != common {
                found.clientAccess[list.slug, default: TeamGrants()].byLevel[level.key] = list.keys
            }
        }
        return found
    }

    /// The client and level whose permission set is `name` (`AbcCorpReadOnly`).
    static func clientAndLevel(of name: String, portal: Portal, clients: [Client]) -> (String, String)? {
        for level in portal.accessLevels {
            if let prefix = ProfileImport.clientPrefix(of: name, level: level),
               let client = clients.first(where: { $0.permissionSetPrefix == prefix }) {
                return (client.slug, level.key)
            }
        }
        return nil
    }
}

/// Writes what `IdentityCenterImport` found without losing anything: `teams:` and `access:` are
/// appended to a `portal.yaml` that has neither, a client's `access:` is inserted before its
/// `accounts:`; where the file already has the key, the import refuses and shows what to add.
public enum IdentityCenterMerge {
    public static func plans(_ found: IdentityCenterImport.Found, contentDirectory: String, portal: Portal,
                             clients: [Client]) throws(InvalidInput) -> [ClientFileMerge.Plan] {
        var plans: [ClientFileMerge.Plan] = []
        let portalPath = contentDirectory + "/portal.yaml"
        let portalText = try TextFile.read(portalPath)
        let newTeams = found.teams.filter { team in !portal.teams.contains { $0.key == team.key } }
        var block = ""
        if !newTeams.isEmpty {
            block += "teams:\n" + newTeams.map { team in
                "  - key: \(team.key)\n    name: \(JSONValue.quoted(team.name))\n    group: \(JSONValue.quoted(team.group))\n"
                    + (team.groupID.map { "    group_id: \($0)\n" } ?? "")
            }.joined()
        }
        if !found.defaultAccess.byLevel.isEmpty {
            block += "access:\n" + lines(found.defaultAccess, portal: portal)
        }
        if !block.isEmpty {
            try refuseIfPresent(["teams", "access"], in: portalText, path: portalPath, adding: block)
            plans.append(plan(portalPath, portalText + (portalText.hasSuffix("\n") ? "" : "\n")
                              + "\n# Imported from IAM Identity Center by switchboard import.\n" + block))
        }
        for client in clients {
            guard let access = found.clientAccess[client.slug], !access.byLevel.isEmpty else { continue }
            let text = try TextFile.read(client.file)
            let entry = "access:\n" + lines(access, portal: portal)
            try refuseIfPresent(["access"], in: text, path: client.file, adding: entry)
            guard let range = text.range(of: "\naccounts:") ?? (text.hasPrefix("accounts:") ? text.range(of: "accounts:") : nil) else {
                throw InvalidInput([.error(SourceLocation(path: client.file), "cannot find 'accounts:' at the start of a line; add by hand:\n" + entry)])
            }
            let at = text[range].hasPrefix("\n") ? text.index(after: range.lowerBound) : range.lowerBound
            plans.append(plan(client.file, String(text[..<at]) + "# Imported from IAM Identity Center by switchboard import.\n" + entry + String(text[at...])))
        }
        return plans
    }

    private static func lines(_ grants: TeamGrants, portal: Portal) -> String {
        portal.accessLevels.compactMap { level in grants.byLevel[level.key].map { "  \(level.key): [\($0.joined(separator: ", "))]\n" } }.joined()
    }

    private static func refuseIfPresent(_ keys: [String], in text: String, path: String, adding block: String) throws(InvalidInput) {
        let present = keys.filter { key in text.split(separator: "\n").contains { $0.hasPrefix("\(key):") } }
        guard !present.isEmpty else { return }
        throw InvalidInput([.error(SourceLocation(path: path), "already has \(present.joined(separator: " and ")): merge by hand what Identity Center has:\n" + block)])
    }

    private static func plan(_ path: String, _ text: String) -> ClientFileMerge.Plan {
        ClientFileMerge.Plan(path: path, text: text, added: [], present: [], differences: [], skipped: [], isNewFile: false)
    }
}
