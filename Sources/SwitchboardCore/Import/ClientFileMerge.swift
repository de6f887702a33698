import Foundation
import Yams

/// Writes imported accounts into `content/clients/<slug>/client.yaml` without losing anything:
/// a new file is written whole; in an existing file, new accounts are appended as text after the
/// last one (so comments and order stay as they are) and differing values are only reported.
/// An account that another client already lists, or the home account, is skipped and reported,
/// so that the result always builds.
public enum ClientFileMerge {
    public struct Plan: Sendable {
        public var path: String
        /// The file's new text; nil when nothing changes.
        public var text: String?
        public var added: [ImportedAccount]
        /// Accounts already in the file, by ID.
        public var present: [String]
        /// Values that differ between the file and the import; the file is kept.
        public var differences: [String]
        /// Accounts left out because they cannot be this client's, with where they already are.
        public var skipped: [String]
        public var isNewFile: Bool
    }

    /// - Parameter inventory: the content folder's inventory: its other clients' accounts are
    ///   not imported again, and accounts without a region get the Identity Center region.
    public static func plan(slug: String, name: String, permissionSetPrefix: String, accounts imported: [ImportedAccount],
                            inventory: Inventory, contentDirectory: String, source: String) throws(InvalidInput) -> Plan {
        if let problem = NamingRules.slug(slug) {
            throw InvalidInput([.error(SourceLocation(path: slug), "client \(problem)")])
        }
        var skipped: [String] = []
        let accounts = imported.filter { account in
            if account.id == inventory.portal.homeAccountID {
                skipped.append("\(account.id) \(account.name): the home account (portal.yaml); list only client accounts")
                return false
            }
            for client in inventory.clients where client.slug != slug {
                if let other = client.accounts.first(where: { $0.id == account.id }) {
                    skipped.append("\(account.id) \(account.name): already listed for client '\(client.slug)' at \(other.location); an account belongs to one client")
                    return false
                }
            }
            return true
        }
        let defaultRegion = inventory.portal.identityCenterRegion
        let path = "\(contentDirectory)/clients/\(slug)/client.yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            var lines = ["# Imported from \(source) by switchboard import. Check names and environments.",
                         "name: \(JSONValue.quoted(name))", "permission_set_prefix: \(JSONValue.quoted(permissionSetPrefix))", "accounts:"]
            for account in accounts { lines += item(account, indent: "  ", defaultRegion: defaultRegion) }
            return Plan(path: path, text: accounts.isEmpty ? nil : lines.joined(separator: "\n") + "\n", added: accounts, present: [],
                        differences: [], skipped: skipped, isNewFile: true)
        }
        let text = try TextFile.read(path)
        let reader = YAMLReader(path: path)
        guard let root = reader.parse(text), let mapping = root.mapping,
              let accountsKey = mapping.keys.first(where: { $0.string == "accounts" }),
              let list = mapping["accounts"]?.sequence
        else {
            throw InvalidInput(reader.diagnostics.all + [.error(SourceLocation(path: path), "cannot merge: the file must be valid and have an 'accounts:' list; fix it first")])
        }
        let lastKeyLine = mapping.keys.compactMap { $0.mark?.line }.max() ?? 0
        var present: [String] = []
        var differences: [String] = []
        var added: [ImportedAccount] = []
        for account in accounts {
            guard let existing = list.first(where: { $0["id"]?.string == account.id }) else {
                added.append(account)
                continue
            }
            present.append(account.id)
            if let current = existing["name"]?.string, current != account.name {
                differences.append("\(account.id): name is '\(current)' in client.yaml, '\(account.name)' in \(source) (kept)")
            }
            if let region = account.region, let current = existing["region"]?.string, current != region {
                differences.append("\(account.id): region is '\(current)' in client.yaml, '\(region)' in \(source) (kept)")
            }
        }
        guard !added.isEmpty else {
            return Plan(path: path, text: nil, added: [], present: present, differences: differences, skipped: skipped, isNewFile: false)
        }
        guard accountsKey.mark?.line == lastKeyLine, let first = list.first, let itemLine = first.mark?.line else {
            throw InvalidInput([.error(reader.location(of: accountsKey), "cannot append accounts without rewriting the file (and losing its comments): move 'accounts:' to the end of client.yaml, as a block list, and run the import again")])
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let dash = lines[itemLine - 1].prefix { $0 == " " }
        guard lines[itemLine - 1].dropFirst(dash.count).hasPrefix("- ") else {
            throw InvalidInput([.error(reader.location(of: accountsKey), "cannot append to a flow list ('accounts: [...]'); write it as a block list ('- id: ...' lines) and run the import again")])
        }
        var merged = text.hasSuffix("\n") ? text : text + "\n"
        merged += "# Added from \(source) by switchboard import. Check names and environments.\n"
        for account in added { merged += item(account, indent: String(dash), defaultRegion: defaultRegion).joined(separator: "\n") + "\n" }
        return Plan(path: path, text: merged, added: added, present: present, differences: differences, skipped: skipped,
                    isNewFile: false)
    }

    /// Writes the plan's text (nothing when it has none).
    public static func apply(_ plan: Plan) throws(InvalidInput) {
        guard let text = plan.text else { return }
        do {
            try FileManager.default.createDirectory(atPath: (plan.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: plan.path), options: .atomic)
        } catch {
            throw InvalidInput([.error(SourceLocation(path: plan.path), "cannot write: \(error.localizedDescription)")])
        }
    }

    static func item(_ account: ImportedAccount, indent: String, defaultRegion: String) -> [String] {
        var lines = ["\(indent)- id: \"\(account.id)\"", "\(indent)  name: \(JSONValue.quoted(account.name))"]
        if let alias = account.alias { lines.append("\(indent)  alias: \(alias)") }
        lines.append("\(indent)  environment: \(account.environment)" + (account.environmentGuessed ? "  # guessed by switchboard import: check it" : ""))
        lines.append("\(indent)  region: \(account.region ?? defaultRegion)")
        if let levels = account.accessLevels { lines.append("\(indent)  access_levels: [\(levels.joined(separator: ", "))]") }
        return lines
    }
}
