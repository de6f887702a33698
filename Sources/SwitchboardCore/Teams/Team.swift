/// A team: an IAM Identity Center group (usually synced from the company's identity provider by
/// SCIM) that is assigned permission sets in the home account (setup step 3).
public struct Team: Sendable, Equatable {
    /// `a-z0-9-`, used in `access:` lists, export folders and template parameters.
    public var key: String
    public var name: String
    /// The group's display name in Identity Center.
    public var group: String
    /// The group's Identity Store ID, when known; the kit asks for it as a parameter otherwise.
    public var groupID: String?
    public var description: String
}

/// Which teams hold which access level: access-level key → team keys, in inventory order.
/// `portal.yaml`'s `access:` applies to every client; a client's own `access:` replaces it for the
/// levels it lists (an empty list: nobody), and the other levels keep the default.
public struct TeamGrants: Sendable, Equatable {
    public var byLevel: [String: [String]] = [:]

    public init(byLevel: [String: [String]] = [:]) { self.byLevel = byLevel }
}

extension Portal {
    /// The teams that hold `level` for `client`, in the order of `teams:` in portal.yaml.
    public func teams(holding level: AccessLevel, for client: Client) -> [Team] {
        let keys = client.access.byLevel[level.key] ?? defaultAccess.byLevel[level.key] ?? []
        return teams.filter { keys.contains($0.key) }
    }
}

extension Team {
    /// In `portal.json` and `access.json`: `{"group", "groupId" (null when unknown), "key", "name"}`.
    var json: JSONValue {
        .object([("group", .string(group)), ("groupId", groupID.map(JSONValue.string) ?? .null), ("key", .string(key)),
                 ("name", .string(name))])
    }
}
