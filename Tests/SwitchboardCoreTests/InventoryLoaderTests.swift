import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct InventoryLoaderTests {
    @Test func loadsAValidInventory() throws {
        let folder = try contentFolder()
        let (inventory, diagnostics) = loadInventory(folder)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        let portal = try #require(inventory?.portal)
        #expect(portal.startURL == "https://test-example.awsapps.com/start")
        #expect(portal.partition == .aws)
        #expect(portal.accessLevels.map(\.key) == ["admin", "read-only"])
        #expect(portal.accessLevels[0].rolePath == "/")
        let client = try #require(inventory?.clients.first)
        #expect(client.slug == "acme")
        #expect(client.accounts.first?.accessLevelKeys == ["admin", "read-only"])
    }

    @Test func unquotedAccountIDKeepsLeadingZero() throws {
        let folder = try contentFolder(client: minimalClient.replacingOccurrences(of: "\"222233334444\"", with: "012345678901"))
        let (inventory, diagnostics) = loadInventory(folder)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(inventory?.clients.first?.accounts.first?.id == "012345678901")
    }

    @Test(arguments: [("true", true), ("yes", true), ("On", true), ("false", false), ("No", false), ("OFF", false)])
    func booleansAreReadInYAMLsSpellings(text: String, value: Bool) throws {
        let folder = try contentFolder(portal: minimalPortal + "allow_raw_html: \(text)\n")
        let (inventory, diagnostics) = loadInventory(folder)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(inventory?.portal.allowRawHTML == value)
    }

    @Test func typedValuesMustBePlainAndWellFormed() throws {
        let duration = try contentFolder(portal: minimalPortal + "    max_session_duration: 7200\n")
        #expect(loadInventory(duration).0?.portal.accessLevels.last?.maxSessionDuration == 7200)
        for (portal, message) in [(minimalPortal + "allow_raw_html: \"true\"\n", "must be true or false"),
                                  (minimalPortal + "allow_raw_html: maybe\n", "must be true or false"),
                                  (minimalPortal + "    max_session_duration: '7200'\n", "must be a whole number"),
                                  (minimalPortal + "    max_session_duration: 7200.5\n", "must be a whole number")] {
            let (inventory, diagnostics) = loadInventory(try contentFolder(portal: portal))
            #expect(inventory == nil)
            #expect(diagnostics.errors.contains { $0.message.contains(message) }, "\(portal): \(diagnostics)")
        }
    }

    @Test func accountIDHintsFitTheMistake() {
        #expect(NamingRules.accountID("012345678901") == nil)
        #expect(NamingRules.accountID("4444 5555 8888")?.contains("write '444455558888'") == true)
        #expect(NamingRules.accountID("1234567890123")?.contains("has 13 digits") == true)
        #expect(NamingRules.accountID("12345678901a")?.contains("must be exactly 12 digits") == true)
        // IDs are read from the scalar's text, so quoting never fixes one: no message may say so.
        for wrong in ["4444-5555-8888", "44445555888", "abc", "2.2223333444e+11"] {
            #expect(NamingRules.accountID(wrong)?.contains("quote") == false, "\(wrong)")
        }
    }

    @Test func aliasesAndRegionsFollowAWSRules() {
        #expect(NamingRules.accountAlias("acme-prod-2") == nil)
        #expect(NamingRules.accountAlias("acme--prod") != nil)
        #expect(NamingRules.accountAlias("-acme") != nil)
        #expect(NamingRules.region("eu-west-1") == nil)
        #expect(NamingRules.region("us-gov-west-1") == nil)
        #expect(NamingRules.region("euwest1") != nil)
        #expect(NamingRules.region("eu-west-") != nil)
        #expect(NamingRules.region("eu–west–1") != nil) // en dashes
    }

    @Test func clientsAreSortedBySlug() throws {
        let folder = try contentFolder(extra: [
            "clients/zeta/client.yaml": minimalClient.replacingOccurrences(of: "222233334444", with: "222233335555")
                .replacingOccurrences(of: "prefix: Acme", with: "prefix: Zeta"),
            "clients/beta/client.yaml": minimalClient.replacingOccurrences(of: "222233334444", with: "222233336666")
                .replacingOccurrences(of: "prefix: Acme", with: "prefix: Beta"),
        ])
        let (inventory, diagnostics) = loadInventory(folder)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(inventory?.clients.map(\.slug) == ["acme", "beta", "zeta"])
    }

    @Test func accessLevelsOfAnAccountFollowPortalOrderAndOverridesApply() throws {
        let client = minimalClient + """
                access_levels: [read-only, admin]
                roles:
                  read-only:
                    role_name: custom-reader
                    role_path: /partners/test/

            """
        let (inventory, diagnostics) = loadInventory(try contentFolder(client: client))
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        let account = try #require(inventory?.clients.first?.accounts.first)
        #expect(account.accessLevelKeys == ["admin", "read-only"])
        let level = try #require(inventory?.portal.accessLevels.last)
        #expect(account.role(for: level).name == "custom-reader")
        #expect(account.role(for: level).path == "/partners/test/")
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let portal: String?
        let client: String?
        let file: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(name: "account ID of 11 digits", portal: nil,
                  client: minimalClient.replacingOccurrences(of: "\"222233334444\"", with: "\"22223333444\""),
                  file: "clients/acme/client.yaml", line: 4, column: 9, message: "account ID '22223333444' has 11 digits; an AWS account ID has exactly 12"),
        ErrorCase(name: "account ID in the console's display form", portal: nil,
                  client: minimalClient.replacingOccurrences(of: "\"222233334444\"", with: "2222-3333-4444"),
                  file: "clients/acme/client.yaml", line: 4, column: 9, message: "must be 12 digits without separators: write '222233334444'"),
        ErrorCase(name: "account ID that YAML reads as a float", portal: nil,
                  client: minimalClient.replacingOccurrences(of: "\"222233334444\"", with: "2.2223333444e+11"),
                  file: "clients/acme/client.yaml", line: 4, column: 9, message: "must be exactly 12 digits"),
        ErrorCase(name: "unknown access level", portal: nil,
                  client: minimalClient + "    access_levels: [admin, read-onyl]\n",
                  file: "clients/acme/client.yaml", line: 8, column: 28, message: "unknown access level 'read-onyl'; did you mean 'read-only'?"),
        ErrorCase(name: "unknown access level in role override", portal: nil,
                  client: minimalClient + "    roles:\n      audit:\n        role_name: x\n",
                  file: "clients/acme/client.yaml", line: 9, column: 7, message: "unknown access level 'audit'"),
        ErrorCase(name: "bad role name", portal: minimalPortal.replacingOccurrences(of: "testco-administrator", with: "testco administrator"),
                  client: nil, file: "portal.yaml", line: 11, column: 16, message: "role name 'testco administrator' must be 1-64 characters"),
        ErrorCase(name: "non-ASCII role name", portal: minimalPortal.replacingOccurrences(of: "testco-administrator", with: "tëstco"),
                  client: nil, file: "portal.yaml", line: 11, column: 16, message: "role name 'tëstco'"),
        ErrorCase(name: "bad role path", portal: nil,
                  client: minimalClient + "    roles:\n      admin:\n        role_path: partners/\n",
                  file: "clients/acme/client.yaml", line: 10, column: 20, message: "role path 'partners/' must be '/'"),
        ErrorCase(name: "path plus name over 64", portal: nil,
                  client: minimalClient + "    roles:\n      admin:\n        role_path: /\(String(repeating: "p", count: 50))/\n",
                  file: "clients/acme/client.yaml", line: 4, column: 5, message: "console switch-role allows at most 64"),
        ErrorCase(name: "role names colliding ignoring case", portal: nil,
                  client: minimalClient + "    roles:\n      read-only:\n        role_name: TESTCO-ADMINISTRATOR\n",
                  file: "clients/acme/client.yaml", line: 4, column: 5, message: "both use role name"),
        ErrorCase(name: "permission set too long", portal: nil,
                  client: minimalClient.replacingOccurrences(of: "prefix: Acme", with: "prefix: \(String(repeating: "A", count: 30))"),
                  file: "clients/acme/client.yaml", line: 2, column: 24, message: "must be 1-32 characters"),
        ErrorCase(name: "permission set pattern without placeholder",
                  portal: minimalPortal.replacingOccurrences(of: "\"{client}Admin\"", with: "Admin"), client: nil,
                  file: "portal.yaml", line: 12, column: 21, message: "must contain {client}"),
        ErrorCase(name: "alias that is a 12-digit number", portal: nil,
                  client: minimalClient + "    alias: \"123456789012\"\n",
                  file: "clients/acme/client.yaml", line: 8, column: 12, message: "must not be a 12-digit number"),
        ErrorCase(name: "alias with uppercase", portal: nil, client: minimalClient + "    alias: Acme-Prod\n",
                  file: "clients/acme/client.yaml", line: 8, column: 12, message: "account alias 'Acme-Prod'"),
        ErrorCase(name: "invalid color", portal: minimalPortal.replacingOccurrences(of: "color: red", with: "color: purple"),
                  client: nil, file: "portal.yaml", line: 13, column: 12, message: "unknown color 'purple'"),
        ErrorCase(name: "invalid partition",
                  portal: minimalPortal.replacingOccurrences(of: "  id: \"111122223333\"\n", with: "  id: \"111122223333\"\n  partition: aws-eu\n"),
                  client: nil, file: "portal.yaml", line: 5, column: 14, message: "unknown partition 'aws-eu'"),
        ErrorCase(name: "start URL not https",
                  portal: minimalPortal.replacingOccurrences(of: "https://test-example", with: "http://test-example"),
                  client: nil, file: "portal.yaml", line: 6, column: 14, message: "start_url"),
        ErrorCase(name: "start URL on a look-alike host",
                  portal: minimalPortal.replacingOccurrences(of: "awsapps.com/start/", with: "awsapps.com.evil.io/start"),
                  client: nil, file: "portal.yaml", line: 6, column: 14,
                  message: "start_url 'https://test-example.awsapps.com.evil.io/start' is not an AWS access portal URL"),
        ErrorCase(name: "unknown key with suggestion", portal: nil,
                  client: minimalClient.replacingOccurrences(of: "    environment:", with: "    enviroment:"),
                  file: "clients/acme/client.yaml", line: 6, column: 5, message: "unknown key 'enviroment' in an account; did you mean 'environment'?"),
        ErrorCase(name: "missing required key", portal: nil,
                  client: minimalClient.replacingOccurrences(of: "    region: us-east-1\n", with: ""),
                  file: "clients/acme/client.yaml", line: 4, column: 5, message: "missing the required key 'region'"),
        ErrorCase(name: "wrong type", portal: minimalPortal.replacingOccurrences(of: "title: Test Portal", with: "title: [a, b]"),
                  client: nil, file: "portal.yaml", line: 1, column: 8, message: "'title' in portal.yaml must be a single value, found a list"),
        ErrorCase(name: "wrong type for a number", portal: minimalPortal + "    max_session_duration: one hour\n",
                  client: nil, file: "portal.yaml", line: 19, column: 27, message: "must be a whole number"),
        ErrorCase(name: "session duration out of range", portal: minimalPortal + "    max_session_duration: 60\n",
                  client: nil, file: "portal.yaml", line: 19, column: 27, message: "between 3600 and 43200"),
        ErrorCase(name: "malformed YAML", portal: nil, client: "name: Acme\naccounts:\n  - id: \"1\n",
                  file: "clients/acme/client.yaml", line: 4, column: 1, message: "malformed YAML"),
        ErrorCase(name: "duplicate key", portal: nil, client: minimalClient.replacingOccurrences(of: "name: Acme\n", with: "name: Acme\nname: Again\n"),
                  file: "clients/acme/client.yaml", line: 2, column: 1, message: "duplicate key 'name'"),
        ErrorCase(name: "tab indentation", portal: nil, client: "name: Acme\naccounts:\n\t- id: \"222233334444\"\n",
                  file: "clients/acme/client.yaml", line: 3, column: 1, message: "malformed YAML"),
        ErrorCase(name: "region in another partition", portal: nil,
                  client: minimalClient.replacingOccurrences(of: "region: us-east-1", with: "region: cn-north-1"),
                  file: "clients/acme/client.yaml", line: 7, column: 13, message: "roles cannot be assumed across partitions"),
        ErrorCase(name: "empty file", portal: nil, client: "", file: "clients/acme/client.yaml", line: 1, column: 1, message: "the file is empty"),
        ErrorCase(name: "landing page off the console", portal: nil,
                  client: minimalClient + "    landing_page: https://evil.example/\n",
                  file: "clients/acme/client.yaml", line: 8, column: 19, message: "landing_page 'https://evil.example/'"),
        ErrorCase(name: "home account listed as client account", portal: nil,
                  client: minimalClient.replacingOccurrences(of: "222233334444", with: "111122223333"),
                  file: "clients/acme/client.yaml", line: 4, column: 9, message: "is the home account"),
        ErrorCase(name: "duplicate access level key",
                  portal: minimalPortal.replacingOccurrences(of: "key: read-only", with: "key: admin"), client: nil,
                  file: "portal.yaml", line: 14, column: 5, message: "access level 'admin' is defined twice"),
    ]

    static let teams = """
        teams:
          - key: oncall
            name: On-call
            group: oncall-group
            group_id: f81d4fae-7dec-11d0-a765-00a0c91e6bf6
          - key: everyone
            group: everyone-group
        access:
          admin: [oncall]
          read-only: [everyone]

        """

    static let teamErrorCases: [ErrorCase] = [
        ErrorCase(name: "unknown team in the default", portal: minimalPortal + teams.replacingOccurrences(of: "admin: [oncall]", with: "admin: [oncal]"),
                  client: nil, file: "portal.yaml", line: 27, column: 11, message: "unknown team 'oncal'; did you mean 'oncall'?"),
        ErrorCase(name: "unknown access level in the default", portal: minimalPortal + teams.replacingOccurrences(of: "  admin: [oncall]", with: "  admn: [oncall]"),
                  client: nil, file: "portal.yaml", line: 27, column: 3, message: "unknown access level 'admn' in access; did you mean 'admin'?"),
        ErrorCase(name: "unknown team in a client", portal: minimalPortal + teams,
                  client: minimalClient.replacingOccurrences(of: "accounts:", with: "access:\n  admin: [everyone, nobody]\naccounts:"),
                  file: "clients/acme/client.yaml", line: 4, column: 21, message: "unknown team 'nobody'"),
        ErrorCase(name: "unknown access level in a client", portal: minimalPortal + teams,
                  client: minimalClient.replacingOccurrences(of: "accounts:", with: "access:\n  read-onyl: [everyone]\naccounts:"),
                  file: "clients/acme/client.yaml", line: 4, column: 3, message: "unknown access level 'read-onyl' in access; did you mean 'read-only'?"),
        ErrorCase(name: "duplicate team key", portal: minimalPortal + teams.replacingOccurrences(of: "key: everyone", with: "key: oncall"),
                  client: nil, file: "portal.yaml", line: 24, column: 10, message: "team 'oncall' is defined twice"),
        ErrorCase(name: "one group under two keys", portal: minimalPortal + teams.replacingOccurrences(of: "group: everyone-group", with: "group: oncall-group"),
                  client: nil, file: "portal.yaml", line: 25, column: 12, message: "group 'oncall-group' is already team"),
        ErrorCase(name: "malformed group ID", portal: minimalPortal + teams.replacingOccurrences(of: "f81d4fae-7dec", with: "f81d4fae-7dez"),
                  client: nil, file: "portal.yaml", line: 23, column: 15, message: "group_id 'f81d4fae-7dez-11d0-a765-00a0c91e6bf6' is not an Identity Store group ID"),
        ErrorCase(name: "a group ID that is a display name", portal: minimalPortal + teams.replacingOccurrences(of: "f81d4fae-7dec-11d0-a765-00a0c91e6bf6", with: "oncall-group"),
                  client: nil, file: "portal.yaml", line: 23, column: 15, message: "is not an Identity Store group ID"),
        ErrorCase(name: "request_access that is not https or mailto", portal: minimalPortal + "request_access: javascript:alert(1)\n",
                  client: nil, file: "portal.yaml", line: 19, column: 17, message: "request_access 'javascript:alert(1)' must be an https:// or mailto: URL"),
        ErrorCase(name: "request_access with an unknown placeholder", portal: minimalPortal + "request_access: https://x.example/?u={user}\n",
                  client: nil, file: "portal.yaml", line: 19, column: 17, message: "may use the placeholders {client}, {account}, {level}, {permission_set}"),
    ]

    @Test(arguments: teamErrorCases)
    func reportsTeamErrorsWithLocation(_ example: ErrorCase) throws {
        try reportsErrorWithLocation(example)
    }

    @Test func teamsAndGrantsFollowTheOverrideRules() throws {
        let client = minimalClient.replacingOccurrences(of: "accounts:", with: "access:\n  admin: []\n  read-only: [oncall, everyone]\naccounts:")
        let (inventory, diagnostics) = loadInventory(try contentFolder(portal: minimalPortal + Self.teams, client: client))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let portal = try #require(inventory?.portal)
        #expect(portal.teams.map(\.key) == ["oncall", "everyone"])
        #expect(portal.teams.map(\.name) == ["On-call", "everyone-group"]) // the group's name when none is given
        #expect(portal.teams[1].groupID == nil)
        let acme = try #require(inventory?.clients.first)
        // The client's list replaces the default for its levels; teams come in portal order.
        #expect(portal.teams(holding: portal.accessLevels[0], for: acme).isEmpty)
        #expect(portal.teams(holding: portal.accessLevels[1], for: acme).map(\.key) == ["oncall", "everyone"])
        var other = acme
        other.access = TeamGrants()
        #expect(portal.teams(holding: portal.accessLevels[0], for: other).map(\.key) == ["oncall"])
        #expect(TeamsLoader.isIdentityStoreID("9067c2d1e0-4f7a2b3c-1d2e-4f5a-8b9c-0d1e2f3a4b5c"))
        #expect(!TeamsLoader.isIdentityStoreID("9067c2d1e-4f7a2b3c-1d2e-4f5a-8b9c-0d1e2f3a4b5c"))
    }

    @Test func grantingALevelNoAccountHasIsAWarning() throws {
        let client = minimalClient.replacingOccurrences(of: "accounts:", with: "access:\n  admin: [everyone]\naccounts:")
            + "    access_levels: [read-only]\n"
        let folder = try contentFolder(portal: minimalPortal + Self.teams, client: client)
        let (inventory, diagnostics) = loadInventory(folder)
        #expect(inventory != nil)
        #expect(diagnostics.map(\.description) == ["\(folder.path)/clients/acme/client.yaml:4:3: warning: access.admin grants teams a level that none of this client's accounts has; add the level to an account or remove the entry"])
    }

    @Test(arguments: errorCases)
    func reportsErrorWithLocation(_ example: ErrorCase) throws {
        let folder = try contentFolder(portal: example.portal ?? minimalPortal, client: example.client ?? minimalClient)
        let (inventory, diagnostics) = loadInventory(folder)
        #expect(inventory == nil)
        let diagnostic = try #require(diagnostics.error(containing: example.message), "got: \(diagnostics)")
        #expect(diagnostic.location.path == "\(folder.path)/\(example.file)")
        #expect(diagnostic.location.line == example.line, "\(diagnostic)")
        #expect(diagnostic.location.column == example.column, "\(diagnostic)")
    }

    @Test func duplicateAccountIDsNameBothLocations() throws {
        let other = minimalClient.replacingOccurrences(of: "prefix: Acme", with: "prefix: Other")
        let folder = try contentFolder(extra: ["clients/other/client.yaml": other])
        let (_, diagnostics) = loadInventory(folder)
        let diagnostic = try #require(diagnostics.error(containing: "account ID 222233334444 is listed twice"))
        #expect(diagnostic.location.path.hasSuffix("clients/other/client.yaml"))
        #expect(diagnostic.message.contains("\(folder.path)/clients/acme/client.yaml:4:9"))
    }

    @Test func clientFolderWithoutClientYAML() throws {
        let folder = try contentFolder(extra: ["clients/ghost/runbook.md": "# Runbook\n"])
        let (_, diagnostics) = loadInventory(folder)
        #expect(diagnostics.error(containing: "has no client.yaml")?.location.path == "\(folder.path)/clients/ghost")
    }

    @Test func hiddenClientFolderWithClientYAMLIsIgnoredWithAWarning() throws {
        let folder = try contentFolder(extra: ["clients/.old-client/client.yaml": minimalClient,
                                               "clients/.cache/notes.txt": "x"])
        let (inventory, diagnostics) = loadInventory(folder)
        #expect(inventory?.clients.map(\.slug) == ["acme"])
        let warnings = diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.location.path) == ["\(folder.path)/clients/.old-client/client.yaml"], "\(diagnostics)")
        #expect(warnings.first?.message.contains("hidden folder") == true)
    }

    @Test func unreadableFilesSayWhy() throws {
        let folder = try TemporaryFolder(["a-folder/x.txt": "x"])
        for (path, reason) in [(folder.path + "/nope.json", "cannot read the file: no such file or directory; check the path"),
                               (folder.path + "/a-folder", "cannot read the file: it is a folder")] {
            #expect(throws: InvalidInput.self) { try TextFile.readBytes(path) }
            do { _ = try TextFile.readBytes(path) } catch {
                #expect(error.diagnostics.first?.message.hasPrefix(reason) == true, "\(error)")
                #expect(error.diagnostics.first?.location.path == path)
            }
        }
    }

    @Test func badClientSlug() throws {
        let folder = try contentFolder(extra: ["clients/Bad_Slug/client.yaml": minimalClient])
        let (_, diagnostics) = loadInventory(folder)
        #expect(diagnostics.error(containing: "not a valid slug") != nil)
    }

    @Test func missingPortalYAML() throws {
        let folder = try TemporaryFolder(["clients/acme/client.yaml": minimalClient])
        let (_, diagnostics) = loadInventory(folder)
        #expect(diagnostics.error(containing: "cannot read portal.yaml")?.location.path == "\(folder.path)/portal.yaml")
    }

    @Test func reportsEveryProblemOfAFileInOneRun() throws {
        let client = """
            name: Acme
            permission_set_prefix: Acme
            colour: red
            accounts:
              - id: "1"
                name: A
                environment: production
                region: us-east-1
              - id: "222233334444"
                name: B
                environment: Production
                region: us-east-1
                alias: "-bad"

            """
        let (_, diagnostics) = loadInventory(try contentFolder(client: client))
        let lines = diagnostics.errors.map(\.location.line)
        #expect(diagnostics.errors.count == 4, "\(diagnostics)")
        #expect(lines == [3, 5, 11, 13])
    }

    @Test func errorsInPortalYAMLDoNotHideErrorsInClientFiles() throws {
        let portal = minimalPortal.replacingOccurrences(of: "color: red", with: "color: purple")
        let client = minimalClient.replacingOccurrences(of: "    name: Prod", with: "    nmae: Prod")
            .replacingOccurrences(of: "\"222233334444\"", with: "\"22223333\"")
            + "    access_levels: [admin, read-only]\n"
        let folder = try contentFolder(portal: portal, client: client)
        let (inventory, diagnostics) = loadInventory(folder)
        #expect(inventory == nil)
        let reported = diagnostics.errors.map { "\($0.location.path.dropFirst(folder.path.count + 1)):\($0.location.line): \($0.message)" }
        #expect(reported.contains { $0.hasPrefix("portal.yaml:13: unknown color 'purple'") }, "\(reported)")
        #expect(reported.contains { $0.hasPrefix("clients/acme/client.yaml:4: account ID '22223333' has 8 digits") }, "\(reported)")
        #expect(reported.contains { $0.hasPrefix("clients/acme/client.yaml:5: unknown key 'nmae'") }, "\(reported)")
        // The level with the bad colour is still known: the account may list it.
        #expect(!reported.contains { $0.contains("unknown access level") }, "\(reported)")
        #expect(diagnostics.errors.count == 4, "\(reported)") // the three above and the missing 'name'
    }

    @Test func clientsAreCheckedWhenPortalAccessLevelsCannotBeRead() throws {
        let portal = minimalPortal.components(separatedBy: "access_levels:")[0] + "access_levels: many\n"
        let client = minimalClient.replacingOccurrences(of: "region: us-east-1", with: "region: us east")
            + "    access_levels: [admin]\n"
        let (_, diagnostics) = loadInventory(try contentFolder(portal: portal, client: client))
        #expect(diagnostics.error(containing: "region 'us east'") != nil, "\(diagnostics)")
        #expect(diagnostics.error(containing: "unknown access level") == nil, "\(diagnostics)")
    }

    @Test func readsCRLFAndBOM() throws {
        let folder = try contentFolder()
        try folder.write("clients/acme/client.yaml", Data([0xEF, 0xBB, 0xBF]) + Data(minimalClient.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let (inventory, diagnostics) = loadInventory(folder)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(inventory?.clients.first?.accounts.first?.id == "222233334444")
    }

    @Test func rejectsNonUTF8WithPosition() throws {
        let folder = try contentFolder()
        try folder.write("clients/acme/client.yaml", Data("name: Acme\nprefix: A\u{e9}".utf8.prefix(21)) + Data([0xFF]))
        let (_, diagnostics) = loadInventory(folder)
        let diagnostic = try #require(diagnostics.error(containing: "not valid UTF-8"))
        #expect(diagnostic.location.line == 2)
    }

    @Test func clientsMustNotShareAPermissionSet() throws {
        let other = minimalClient.replacingOccurrences(of: "222233334444", with: "222233335555")
        let (_, diagnostics) = loadInventory(try contentFolder(extra: ["clients/other/client.yaml": other]))
        #expect(diagnostics.error(containing: "both lead to permission set 'AcmeAdmin'") != nil)
    }
}
