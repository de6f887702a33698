import Foundation
import Testing
@testable import SwitchboardCore

/// `switchboard diff` on pairs of inventories: the base below, and the same with one kind of change.
@Suite struct AccessDiffTests {
    static let client = """
        name: Acme
        permission_set_prefix: Acme
        description: Our oldest client.
        accounts:
          - id: "222233334444"
            name: Prod
            environment: production
            region: us-east-1
          - id: "222233335555"
            name: Staging
            environment: staging
            region: us-east-1
            access_levels: [read-only]

        """

    static let docs = ["docs/guide.md": "# Guide\n\nText.\n"]

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var portal: [(String, String)] = []
        var client: [(String, String)] = []
        var files: [String: String] = [:]
        var removed: [String] = []
        let expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a doc's text, an account's name and description, and the account order",
             client: [("description: Our oldest client.", "description: Since 2019."), ("name: Staging", "name: Staging EU"),
                      ("""
                        - id: "222233334444"
                          name: Prod
                          environment: production
                          region: us-east-1
                      """, ""),
                      ("    access_levels: [read-only]\n", "    access_levels: [read-only]\n  - id: \"222233334444\"\n    name: Prod\n    environment: production\n    region: us-east-1\n")],
             files: ["docs/guide.md": "# Guide\n\nOther text.\n"],
             expected: "No access changes.\n"),
        Case(name: "one digit of an account ID",
             client: [("222233334444", "222233334445")],
             expected: """
                2 access changes: review who can reach what before merging.
                Client acme
                  - account 222233334444 Prod: admin, read-only
                  + account 222233334445 Prod: admin, read-only

                """),
        Case(name: "access levels gained and lost",
             client: [("    access_levels: [read-only]\n", "    access_levels: [admin]\n")],
             expected: """
                2 access changes: review who can reach what before merging.
                Client acme
                  account 222233335555 Staging: + access level 'admin' (role /testco-administrator)
                  account 222233335555 Staging: - access level 'read-only' (role /testco-read-only)

                """),
        Case(name: "a role override, which changes a trust policy",
             client: [("    access_levels: [read-only]\n", "    access_levels: [read-only]\n    roles:\n      read-only:\n        role_path: /partners/\n")],
             expected: """
                1 access change: review who can reach what before merging.
                Client acme
                  account 222233335555 Staging, 'read-only': role /testco-read-only → /partners/testco-read-only (new role ARN and trust policy)

                """),
        Case(name: "an access level's role, permission sets, policy and session",
             portal: [("role_name: testco-read-only", "role_name: testco-viewer\n    managed_policy: arn:aws:iam::aws:policy/ReadOnlyAccess\n    max_session_duration: 7200"),
                      ("\"{client}Admin\"", "\"{client}Administrator\"")],
             expected: """
                4 access changes: review who can reach what before merging.
                Portal (portal.yaml)
                  access level 'admin': permission sets {client}Admin → {client}Administrator for every client
                  access level 'read-only': role /testco-read-only → /testco-viewer in every account without an override (new role ARNs and trust policies)
                  access level 'read-only': managed policy (none) → arn:aws:iam::aws:policy/ReadOnlyAccess
                  access level 'read-only': maximum session default (3600 s) → 7200 s

                """),
        Case(name: "a client's permission-set prefix and external ID",
             client: [("permission_set_prefix: Acme", "permission_set_prefix: AcmeCorp\nexternal_id: acme-1234")],
             expected: """
                2 access changes: review who can reach what before merging.
                Client acme
                  permission sets AcmeAdmin → AcmeCorpAdmin, AcmeReadOnly → AcmeCorpReadOnly
                  external_id added: the roles will require it

                """),
        Case(name: "start URL, home account and raw HTML",
             portal: [("https://test-example.awsapps.com/start/", "https://test-other.awsapps.com/start"),
                      ("id: \"111122223333\"", "id: \"111122223334\""), ("title: Test Portal", "title: Test Portal\nallow_raw_html: true")],
             expected: """
                3 access changes, 3 critical: review who can reach what before merging.
                Portal (portal.yaml)
                  CRITICAL start URL https://test-example.awsapps.com/start → https://test-other.awsapps.com/start: every employee's sign-in (step 1) goes there
                  CRITICAL home account 111122223333 → 111122223334: every remote role's trust policy changes
                  CRITICAL allow_raw_html false → true: raw HTML and scripts in any doc reach every employee's browser

                """),
        Case(name: "an access level added, a client added, docs added and removed",
             portal: [("  - key: read-only", "  - key: audit\n    role_name: testco-audit\n    permission_set: \"{client}Audit\"\n    color: green\n  - key: read-only")],
             files: ["clients/beta/client.yaml": "name: Beta\npermission_set_prefix: Beta\naccounts:\n  - id: \"333344445555\"\n    name: Main\n    environment: production\n    region: us-east-1\n",
                     "docs/new.md": "# New\n"],
             removed: ["docs/guide.md"],
             expected: """
                4 access changes: review who can reach what before merging.
                Portal (portal.yaml)
                  + access level 'audit': role /testco-audit, permission sets {client}Audit
                Client acme
                  account 222233334444 Prod: + access level 'audit' (role /testco-audit)
                Client beta
                  + client 'Beta' (permission sets with prefix Beta)
                  + account 333344445555 Main: admin, audit, read-only
                Docs: 1 added, 1 removed (not access changes).

                """),
    ]

    func folder(portal: String, client: String, files: [String: String] = [:], removed: [String] = []) throws -> TemporaryFolder {
        var all = Self.docs.merging(files) { _, new in new }
        for path in removed { all[path] = nil }
        return try contentFolder(portal: portal, client: client, extra: all)
    }

    static func applied(_ text: String, _ edits: [(String, String)]) -> String {
        edits.reduce(text) { text, edit in
            precondition(text.contains(edit.0), "edit not found: \(edit.0)")
            return text.replacingOccurrences(of: edit.0, with: edit.1)
        }
    }

    @Test func aRemovedClientIsReportedWithItsAccounts() throws {
        let beta = "name: Beta\npermission_set_prefix: Beta\naccounts:\n  - id: \"333344445555\"\n    name: Main\n    environment: production\n    region: us-east-1\n"
        let base = try folder(portal: minimalPortal, client: Self.client, files: ["clients/beta/client.yaml": beta])
        let changed = try folder(portal: minimalPortal, client: Self.client)
        let diff = try AccessDiff.between(oldContent: base.path, newContent: changed.path)
        #expect(AccessDiffReport.render(diff, as: .text) == """
            1 access change: review who can reach what before merging.
            Client beta
              - client 'Beta' and its 1 account(s): 333344445555 Main

            """)
    }

    /// Values come from whoever opens the pull request: in Markdown they stay text, in workflow
    /// commands they cannot end the command or add properties.
    @Test func markdownAndAnnotationsEscapeWhatTheInventorySays() throws {
        let base = try folder(portal: minimalPortal, client: Self.client)
        let hostile = "[click](https://evil.example) <img src=x> %0A::error::x"
        let changed = try folder(portal: minimalPortal, client: Self.applied(Self.client, [("name: Staging", "name: \"\(hostile)\"\n    alias: acme-stg"),
                                                                                            ("222233335555", "222233336666")]))
        let diff = try AccessDiff.between(oldContent: base.path, newContent: changed.path)
        let markdown = AccessDiffReport.render(diff, as: .markdown)
        #expect(markdown.contains(#"\[click\]\(https\:"#), "\(markdown)")
        #expect(markdown.contains(#"\<img"#) && !markdown.replacingOccurrences(of: #"\<"#, with: "").contains("<"))
        let github = AccessDiffReport.render(diff, as: .github).split(separator: "\n")
        #expect(github.count == 3, "\(github)") // two changes and the notice: nothing the value says starts a command
        let added = try #require(github.first { $0.hasPrefix("::warning file=") })
        #expect(added.hasPrefix("::warning file=\(changed.path)/clients/acme/client.yaml,line=9,col=9,title=Access change::Client acme: + account 222233336666"))
        #expect(added.contains("%250A::error::x"))
        #expect(github.last == "::notice title=Access review::2 access changes: review who can reach what before merging.")
    }

    @Test(arguments: cases)
    func reportsEachKindOfChange(_ example: Case) throws {
        let base = try folder(portal: minimalPortal, client: Self.client)
        let changed = try folder(portal: Self.applied(minimalPortal, example.portal), client: Self.applied(Self.client, example.client),
                                 files: example.files, removed: example.removed)
        let diff = try AccessDiff.between(oldContent: base.path, newContent: changed.path)
        #expect(AccessDiffReport.render(diff, as: .text) == example.expected)
        #expect(diff.hasAccessChanges == (example.expected != "No access changes.\n"))
    }
}
