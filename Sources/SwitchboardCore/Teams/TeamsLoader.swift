import Yams

/// Reads and checks `teams:`, `access:` and `request_access` of `portal.yaml` and a client's
/// `access:` (the inventory loader hands it their YAML nodes).
enum TeamsLoader {
    static let teamKeys = ["key", "name", "group", "group_id", "description"]

    static func teams(_ fields: YAMLReader.Fields, reader: YAMLReader) -> [Team] {
        var teams: [Team] = []
        var keys: [String: Node] = [:]
        var groups: [String: Node] = [:]
        var groupIDs: [String: Node] = [:]
        for item in reader.sequence(fields, "teams", in: "portal.yaml") ?? [] {
            guard let team = reader.fields(item, in: "a team", allowedKeys: teamKeys, required: ["key", "group"]),
                  let key = reader.string(team, "key", in: "team"), let group = reader.string(team, "group", in: "team")
            else { continue }
            if let problem = NamingRules.slug(key) { reader.error(team["key"]!, "team key \(problem)") }
            if let first = keys[key] {
                reader.error(team["key"]!, "team '\(key)' is defined twice (first at \(reader.location(of: first))); keys must be unique")
                continue
            }
            keys[key] = team["key"]!
            if let first = groups[group] {
                reader.error(team["group"]!, "group '\(group)' is already team \(reader.location(of: first)); one Identity Center group is one team")
            }
            groups[group] = team["group"]!
            let groupID = reader.string(team, "group_id", in: "team")
            if let groupID {
                if !isIdentityStoreID(groupID) {
                    reader.error(team["group_id"]!, "group_id '\(groupID)' is not an Identity Store group ID: a GUID such as f81d4fae-7dec-11d0-a765-00a0c91e6bf6, optionally after ten hex digits and '-' (aws identitystore get-group-id prints it)")
                } else if let first = groupIDs[groupID.lowercased()] {
                    reader.error(team["group_id"]!, "group_id '\(groupID)' is already given at \(reader.location(of: first)); one Identity Center group is one team")
                }
                groupIDs[groupID.lowercased()] = team["group_id"]!
            }
            teams.append(Team(key: key, name: reader.string(team, "name", in: "team") ?? group, group: group, groupID: groupID,
                              description: reader.string(team, "description", in: "team") ?? ""))
        }
        return teams
    }

    /// `access:` (portal default or a client's): level → team keys. Also returns where each level is
    /// written, for warnings.
    static func grants(_ fields: YAMLReader.Fields, in what: String, levels: [String], teams: [String],
                       reader: YAMLReader) -> (TeamGrants, [String: Node]) {
        var grants = TeamGrants()
        var nodes: [String: Node] = [:]
        for (level, keyNode, value) in reader.namedEntries(fields, "access", in: what) ?? [] {
            guard levels.isEmpty || levels.contains(level) else {
                let hint = closest(to: level, among: levels).map { "did you mean '\($0)'? " } ?? ""
                reader.error(keyNode, "unknown access level '\(level)' in access; \(hint)access levels are defined in portal.yaml: \(levels.joined(separator: ", "))")
                continue
            }
            guard let items = value.sequence else {
                reader.error(value, "access.\(level) must be a list of team keys, e.g. [platform-oncall, engineers] ([] for nobody)")
                continue
            }
            var keys: [String] = []
            for item in items {
                guard let key = reader.string(item, named: "a team in access.\(level)") else { continue }
                guard teams.contains(key) else {
                    let hint = closest(to: key, among: teams).map { "did you mean '\($0)'? " } ?? ""
                    reader.error(item, "unknown team '\(key)'; \(hint)teams are defined under teams: in portal.yaml"
                                 + (teams.isEmpty ? " (there are none yet)" : ": \(teams.joined(separator: ", "))"))
                    continue
                }
                if !keys.contains(key) { keys.append(key) }
            }
            grants.byLevel[level] = keys
            nodes[level] = keyNode
        }
        return (grants, nodes)
    }

    /// A client's grant of a level that none of its accounts has gives nobody anything: a warning.
    static func warnAboutUnusedGrants(_ nodes: [String: Node], grants: TeamGrants, accounts: [Account], reader: YAMLReader) {
        for (level, node) in nodes where !(grants.byLevel[level] ?? []).isEmpty && !accounts.contains(where: { $0.accessLevelKeys.contains(level) }) {
            reader.warning(node, "access.\(level) grants teams a level that none of this client's accounts has; add the level to an account or remove the entry")
        }
    }

    /// `request_access`: an `https:` or `mailto:` URL whose only placeholders are
    /// `{client}`, `{account}`, `{level}` and `{permission_set}`.
    static func requestAccess(_ fields: YAMLReader.Fields, reader: YAMLReader) -> String? {
        guard let value = reader.string(fields, "request_access", in: "portal.yaml") else { return nil }
        let withoutPlaceholders = RequestAccess.placeholders.reduce(value) { $0.replacingOccurrences(of: $1, with: "") }
        guard value.hasPrefix("https://") || value.hasPrefix("mailto:"),
              !withoutPlaceholders.contains("{"), !withoutPlaceholders.contains("}"),
              !value.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        else {
            reader.error(fields["request_access"]!, "request_access '\(value)' must be an https:// or mailto: URL; it may use the placeholders \(RequestAccess.placeholders.joined(separator: ", ")) (each is percent-encoded)")
            return nil
        }
        return value
    }

    /// A GUID, optionally after ten hex digits and `-` (the Identity Store's `PrincipalId`): the
    /// pattern the kit gives CloudFormation, so the inventory and the template agree.
    static func isIdentityStoreID(_ value: String) -> Bool {
        value.wholeMatch(of: identityStoreID) != nil
    }

    nonisolated(unsafe) private static let identityStoreID = try! Regex(TeamAssignments.groupIDPattern)
}
