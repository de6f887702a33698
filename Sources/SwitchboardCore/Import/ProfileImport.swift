import Foundation

/// Reads AWS Extend Switch Roles configurations and `~/.aws/config` files (INI-like profiles)
/// and proposes clients, accounts and access levels from their `role_arn` profiles.
public enum ProfileImport {
    /// One `[section]` of an INI-like file, with the line of the header and of each value.
    struct Profile {
        var name: String
        var line: Int
        var values: [String: (value: String, line: Int)] = [:]

        subscript(key: String) -> String? { values[key]?.value }
    }

    /// A client the import found, with its accounts in file order.
    public struct ProposedClient: Sendable {
        public var slug: String
        public var name: String
        public var permissionSetPrefix: String
        public var accounts: [ImportedAccount]
    }

    static func parse(_ text: String, path: String) -> ([Profile], [Diagnostic]) {
        var profiles: [Profile] = []
        var problems: [Diagnostic] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    problems.append(.error(SourceLocation(path: path, line: index + 1, column: 1), "section header without ']'"))
                    continue
                }
                var name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                if name.hasPrefix("profile ") { name = String(name.dropFirst(8)).trimmingCharacters(in: .whitespaces) }
                profiles.append(Profile(name: name, line: index + 1))
                continue
            }
            guard let equals = line.firstIndex(of: "="), !profiles.isEmpty else {
                problems.append(.error(SourceLocation(path: path, line: index + 1, column: 1), "expected 'key = value' inside a [section]"))
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            profiles[profiles.count - 1].values[key] = (value, index + 1)
        }
        return (profiles, problems)
    }

    /// Proposes clients from the role profiles of `text`. Roles are matched to the portal's access
    /// levels by role name and to clients through the permission set their source profile signs in
    /// with; what cannot be mapped is reported with its line.
    public static func clients(from text: String, path: String, portal: Portal, existing: [Client]) -> ([ProposedClient], ImportReport) {
        let (profiles, problems) = parse(text, path: path)
        var report = ImportReport(unmapped: problems)
        // A config that signs in through a look-alike of the access portal is not imported.
        for profile in profiles {
            guard let (url, line) = profile.values["sso_start_url"],
                  case .failure(let rejection) = AccessPortalURL.check(url) else { continue }
            report.unmapped.append(.error(SourceLocation(path: path, line: line, column: 1), "sso_start_url '\(url)' \(rejection.message)"))
        }
        let byName = Dictionary(profiles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var proposals: [ProposedClient] = []

        for profile in profiles {
            guard let target = roleTarget(profile) else { continue }
            let location = SourceLocation(path: path, line: profile.line, column: 1)
            guard let level = portal.accessLevels.first(where: { $0.roleName == target.roleName }) else {
                report.unmapped.append(.warning(location, "profile '\(profile.name)': role '\(target.roleName)' matches no access level's role_name in portal.yaml"))
                continue
            }
            let permissionSet = profile["source_profile"].flatMap { byName[$0] }.flatMap { $0["sso_role_name"] ?? $0["role_name"] }
            guard let permissionSet, let prefix = clientPrefix(of: permissionSet, level: level) else {
                report.unmapped.append(.warning(location, "profile '\(profile.name)': cannot tell the client; its source_profile must sign in with a permission set named like '\(level.permissionSetPattern)'"))
                continue
            }
            let known = existing.first { $0.permissionSetPrefix == prefix }
            let slug = known?.slug ?? ProfileNames.slug(kebab(prefix))
            if !proposals.contains(where: { $0.slug == slug }) {
                proposals.append(ProposedClient(slug: slug, name: known?.name ?? words(prefix), permissionSetPrefix: prefix, accounts: []))
            }
            let index = proposals.firstIndex { $0.slug == slug } ?? proposals.count - 1
            let name = profile["aws_account_alias"] ?? accountName(profile.name, clientSlug: slug, level: level.key)
            if let existing = proposals[index].accounts.firstIndex(where: { $0.id == target.accountID }) {
                let levels = (proposals[index].accounts[existing].accessLevels ?? []) + [level.key]
                proposals[index].accounts[existing].accessLevels = portal.accessLevels.map(\.key).filter(levels.contains)
            } else {
                let guessed = ImportedAccount.environment(fromName: name)
                proposals[index].accounts.append(ImportedAccount(
                    id: target.accountID, name: name, alias: nil, environment: guessed ?? "production", environmentGuessed: true,
                    region: profile["region"], accessLevels: [level.key]))
            }
        }
        for index in proposals.indices {
            for account in proposals[index].accounts.indices where proposals[index].accounts[account].accessLevels?.count == portal.accessLevels.count {
                proposals[index].accounts[account].accessLevels = nil // every level: the default
            }
        }
        return (proposals, report)
    }

    /// The account and role a profile switches to: `role_arn`, or `aws_account_id` + `role_name`
    /// when the profile also names a source (a base profile has no source).
    static func roleTarget(_ profile: Profile) -> (accountID: String, roleName: String)? {
        if let arn = profile["role_arn"] {
            let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[5].hasPrefix("role/"),
                  let name = parts[5].split(separator: "/").last
            else { return nil }
            return (String(parts[4]), String(name))
        }
        if profile["source_profile"] != nil, let id = profile["aws_account_id"], let role = profile["role_name"] ?? profile["target_role_name"] {
            return (id, role)
        }
        return nil
    }

    /// `AbcCorp` from `AbcCorpReadOnly` and the pattern `{client}ReadOnly`.
    static func clientPrefix(of permissionSet: String, level: AccessLevel) -> String? {
        let parts = level.permissionSetPattern.components(separatedBy: AWSLinks.permissionSetPlaceholder)
        guard parts.count == 2, permissionSet.hasPrefix(parts[0]), permissionSet.hasSuffix(parts[1]),
              permissionSet.count > parts[0].count + parts[1].count
        else { return nil }
        return String(permissionSet.dropFirst(parts[0].count).dropLast(parts[1].count))
    }

    /// `AbcCorp` → `abc-corp`.
    static func kebab(_ camel: String) -> String {
        var result = ""
        for character in camel {
            if character.isUppercase, !result.isEmpty, result.last != "-" { result += "-" }
            result.append(character)
        }
        return result.lowercased()
    }

    /// `AbcCorp` → `Abc Corp`.
    static func words(_ camel: String) -> String {
        kebab(camel).split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// `abc-corp-payments-prod-read-only` → `Payments Prod` (client and level parts dropped).
    static func accountName(_ profile: String, clientSlug: String, level: String) -> String {
        var name = Substring(profile)
        if name.hasPrefix(clientSlug + "-") { name = name.dropFirst(clientSlug.count + 1) }
        if name.hasSuffix("-" + level) { name = name.dropLast(level.count + 1) }
        return DocumentLoader.humanized(String(name))
    }
}
