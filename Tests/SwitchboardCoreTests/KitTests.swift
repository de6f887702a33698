import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct KitTests {
    func site(portal: String = minimalPortal, client: String = minimalClient, extra: [String: String] = [:]) throws -> Site {
        let folder = try contentFolder(portal: portal, client: client, extra: extra)
        let (inventory, diagnostics) = loadInventory(folder)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        return SiteBuilder.build(inventory: try #require(inventory), documents: [])
    }

    @Test func trustPolicyFollowsTheSpec() {
        let policy = Policies.trustPolicy(partition: .awsUSGov, homeAccountID: "111122223333", permissionSet: "AcmeAdmin", externalID: "ext-1")
        #expect(policy.text == """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": {
                    "AWS": "arn:aws-us-gov:iam::111122223333:root"
                  },
                  "Action": "sts:AssumeRole",
                  "Condition": {
                    "ArnLike": {
                      "aws:PrincipalArn": [
                        "arn:aws-us-gov:iam::111122223333:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_AcmeAdmin_*",
                        "arn:aws-us-gov:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AcmeAdmin_*"
                      ]
                    },
                    "StringEquals": {
                      "sts:ExternalId": "ext-1"
                    }
                  }
                }
              ]
            }

            """)
    }

    @Test func permissionSetPolicyListsEveryRoleOfTheLevel() throws {
        let client = minimalClient + """
              - id: "222233335555"
                name: Staging
                environment: staging
                region: us-east-1
                access_levels: [admin]

            """
        let site = try site(client: client)
        let sets = try #require(site.clients.first?.permissionSets)
        #expect(sets.map(\.name) == ["AcmeAdmin", "AcmeReadOnly"])
        let arns = SetupKit.roleARNs(of: try #require(site.clients.first), level: sets[0].level)
        #expect(arns == ["arn:aws:iam::222233334444:role/testco-administrator", "arn:aws:iam::222233335555:role/testco-administrator"])
        let readOnly = SetupKit.roleARNs(of: try #require(site.clients.first), level: sets[1].level)
        #expect(readOnly == ["arn:aws:iam::222233334444:role/testco-read-only"])
    }

    @Test func levelsNoAccountHasGetNoPermissionSet() throws {
        let site = try site(client: minimalClient + "    access_levels: [read-only]\n")
        #expect(site.clients.first?.permissionSets.map(\.name) == ["AcmeReadOnly"])
        let files = SetupKit.clientFiles(try #require(site.clients.first), site: site).files.map(\.path)
        #expect(!files.contains("clients/acme/kit/trust-policy-admin.json"))
        #expect(files.contains("clients/acme/kit/trust-policy-read-only.json"))
    }

    @Test func awsConfigChainsClientProfilesToPermissionSetProfiles() throws {
        let text = Exports.awsConfig(site: try site(), level: nil)
        #expect(text.contains("""
            [sso-session test-co]
            sso_start_url = https://test-example.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """))
        #expect(text.contains("""
            [profile AcmeReadOnly]
            sso_session = test-co
            sso_account_id = 111122223333
            sso_role_name = AcmeReadOnly
            region = us-east-1

            [profile acme-prod-read-only]
            role_arn = arn:aws:iam::222233334444:role/testco-read-only
            source_profile = AcmeReadOnly
            region = us-east-1
            """))
        let adminOnly = Exports.awsConfig(site: try site(), level: try site().portal.accessLevels[0])
        #expect(adminOnly.contains("[profile acme-prod-admin]"))
        #expect(!adminOnly.contains("read-only"))
    }

    @Test func profileNamePatternIsConfigurableAndValidated() throws {
        let custom = minimalPortal.replacingOccurrences(of: "access_levels:", with: "exports:\n  profile_name: \"{id}.{level}\"\n  sso_session: corp\naccess_levels:")
        let role = try #require(try site(portal: custom).clients.first?.accounts.first?.roles.first)
        #expect(role.profileName == "222233334444.admin")

        for bad in ["\"{client}-{account}\"", "\"{client} {account} {level}\"", "\"{account}-{level}-{nope}\""] {
            let portal = minimalPortal.replacingOccurrences(of: "access_levels:", with: "exports:\n  profile_name: \(bad)\naccess_levels:")
            let (_, diagnostics) = loadInventory(try contentFolder(portal: portal))
            #expect(diagnostics.error(containing: "profile_name '\(bad.dropFirst().dropLast())'")?.location.line == 9, "\(bad): \(diagnostics)")
        }
    }

    @Test func collidingProfileNamesAreErrors() throws {
        let client = minimalClient + """
              - id: "222233335555"
                name: "Prod!"
                environment: production
                region: us-east-1

            """
        let folder = try contentFolder(client: client)
        do {
            _ = try Switchboard.check(BuildOptions(contentDirectory: folder.path, templatesDirectory: defaultTemplates))
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.error(containing: "AWS CLI profile name 'acme-prod-admin' is used twice")?.location.line == 8)
        }
    }

    @Test func jsonIsIndentedEscapedAndParsesBack() throws {
        let value = JSONValue.object([
            ("plain", .string("arn:aws:iam::111122223333:role/x")),
            ("escaped", .string("quote \" backslash \\ <tag> line\nbreak\ttab\u{1} é")),
            ("list", .array([.number(1), .bool(true), .null])), ("empty", .array([])), ("none", .object([])),
        ])
        #expect(value.text == """
            {
              "plain": "arn:aws:iam::111122223333:role/x",
              "escaped": "quote \\" backslash \\\\ \\u003ctag> line\\nbreak\\ttab\\u0001 é",
              "list": [
                1,
                true,
                null
              ],
              "empty": [],
              "none": {}
            }

            """)
        let parsed = try #require(try JSONSerialization.jsonObject(with: value.data) as? [String: Any])
        #expect(parsed["escaped"] as? String == "quote \" backslash \\ <tag> line\nbreak\ttab\u{1} é")
    }

    @Test func compactLengthCountsCharactersWithoutWhiteSpace() {
        #expect(Policies.compactLength("{\n  \"a\": \"b c\"\n}\n") == 10)
        #expect(Policies.compactLength("{\"é\": \"e\u{301}\"}") == 9) // e + combining accent is one character
    }

    @Test func inlinePolicyOverTheQuotaIsAnError() throws {
        var client = "name: Acme\npermission_set_prefix: Acme\naccounts:\n"
        for index in 0..<220 {
            client += "  - id: \"\(String(format: "3333%08d", index))\"\n    name: A\(index)\n    environment: production\n    region: us-east-1\n"
        }
        let folder = try contentFolder(client: client)
        do {
            _ = try Switchboard.check(BuildOptions(contentDirectory: folder.path, templatesDirectory: defaultTemplates))
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.error(containing: "IAM Identity Center allows 10240") != nil, "\(error)")
        }
    }

    @Test func externalIDWarnsAndReachesTheTrustPolicyAndCLIProfiles() throws {
        let client = minimalClient.replacingOccurrences(of: "accounts:", with: "external_id: acme-ext\naccounts:")
        let folder = try contentFolder(client: client)
        let (inventory, diagnostics) = loadInventory(folder)
        #expect(diagnostics.first { $0.severity == .warning }?.message.contains("cannot be used from the console's Switch Role page") == true)
        let site = SiteBuilder.build(inventory: try #require(inventory), documents: [])
        #expect(Exports.awsConfig(site: site, level: nil).contains("external_id = acme-ext"))
        let trust = SetupKit.clientFiles(try #require(site.clients.first), site: site).files.first { $0.path == "clients/acme/kit/trust-policy-admin.json" }
        #expect(String(decoding: try #require(trust).contents, as: UTF8.self).contains("\"sts:ExternalId\": \"acme-ext\""))
    }

    @Test func cloudFormationNamesAndDescriptions() {
        #expect(CloudFormation.logicalID("read-only") == "ReadOnly")
        #expect(CloudFormation.logicalID("AbcCorp+Ops=1") == "AbcCorpOps1")
        #expect(CloudFormation.description("a\u{202E}b 🚀 é", limit: 100) == "a-b - é")
        #expect(CloudFormation.description(String(repeating: "x", count: 2000), limit: 700).count == 700)
    }

    @Test func bookmarksEscapeNamesAndLinks() throws {
        let site = try site(client: minimalClient.replacingOccurrences(of: "name: Acme", with: "name: \"A&<b>\""))
        let text = Exports.bookmarks(site: site, level: nil)
        #expect(text.contains("<DT><H3>A&amp;&lt;b&gt;</H3>"))
        #expect(text.contains("HREF=\"https://signin.aws.amazon.com/switchrole?account=222233334444&amp;roleName="))
    }

    @Test func instanceARNIsValidated() throws {
        let portal = minimalPortal.replacingOccurrences(of: "  region: us-east-1\naccess", with: "  region: us-east-1\n  instance_arn: arn:aws:sso:::instance/BAD!\naccess")
        let (_, diagnostics) = loadInventory(try contentFolder(portal: portal))
        #expect(diagnostics.error(containing: "instance_arn") != nil, "\(diagnostics)")
    }
}
