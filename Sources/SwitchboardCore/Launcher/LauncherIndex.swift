import Foundation

/// `launcher/index.js`: every account × access level for the home page's launcher, loaded after
/// the page has painted (a script, not JSON: `fetch` does not work from `file://`).
///
/// Compact, since it grows with accounts while the pages grow with clients: one array per
/// account, and the two launch links are not written out. `AWSLinks` makes each level's links
/// with holes (`HoledText`) that the browser fills with the account's values; a link that
/// filling would not give byte for byte (a role override, a shortened display name) is written
/// in full. The browser never builds a link of its own.
struct LauncherIndex {
    static let path = "launcher/index.js"
    let site: Site

    func file() -> OutputFile {
        let portal = site.portal
        let levels = portal.accessLevels
        let levelIndex = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1.key, $0) })
        let displayName = HoledText(holes: 3, percentEncoded: false) {
            AWSLinks.displayName(client: $0[0], account: $0[1], level: $0[2])
        }
        let signIn = HoledText(holes: 1, percentEncoded: true) {
            AWSLinks.signInURL(startURL: portal.startURL, homeAccountID: portal.homeAccountID, permissionSet: $0[0])
        }
        let switchRole = levels.map { level in
            HoledText(holes: 2, percentEncoded: true) {
                AWSLinks.switchRoleURL(partition: portal.partition, accountID: $0[0], rolePath: level.rolePath,
                                       roleName: level.roleName, displayName: $0[1], color: level.color,
                                       landingPage: level.landingPage)
            }
        }

        let anchor = HoledText(holes: 1, percentEncoded: false) { SitePaths.accountAnchor($0[0]) }
        let key = HoledText(holes: 3, percentEncoded: false) {
            SitePaths.launchKey(client: $0[0], accountID: $0[1], level: $0[2])
        }

        var out = JSWriter()
        out.raw("// Switchboard launcher index (generated; see the README, \"The launcher\").\nself.switchboardIndex={\"key\":")
        out.parts(key)
        out.raw(",\"anchor\":")
        out.parts(anchor)
        out.raw(",\"displayName\":")
        out.parts(displayName)
        out.raw(",\"signIn\":")
        out.parts(signIn)
        out.raw(",\"levels\":[")
        for (index, level) in levels.enumerated() {
            out.separator(index)
            out.raw("[")
            out.strings([level.key, level.name, level.color.rawValue, level.roleName])
            out.raw(",")
            out.parts(switchRole[index])
            out.raw("]")
        }
        out.raw("],\"clients\":[")
        var signInLinks: [(String, String)] = []
        for (clientIndex, client) in site.clients.enumerated() {
            out.separator(clientIndex)
            out.raw("[")
            out.strings([client.client.name, client.client.slug, client.page])
            out.raw(",[")
            var names = Array(repeating: "", count: levels.count)
            for set in client.permissionSets {
                guard let index = levelIndex[set.level.key] else { continue }
                names[index] = set.name
                if signIn?.filled([set.name]) != set.signInURL { signInLinks.append(("\(clientIndex).\(index)", set.signInURL)) }
            }
            out.strings(names)
            out.raw("]]")
        }
        out.raw("],\"accounts\":[")
        var switchRoleLinks: [(String, String)] = []
        var accountIndex = 0
        for (clientIndex, client) in site.clients.enumerated() {
            for entry in client.accounts {
                let account = entry.account
                var mask = 0
                for role in entry.roles {
                    guard let index = levelIndex[role.level.key] else { continue }
                    mask |= 1 << index
                    let name = displayName?.filled([client.client.name, account.name, role.level.name])
                    let filled = name.flatMap { switchRole[index]?.filled([account.id, $0]) }
                    if filled != role.switchRoleURL { switchRoleLinks.append(("\(accountIndex).\(index)", role.switchRoleURL)) }
                }
                out.separator(accountIndex)
                out.raw("[\(clientIndex),")
                out.strings([account.id, account.name, account.environment, account.alias ?? "", account.region,
                             account.tags.joined(separator: " ")])
                out.raw(",\(mask)]")
                accountIndex += 1
            }
        }
        out.raw("],\"signInLinks\":")
        out.object(signInLinks)
        out.raw(",\"switchRoleLinks\":")
        out.object(switchRoleLinks)
        out.raw("};\n")
        return OutputFile(path: Self.path, contents: Data(out.bytes))
    }
}

/// Compact JSON into a script, written as bytes (the index has an array per account).
private struct JSWriter {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func separator(_ index: Int) { if index > 0 { bytes.append(UInt8(ascii: ",")) } }
    mutating func strings(_ values: [String]) {
        for (index, value) in values.enumerated() {
            separator(index)
            JSONValue.appendQuoted(value, to: &bytes)
        }
    }
    /// A holed text's parts, or `null` when there is none (then every value is written in full).
    mutating func parts(_ text: HoledText?) {
        guard let text else { return raw("null") }
        raw("[")
        strings(text.parts)
        raw("]")
    }
    mutating func object(_ pairs: [(String, String)]) {
        raw("{")
        for (index, pair) in pairs.enumerated() {
            separator(index)
            JSONValue.appendQuoted(pair.0, to: &bytes)
            raw(":")
            JSONValue.appendQuoted(pair.1, to: &bytes)
        }
        raw("}")
    }
}
