import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct ImportTests {
    let fixtures = fixturesRoot.appendingPathComponent("import")

    func data(_ name: String) throws -> Data { try Data(contentsOf: fixtures.appendingPathComponent(name)) }

    @Test func readsBothCLIShapesAndConcatenatedPages() throws {
        let (v1, report1) = try OrganizationsImport.accounts(from: try data("list-accounts-v1.json"), path: "v1.json", region: "eu-west-1")
        #expect(v1.map(\.id) == ["222233330001", "222233330003"])
        #expect(v1.map(\.environment) == ["production", "staging"])
        #expect(v1.allSatisfy { $0.environmentGuessed && $0.region == "eu-west-1" })
        let (withoutRegion, _) = try OrganizationsImport.accounts(from: try data("list-accounts-v1.json"), path: "v1.json", region: nil)
        #expect(withoutRegion.allSatisfy { $0.region == nil }) // list-accounts has no regions
        #expect(report1.skipped == ["222233330002 Acme Old: SUSPENDED"])
        let (v2, report2) = try OrganizationsImport.accounts(from: try data("list-accounts-v2.json"), path: "v2.json", region: "eu-west-1")
        #expect(v2.map(\.id) == ["222233330004"])
        #expect(v2.first?.environment == "development")
        #expect(report2.skipped == ["222233330005 Acme Closing: PENDING_CLOSURE"])
    }

    /// The error names what is wrong with the value and where it stands in the file.
    @Test(arguments: [
        ("{\"Accounts\": [\n  {\"Id\": \"222233334444\", \"Name\": \"A\"},\n  {\"Name\": \"B\",\n   \"Id\": 12345678901}]}\n",
         4, 10, "\"Id\" is the number 12345678901; an account ID is a string of 12 digits, as the AWS CLI prints it: \"Id\": \"012345678901\""),
        ("\n  {\"Accounts\": [{\"Id\": \"2222-3333-4444\", \"Name\": \"A\"}]}", 2, 24, "must be 12 digits without separators"),
        ("{\"Accounts\": [{\"Id\": \"222233334444\"}]}", 1, 22, "account 222233334444 has no \"Name\""),
        ("[1]\n{\"Accounts\": [{\"Name\": \"A\"}]}", 1, 1, "expected a JSON object"),
        ("{\"Accounts\": [{\"Name\": \"A\"}]}", 1, 1, "account 1 of the \"Accounts\" list has no \"Id\""),
    ])
    func malformedAccountsAreLocated(json: String, line: Int, column: Int, message: String) throws {
        do {
            _ = try OrganizationsImport.accounts(from: Data(json.utf8), path: "bad.json", region: nil)
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.message.contains(message), "\(diagnostic)")
            #expect(diagnostic.location == SourceLocation(path: "bad.json", line: line, column: column), "\(diagnostic)")
        }
    }

    @Test func accountsOfOtherClientsAndTheHomeAccountAreSkippedWithTheirPlace() throws {
        let other = minimalClient.replacingOccurrences(of: "prefix: Acme", with: "prefix: Other")
            .replacingOccurrences(of: "222233334444", with: "098765432109")
        let content = try contentFolder(extra: ["clients/other/client.yaml": other])
        let inventory = try #require(loadInventory(content).0)
        let imported = ["098765432109", "111122223333", "222233337777"].map {
            ImportedAccount(id: $0, name: "N", alias: nil, environment: "test", environmentGuessed: true, region: nil, accessLevels: nil)
        }
        let plan = try ClientFileMerge.plan(slug: "acme", name: "Acme", permissionSetPrefix: "Acme", accounts: imported,
                                            inventory: inventory, contentDirectory: content.path, source: "orgs.json")
        #expect(plan.added.map(\.id) == ["222233337777"])
        #expect(plan.skipped == ["098765432109 N: already listed for client 'other' at \(content.path)/clients/other/client.yaml:4:9; an account belongs to one client",
                                 "111122223333 N: the home account (portal.yaml); list only client accounts"])
        try ClientFileMerge.apply(plan)
        let (_, diagnostics) = loadInventory(content)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)") // the result builds without edits
        #expect(try content.read("clients/acme/client.yaml").contains("region: us-east-1")) // the default region
    }

    @Test func regionsAreComparedOnlyWhereTheSourceHasOne() throws {
        let (content, inventory) = try inventory(minimalClient)
        func differences(region: String?) throws -> [String] {
            let account = ImportedAccount(id: "222233334444", name: "Prod", alias: nil, environment: "production",
                                          environmentGuessed: true, region: region, accessLevels: nil)
            return try ClientFileMerge.plan(slug: "acme", name: "Acme", permissionSetPrefix: "Acme", accounts: [account],
                                            inventory: inventory, contentDirectory: content.path, source: "x.json").differences
        }
        #expect(try differences(region: nil).isEmpty)
        #expect(try differences(region: "eu-north-1") == ["222233334444: region is 'us-east-1' in client.yaml, 'eu-north-1' in x.json (kept)"])
    }

    @Test func malformedJSONIsLocated() throws {
        #expect(throws: InvalidInput.self) { try OrganizationsImport.accounts(from: Data("{\"Accounts\": [".utf8), path: "x", region: "r") }
        do {
            _ = try OrganizationsImport.accounts(from: Data("{\"Accounts\": []}\n\n{\"Nope\": 1}\n".utf8), path: "x.json", region: "r")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.location.line == 3)
        }
    }

    func inventory(_ client: String? = nil) throws -> (TemporaryFolder, Inventory) {
        let folder = client.map { try? contentFolder(client: $0) } ?? (try? TemporaryFolder(["portal.yaml": minimalPortal]))
        let content = try #require(folder)
        let (inventory, diagnostics) = loadInventory(content)
        return (content, try #require(inventory, "\(diagnostics)"))
    }

    @Test func aesrProfilesBecomeClientsAccountsAndLevels() throws {
        let (_, inventory) = try inventory()
        let text = String(decoding: try data("aesr.ini"), as: UTF8.self)
        let (clients, report) = ProfileImport.clients(from: text, path: "aesr.ini", portal: inventory.portal, existing: inventory.clients)
        #expect(clients.map(\.slug) == ["acme"])
        #expect(clients.first?.permissionSetPrefix == "Acme")
        #expect(clients.first?.accounts.map(\.id) == ["222233334444", "222233335555"])
        #expect(clients.first?.accounts.map(\.region) == ["us-east-1", "us-west-2"])
        #expect(clients.first?.accounts.first?.accessLevels == ["admin"])
        let lines = report.unmapped.map(\.location.line)
        #expect(lines == [26, 27, 18, 23], "\(report.unmapped)")
    }

    @Test func awsConfigProfilesMapToExistingClients() throws {
        let (_, inventory) = try inventory(minimalClient)
        let text = String(decoding: try data("aws-config"), as: UTF8.self)
        let (clients, report) = ProfileImport.clients(from: text, path: "aws-config", portal: inventory.portal, existing: inventory.clients)
        #expect(report.unmapped.isEmpty, "\(report.unmapped)")
        #expect(clients.map(\.slug) == ["acme"])
        #expect(clients.first?.accounts.map(\.id) == ["222233334444", "222233336666"])
        #expect(clients.first?.accounts.last?.name == "Data")
        #expect(clients.first?.accounts.last?.accessLevels == ["read-only"])
    }

    @Test func aLookAlikeSSOStartURLIsAnErrorAtItsLine() throws {
        let (_, inventory) = try inventory(minimalClient)
        let good = String(decoding: try data("aws-config"), as: UTF8.self)
        let text = "[sso-session phish]\nsso_start_url = https://test-example.awsapps.com.evil.io/start\nsso_region = us-east-1\n\n" + good
        let (_, report) = ProfileImport.clients(from: text, path: "config", portal: inventory.portal, existing: inventory.clients)
        let errors = report.unmapped.filter { $0.severity == .error }
        #expect(errors.map(\.location.line) == [2], "\(report.unmapped)")
        #expect(errors.first?.message.contains("is not an AWS access portal URL") == true)
        let (_, clean) = ProfileImport.clients(from: good, path: "config", portal: inventory.portal, existing: inventory.clients)
        #expect(clean.unmapped.isEmpty)
    }

    @Test func newClientFileBuildsWithoutEdits() throws {
        let (content, _) = try inventory()
        let (accounts, _) = try OrganizationsImport.accounts(from: try data("list-accounts-v1.json"), path: "v1.json", region: nil)
        let plan = try ClientFileMerge.plan(slug: "acme", name: "Acme \"Inc\"", permissionSetPrefix: "Acme", accounts: accounts,
                                            inventory: try #require(loadInventory(content).0), contentDirectory: content.path, source: "v1.json")
        #expect(plan.isNewFile)
        try ClientFileMerge.apply(plan)
        let (loaded, diagnostics) = loadInventory(content)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(loaded?.clients.first?.name == "Acme \"Inc\"")
        #expect(loaded?.clients.first?.accounts.map(\.id) == ["222233330001", "222233330003"])
        _ = try Switchboard.check(BuildOptions(contentDirectory: content.path, templatesDirectory: defaultTemplates))
    }

    @Test func mergingAppendsNewAccountsKeepsCommentsAndReportsDifferences() throws {
        let original = "# Acme: our oldest client\n" + minimalClient.replacingOccurrences(of: "    name: Prod\n", with: "    name: Prod # main account\n")
        let (content, inventory) = try inventory(original)
        let imported = [
            ImportedAccount(id: "222233334444", name: "Production", alias: nil, environment: "production", environmentGuessed: true, region: "us-east-1", accessLevels: nil),
            ImportedAccount(id: "222233337777", name: "Staging", alias: nil, environment: "staging", environmentGuessed: true, region: "us-east-1", accessLevels: ["read-only"]),
        ]
        let plan = try ClientFileMerge.plan(slug: "acme", name: "x", permissionSetPrefix: "x", accounts: imported,
                                            inventory: inventory, contentDirectory: content.path, source: "orgs.json")
        #expect(plan.present == ["222233334444"])
        #expect(plan.added.map(\.id) == ["222233337777"])
        #expect(plan.differences == ["222233334444: name is 'Prod' in client.yaml, 'Production' in orgs.json (kept)"])
        let text = try #require(plan.text)
        #expect(text.hasPrefix(original))
        #expect(try content.read("clients/acme/client.yaml") == original) // planning writes nothing
        try ClientFileMerge.apply(plan)
        let (loaded, diagnostics) = loadInventory(content)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(loaded?.clients.first?.accounts.map(\.id) == ["222233334444", "222233337777"])
        #expect(try content.read("clients/acme/client.yaml").contains("# main account"))
    }

    @Test func refusesToRewriteWhenAccountsIsNotLast() throws {
        let client = minimalClient.replacingOccurrences(of: "name: Acme\n", with: "") + "name: Acme\n"
        let (content, inventory) = try inventory(client)
        let new = ImportedAccount(id: "222233337777", name: "S", alias: nil, environment: "staging", environmentGuessed: false, region: "us-east-1", accessLevels: nil)
        do {
            _ = try ClientFileMerge.plan(slug: "acme", name: "Acme", permissionSetPrefix: "Acme", accounts: [new], inventory: inventory,
                                         contentDirectory: content.path, source: "x")
            Issue.record("expected a refusal")
        } catch {
            #expect(error.diagnostics.first?.message.contains("move 'accounts:' to the end") == true)
        }
    }

    @Test func exportsImportBackToTheSameAccountsAndRoles() throws {
        let out = try TemporaryFolder()
        let content = repositoryRoot.appendingPathComponent("content").path
        _ = try Switchboard.build(BuildOptions(contentDirectory: content, templatesDirectory: defaultTemplates, outputDirectory: out.path + "/public"))
        let (inventory, _) = InventoryLoader.load(contentDirectory: content)
        let portal = try #require(inventory?.portal)
        let site = SiteBuilder.build(inventory: try #require(inventory), documents: [])
        // Every role that uses its access level's role name (overrides cannot be told from the export).
        var expected: Set<String> = []
        for client in site.clients {
            for account in client.accounts {
                for role in account.roles where role.roleName == role.level.roleName {
                    expected.insert("\(client.client.slug) \(account.account.id) \(role.level.key)")
                }
            }
        }
        for export in ["aesr.ini", "aws-config"] {
            let text = try out.read("public/exports/\(export)")
            let (clients, _) = ProfileImport.clients(from: text, path: export, portal: portal, existing: try #require(inventory).clients)
            var found: Set<String> = []
            for client in clients {
                for account in client.accounts {
                    for level in account.accessLevels ?? portal.accessLevels.map(\.key) {
                        found.insert("\(client.slug) \(account.id) \(level)")
                    }
                }
            }
            #expect(found == expected, "\(export)")
        }
    }
}
