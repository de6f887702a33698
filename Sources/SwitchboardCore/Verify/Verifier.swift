import Foundation

/// `switchboard verify`: holds the inventory, and the kit it generates, against what AWS has.
/// Home account (IAM Identity Center): every expected permission set by name with its inline
/// policy, the assignments of teams' groups, and permission sets or group assignments nobody
/// expects. Client accounts (opt-in): every role with its path, maximum session, trust policy
/// and managed policy. Calls go through the AWS CLI, a few at a time.
public struct Verifier: Sendable {
    public struct Finding: Sendable, Equatable {
        /// `drift`: AWS differs from the inventory; `error`: a call failed (not drift).
        public enum Severity: String, Sendable { case drift, error }
        public var severity: Severity
        public var location: SourceLocation
        /// The AWS object, by ARN or name.
        public var object: String
        public var message: String

        /// `DRIFT where: what`
        public var line: String { "\(severity.rawValue.uppercased()) \(location): \(object): \(message)" }
    }

    public var aws: AWSCommandLine
    /// Profile for the home account; nil: the CLI's default.
    public var homeProfile: String?
    /// Profile for every client account; nil: each role's exported profile.
    public var clientProfile: String?
    /// Calls at once.
    public var concurrency: Int

    public init(aws: AWSCommandLine = AWSCommandLine(), homeProfile: String? = nil, clientProfile: String? = nil, concurrency: Int = 4) {
        self.aws = aws
        self.homeProfile = homeProfile
        self.clientProfile = clientProfile
        self.concurrency = concurrency
    }

    /// Checks the home account, then the roles of `clients` (slugs); `progress` hears "N of M accounts".
    public func verify(_ site: Site, portalFile: String, clients: [String],
                       progress: @escaping @Sendable (String) -> Void = { _ in }) -> [Finding] {
        var findings = verifyHome(site, portalFile: portalFile)
        let accounts = site.clients.filter { clients.contains($0.client.slug) }.flatMap { client in client.accounts.map { (client, $0) } }
        let done = Counter()
        let perAccount = Self.map(accounts, lanes: concurrency) { client, account in
            defer { progress("\(done.next()) of \(accounts.count) accounts") }
            return verifyRoles(of: account, client: client, site: site)
        }
        findings += perAccount.flatMap { $0 }
        return findings
    }

    // MARK: home account

    private func verifyHome(_ site: Site, portalFile: String) -> [Finding] {
        var findings: [Finding] = []
        let portal = site.portal
        let home = SourceLocation(path: portalFile, line: 1, column: 1)
        let profile = homeProfile
        @Sendable func failed(_ call: String, _ result: Result<[String: Any], AWSCommandLine.Failure>) -> Finding {
            Finding(severity: .error, location: home, object: "profile \(profile ?? "default")", message: "aws \(call) failed: \(reason(result))")
        }
        let listedInstances = aws.call(["sso-admin", "list-instances"], profile: profile)
        guard case .success(let instances) = listedInstances else { return [failed("sso-admin list-instances", listedInstances)] }
        let all = instances["Instances"] as? [[String: Any]] ?? []
        guard let instance = all.first(where: { portal.identityCenterInstanceARN == nil || $0["InstanceArn"] as? String == portal.identityCenterInstanceARN }),
              let instanceARN = instance["InstanceArn"] as? String, let store = instance["IdentityStoreId"] as? String
        else {
            return [Finding(severity: .drift, location: home, object: portal.identityCenterInstanceARN ?? "IAM Identity Center",
                            message: "no such Identity Center instance")]
        }
        // Permission sets by name.
        let listed = aws.call(["sso-admin", "list-permission-sets", "--instance-arn", instanceARN], profile: profile)
        guard case .success(let sets) = listed else { return [failed("sso-admin list-permission-sets", listed)] }
        let named = Self.map(sets["PermissionSets"] as? [String] ?? [], lanes: concurrency) { arn -> (arn: String, name: String?, session: String?, failure: Finding?) in
            let described = aws.call(["sso-admin", "describe-permission-set", "--instance-arn", instanceARN, "--permission-set-arn", arn], profile: profile)
            guard case .success(let answer) = described else { return (arn, nil, nil, failed("sso-admin describe-permission-set \(arn)", described)) }
            let set = answer["PermissionSet"] as? [String: Any]
            return (arn, set?["Name"] as? String, set?["SessionDuration"] as? String, nil)
        }
        let failures = named.compactMap(\.failure)
        guard failures.isEmpty else { return failures }
        var arnByName: [String: String] = [:]
        var sessionByName: [String: String] = [:]
        for entry in named {
            guard let name = entry.name else { continue }
            arnByName[name] = entry.arn
            sessionByName[name] = entry.session
        }
        // Groups by ID and by display name.
        let groupsCall = aws.call(["identitystore", "list-groups", "--identity-store-id", store], profile: profile)
        guard case .success(let groupList) = groupsCall else { return [failed("identitystore list-groups", groupsCall)] }
        let groupNames = Dictionary((groupList["Groups"] as? [[String: Any]] ?? []).compactMap { group -> (String, String)? in
            guard let id = group["GroupId"] as? String, let name = group["DisplayName"] as? String else { return nil }
            return (id, name)
        }, uniquingKeysWith: { first, _ in first })

        let expectedSets = site.clients.flatMap { client in client.permissionSets.map { (client, $0) } }
        let byName = arnByName
        let sessions = sessionByName
        findings += Self.map(expectedSets, lanes: concurrency) { client, set -> [Finding] in
            let location = SourceLocation(path: client.client.file, line: 1, column: 1)
            guard let arn = byName[set.name] else {
                return [Finding(severity: .drift, location: location, object: set.name, message: "permission set does not exist in \(instanceARN)")]
            }
            var found: [Finding] = []
            // The kit's permission sets set no session duration (Identity Center's default, PT1H)
            // and attach no managed policy: either would change what the set allows in the home account.
            if let session = sessions[set.name], session != Self.defaultPermissionSetSession {
                found.append(Finding(severity: .drift, location: location, object: arn, message: "session duration of \(set.name) is \(session); the kit leaves the default \(Self.defaultPermissionSetSession)"))
            }
            let managed = aws.call(["sso-admin", "list-managed-policies-in-permission-set", "--instance-arn", instanceARN, "--permission-set-arn", arn], profile: profile)
            guard case .success(let attached) = managed else { return [failed("sso-admin list-managed-policies-in-permission-set \(arn)", managed)] }
            for policy in (attached["AttachedManagedPolicies"] as? [[String: Any]] ?? []).compactMap({ $0["Arn"] as? String }).sorted() {
                found.append(Finding(severity: .drift, location: location, object: arn, message: "managed policy \(policy) is attached to \(set.name); the kit attaches none"))
            }
            let inline = aws.call(["sso-admin", "get-inline-policy-for-permission-set", "--instance-arn", instanceARN, "--permission-set-arn", arn], profile: profile)
            guard case .success(let policy) = inline else { return [failed("sso-admin get-inline-policy-for-permission-set \(arn)", inline)] }
            let expected = Policies.permissionSetPolicy(roleARNs: SetupKit.roleARNs(of: client, level: set.level))
            if let difference = PolicyDocument.difference(expected: expected, actual: policy["InlinePolicy"]) {
                found.append(Finding(severity: .drift, location: location, object: arn, message: "inline policy of \(set.name) differs from the kit's: \(difference)"))
            }
            let assigned = aws.call(["sso-admin", "list-account-assignments", "--instance-arn", instanceARN, "--account-id", portal.homeAccountID,
                                     "--permission-set-arn", arn], profile: profile)
            guard case .success(let assignments) = assigned else { return found + [failed("sso-admin list-account-assignments \(arn)", assigned)] }
            let groups = Set((assignments["AccountAssignments"] as? [[String: Any]] ?? [])
                .filter { $0["PrincipalType"] as? String == "GROUP" }.compactMap { $0["PrincipalId"] as? String })
            var expectedGroups: Set<String> = []
            for team in set.teams {
                guard let id = team.groupID ?? groupNames.first(where: { $0.value == team.group })?.key else {
                    found.append(Finding(severity: .drift, location: location, object: "group \(team.group)", message: "team \(team.key)'s group does not exist in \(store)"))
                    continue
                }
                expectedGroups.insert(id)
                if !groups.contains(id) {
                    found.append(Finding(severity: .drift, location: location, object: arn, message: "team \(team.key) (group \(team.group)) is not assigned \(set.name) in the home account"))
                }
            }
            for id in groups.subtracting(expectedGroups).sorted() {
                found.append(Finding(severity: .drift, location: location, object: arn, message: "group \(groupNames[id] ?? id) is assigned \(set.name) but no team of the inventory holds it"))
            }
            return found
        }.flatMap { $0 }
        // Permission sets nobody expects that look like a client's (AbcCorpAdmin beside AbcCorpAdministrator).
        let expected = Set(site.clients.flatMap { $0.permissionSets.map(\.name) })
        for (name, arn) in arnByName.sorted(by: { $0.key < $1.key }) where !expected.contains(name) {
            guard let client = site.clients.filter({ name.hasPrefix($0.client.permissionSetPrefix) })
                .max(by: { $0.client.permissionSetPrefix.count < $1.client.permissionSetPrefix.count }) else { continue }
            findings.append(Finding(severity: .drift, location: SourceLocation(path: client.client.file, line: 1, column: 1), object: arn,
                                    message: "unexpected permission set \(name) (client \(client.client.slug)'s prefix; not in the inventory)"))
        }
        return findings
    }

    /// Identity Center's session duration when a permission set sets none.
    static let defaultPermissionSetSession = "PT1H"

    // MARK: client accounts

    private func verifyRoles(of account: SiteAccount, client: SiteClient, site: Site) -> [Finding] {
        var findings: [Finding] = []
        let portal = site.portal
        for role in account.roles {
            let profile = clientProfile ?? role.profileName
            let location = account.account.location
            let got = aws.call(["iam", "get-role", "--role-name", role.roleName], profile: profile)
            guard case .success(let answer) = got, let details = answer["Role"] as? [String: Any] else {
                if case .failure(.notFound) = got {
                    findings.append(Finding(severity: .drift, location: location, object: role.roleARN, message: "role does not exist"))
                } else {
                    findings.append(Finding(severity: .error, location: location, object: "profile \(profile)", message: "aws iam get-role \(role.roleName) failed: \(reason(got))"))
                }
                continue
            }
            if let path = details["Path"] as? String, path != role.rolePath {
                findings.append(Finding(severity: .drift, location: location, object: role.roleARN, message: "path is \(path), the inventory says \(role.rolePath)"))
            }
            let session = (details["MaxSessionDuration"] as? Int) ?? AccessStatement.defaultMaximumSession
            let expectedSession = role.level.maxSessionDuration ?? AccessStatement.defaultMaximumSession
            if session != expectedSession {
                findings.append(Finding(severity: .drift, location: location, object: role.roleARN, message: "maximum session is \(session) s, the inventory says \(expectedSession) s"))
            }
            let trust = Policies.trustPolicy(partition: portal.partition, homeAccountID: portal.homeAccountID,
                                             permissionSet: role.permissionSet, externalID: client.client.externalID)
            if let difference = PolicyDocument.difference(expected: trust, actual: details["AssumeRolePolicyDocument"]) {
                findings.append(Finding(severity: .drift, location: location, object: role.roleARN, message: "trust policy differs from the kit's: \(difference)"))
            }
            if let managed = role.level.managedPolicy {
                let attached = aws.call(["iam", "list-attached-role-policies", "--role-name", role.roleName], profile: profile)
                guard case .success(let list) = attached else {
                    findings.append(Finding(severity: .error, location: location, object: "profile \(profile)", message: "aws iam list-attached-role-policies \(role.roleName) failed: \(reason(attached))"))
                    continue
                }
                let arns = (list["AttachedPolicies"] as? [[String: Any]] ?? []).compactMap { $0["PolicyArn"] as? String }
                if !arns.contains(managed) {
                    findings.append(Finding(severity: .drift, location: location, object: role.roleARN, message: "managed policy \(managed) is not attached"))
                }
            }
        }
        return findings
    }

    private func reason(_ result: Result<[String: Any], AWSCommandLine.Failure>) -> String {
        switch result {
        case .success: "unexpected answer"
        case .failure(.notFound): "not found"
        case .failure(.failed(let message)): message
        }
    }
}

extension Verifier {
    /// `items.map(transform)` with `lanes` threads at once, results in order. The work waits on
    /// the AWS CLI, not the processor, so it runs more lanes than there are cores.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], lanes: Int, _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        let results = Results<Result>(count: items.count)
        let group = DispatchGroup()
        for lane in 0..<max(1, min(lanes, items.count)) {
            group.enter()
            Thread.detachNewThread {
                for index in stride(from: lane, to: items.count, by: max(1, lanes)) { results.set(index, transform(items[index])) }
                group.leave()
            }
        }
        group.wait()
        return results.values
    }
}

private final class Results<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }
    var values: [Value] { lock.withLock { slots.map { $0! } } }
}

/// Counts finished pieces of work across threads, for progress lines.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int { lock.withLock { value += 1; return value } }
}
