import Foundation
import Testing
@testable import SwitchboardCore

/// The launcher's index rebuilds every link of the portal exactly, and writes in full only the
/// links its holed templates cannot give (the browser side is checked against the same links
/// in the browser tests).
@Suite struct LauncherIndexTests {
    static let client = """
        name: Acme
        permission_set_prefix: Acme
        accounts:
          - id: "222233334444"
            name: Prod "quoted" & <b>bold</b> ünïcode +plus
            environment: production
            region: us-east-1
          - id: "222233335555"
            name: A very long account name that no console display name can hold whole
            environment: staging
            region: us-east-1
          - id: "222233336666"
            name: Overridden
            environment: development
            region: us-east-1
            landing_page: https://console.aws.amazon.com/s3/home
            roles:
              read-only:
                role_name: acme-analyst
                role_path: /partners/acme/

        """

    func index(_ content: TemporaryFolder) throws -> (index: [String: Any], manifest: [String: Any]) {
        let out = try TemporaryFolder()
        _ = try Switchboard.build(BuildOptions(contentDirectory: content.path, templatesDirectory: defaultTemplates,
                                               outputDirectory: out.path + "/public"))
        let script = try out.read("public/launcher/index.js")
        let prefix = "self.switchboardIndex="
        let start = try #require(script.range(of: prefix)).upperBound
        let json = script[start...].trimmingCharacters(in: .whitespacesAndNewlines).dropLast() // the closing `;`
        let index = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(try out.read("public/portal.json").utf8)) as? [String: Any])
        return (index, manifest)
    }

    /// What launcher.js does: `parts[0] + value0 + parts[1] + …`.
    func fill(_ parts: Any?, _ values: [String], encode: Bool) throws -> String {
        let parts = try #require(parts as? [String])
        var text = parts[0]
        for (value, part) in zip(values, parts.dropFirst()) { text += (encode ? percentEncode(value) : value) + part }
        return text
    }

    @Test func everyLinkIsRebuiltExactlyAndOnlyExceptionsAreWrittenInFull() throws {
        let (index, manifest) = try index(try contentFolder(client: Self.client))
        let levels = try #require(index["levels"] as? [[Any]])
        let clients = try #require(index["clients"] as? [[Any]])
        let accounts = try #require(index["accounts"] as? [[Any]])
        let switchRoleLinks = try #require(index["switchRoleLinks"] as? [String: String])
        let signInLinks = try #require(index["signInLinks"] as? [String: String])
        let expected = try #require((manifest["clients"] as? [[String: Any]])?.first?["accounts"] as? [[String: Any]])
        #expect(accounts.count == expected.count)
        var checked = 0
        for (a, account) in accounts.enumerated() {
            let client = clients[try #require(account[0] as? Int)]
            let mask = try #require(account[7] as? Int)
            let roles = try #require(expected[a]["roles"] as? [[String: Any]])
            for role in roles {
                let l = try #require(levels.firstIndex { $0[0] as? String == role["accessLevel"] as? String })
                #expect(mask & (1 << l) != 0)
                let permissionSets = try #require(client[3] as? [String])
                let signIn = try signInLinks["0.\(l)"] ?? fill(index["signIn"], [permissionSets[l]], encode: true)
                #expect(signIn == role["signInUrl"] as? String)
                let name = try fill(index["displayName"], [client[0] as! String, account[2] as! String, levels[l][1] as! String], encode: false)
                let switchRole = try switchRoleLinks["\(a).\(l)"] ?? fill(levels[l][4], [account[1] as! String, name], encode: true)
                #expect(switchRole == role["switchRoleUrl"] as? String)
                checked += 1
            }
        }
        #expect(checked == 6)
        // Written in full: the long name's two links (its display name is shortened) and the
        // overridden account's two (a landing page for both, a role path for one); nothing else.
        #expect(switchRoleLinks.keys.sorted() == ["1.0", "1.1", "2.0", "2.1"])
        #expect(signInLinks.isEmpty)
        #expect(try fill(index["key"], ["acme", "222233334444", "admin"], encode: false) == "acme/222233334444/admin")
        #expect(try fill(index["anchor"], ["222233334444"], encode: false) == "account-222233334444")
    }

    @Test func holedTextRefusesStandInsThatDoNotAppearOnceInOrder() {
        #expect(HoledText(holes: 2, percentEncoded: true) { "a=\(percentEncode($0[1]))&b=\(percentEncode($0[0]))" } == nil)
        #expect(HoledText(holes: 1, percentEncoded: true) { "a=\(percentEncode($0[0]))&b=\(percentEncode($0[0]))" } == nil)
        #expect(HoledText(holes: 1, percentEncoded: false) { "no hole \($0.count)" } == nil)
        let text = HoledText(holes: 2, percentEncoded: true) { "x?a=\(percentEncode($0[0]))&b=\(percentEncode($0[1]))" }
        #expect(text?.parts == ["x?a=", "&b=", ""])
        #expect(text?.filled(["1 2", "+"]) == "x?a=1%202&b=%2B")
    }
}
