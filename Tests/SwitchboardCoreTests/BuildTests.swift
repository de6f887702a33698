import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct BuildTests {
    let goldenContent = fixturesRoot.appendingPathComponent("small/content").path
    let goldenExpected = fixturesRoot.appendingPathComponent("small/expected").path

    func options(content: String, output: String, templates: String = defaultTemplates) -> BuildOptions {
        BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output)
    }

    /// Compares the build of the small fixture with the checked-in expected files, file by file.
    /// Regenerate after an intended change with `SWITCHBOARD_UPDATE_GOLDEN=1 swift test --filter golden`.
    @Test func goldenBuildMatchesExpectedFiles() throws {
        let out = try TemporaryFolder()
        let output = out.path + "/public"
        _ = try Switchboard.build(options(content: goldenContent, output: output))
        // Assets are copied verbatim: compared with site-templates/ instead of kept twice.
        #expect(try filesUnder(output + "/assets") == filesUnder(defaultTemplates + "/assets"))
        try FileManager.default.removeItem(atPath: output + "/assets")
        let actual = try filesUnder(output)
        if ProcessInfo.processInfo.environment["SWITCHBOARD_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: goldenExpected)
            try FileManager.default.copyItem(atPath: output, toPath: goldenExpected)
        }
        let expected = try filesUnder(goldenExpected)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(actual[path] == bytes, "\(path) differs from Fixtures/small/expected/\(path)")
        }
    }

    @Test func buildsAreByteIdentical() throws {
        let out = try TemporaryFolder()
        _ = try Switchboard.build(options(content: goldenContent, output: out.path + "/one"))
        _ = try Switchboard.build(options(content: goldenContent, output: out.path + "/two"))
        let one = try filesUnder(out.path + "/one")
        let two = try filesUnder(out.path + "/two")
        #expect(one.count > 5)
        #expect(one == two)
    }

    @Test func exampleContentBuilds() throws {
        let out = try TemporaryFolder()
        let report = try Switchboard.build(options(content: exampleContent,
                                                   output: out.path + "/public"))
        #expect(report.clients >= 3)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    /// A pipe table that CommonMark left as text: a paragraph starting with `|` whose next line
    /// is a delimiter row. The onboarding template once wrote one into every client's page.
    @Test func noPageOfTheExampleShowsAPipeTableAsText() throws {
        let out = try TemporaryFolder()
        _ = try Switchboard.build(options(content: exampleContent, output: out.path + "/public"))
        let pages = try filesUnder(out.path + "/public").filter { $0.key.hasSuffix(".html") }
        #expect(pages["clients/abc-corp/onboarding.html"] != nil)
        let tableAsText = try Regex(#"<p>\|[^\n]*\n\s*\|?\s*:?-+:?\s*\|"#)
        for (page, html) in pages {
            #expect(String(decoding: html, as: UTF8.self).firstMatch(of: tableAsText) == nil, "\(page)")
        }
    }

    /// The portal names clients, account IDs and roles: no page may be indexed.
    @Test func everyPageAsksNotToBeIndexedAndRobotsTxtDisallowsAll() throws {
        let out = try TemporaryFolder()
        _ = try Switchboard.build(options(content: exampleContent, output: out.path + "/public"))
        let files = try filesUnder(out.path + "/public")
        #expect(files["robots.txt"] == Data("User-agent: *\nDisallow: /\n".utf8))
        let pages = files.filter { $0.key.hasSuffix(".html") && !$0.key.hasPrefix("exports/") }
        #expect(pages.count > 10 && pages["404.html"] != nil)
        for (page, html) in pages {
            #expect(String(decoding: html, as: UTF8.self).contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), "\(page)")
        }
    }

    @Test func failedBuildLeavesPreviousOutputByteIdentical() throws {
        let content = try contentFolder()
        let output = content.path + "-public"
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try Switchboard.build(options(content: content.path, output: output))
        let before = try filesUnder(output)
        try content.write("clients/acme/client.yaml", "name: [broken\n")
        #expect(throws: InvalidInput.self) { try Switchboard.build(options(content: content.path, output: output)) }
        #expect(try filesUnder(output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path)
        let prefix = ".\(URL(fileURLWithPath: output).lastPathComponent).switchboard-"
        #expect(!siblings.contains { $0.hasPrefix(prefix + "staging-") || $0.hasPrefix(prefix + "old-") }, "\(siblings)")
    }

    /// Some problems show only while files are made (a policy over its AWS quota); by then
    /// files are being written, into the staging folder, which is dropped.
    @Test func failureWhileWritingLeavesPreviousOutputByteIdentical() throws {
        let content = try contentFolder()
        let output = content.path + "-public"
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try Switchboard.build(options(content: content.path, output: output))
        let before = try filesUnder(output)
        var client = "name: Acme\npermission_set_prefix: Acme\naccounts:\n"
        for index in 0..<220 {
            client += "  - id: \"\(String(format: "3333%08d", index))\"\n    name: A\(index)\n    environment: production\n    region: us-east-1\n"
        }
        try content.write("clients/acme/client.yaml", client)
        #expect(throws: InvalidInput.self) { try Switchboard.build(options(content: content.path, output: output)) }
        #expect(try filesUnder(output) == before)
        let parent = URL(fileURLWithPath: output).deletingLastPathComponent().path
        let prefix = ".\(URL(fileURLWithPath: output).lastPathComponent).switchboard-staging-"
        #expect(try !FileManager.default.contentsOfDirectory(atPath: parent).contains { $0.hasPrefix(prefix) })
    }

    /// Pieces of output are written from every core: two with one path would race, so the
    /// second is an error (and nothing is swapped in).
    @Test func twoFilesWithOnePathAreAnError() throws {
        let work = try TemporaryFolder()
        let output = work.path + "/public"
        #expect(throws: InvalidInput.self) {
            try OutputWriter.write(to: output, protecting: []) { staging throws(InvalidInput) in
                try staging.write(OutputFile(path: "a.html", contents: Data("one".utf8)))
                try staging.write(OutputFile(path: "a.html", contents: Data("two".utf8)))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func staleFilesDisappear() throws {
        let content = try contentFolder(extra: ["docs/old.md": "old\n"])
        let output = content.path + "-public"
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try Switchboard.build(options(content: content.path, output: output))
        #expect(FileManager.default.fileExists(atPath: output + "/docs/old.html"))
        try FileManager.default.removeItem(atPath: content.path + "/docs/old.md")
        _ = try Switchboard.build(options(content: content.path, output: output))
        #expect(!FileManager.default.fileExists(atPath: output + "/docs/old.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
    }

    @Test func unchangedFilesKeepTheirInodeAndTimestamp() throws {
        let content = try contentFolder(extra: ["docs/a.md": "a\n"])
        let output = content.path + "-public"
        defer { try? FileManager.default.removeItem(atPath: output) }
        func identity(_ path: String) throws -> (Int, Date) {
            let attributes = try FileManager.default.attributesOfItem(atPath: output + "/" + path)
            return (try #require(attributes[.systemFileNumber] as? Int), try #require(attributes[.modificationDate] as? Date))
        }
        _ = try Switchboard.build(options(content: content.path, output: output))
        let before = try identity("docs/a.html")
        let home = try identity("index.html")
        usleep(20_000)
        _ = try Switchboard.build(options(content: content.path, output: output))
        #expect(try identity("docs/a.html") == before)
        #expect(try identity("index.html") == home)
        try content.write("docs/a.md", "changed\n")
        _ = try Switchboard.build(options(content: content.path, output: output))
        #expect(try identity("docs/a.html").0 != before.0)
        #expect(try identity("index.html") == home)
        #expect(try String(contentsOfFile: output + "/docs/a.html", encoding: .utf8).contains("changed"))
    }

    /// A rebuild with the same inputs over an untouched output does nothing; any change to an
    /// input's bytes, to a template, to the output folder or `force` makes it build again.
    @Test func unchangedInputsAndOutputSkipTheBuild() throws {
        let content = try contentFolder(client: minimalClient.replacingOccurrences(of: "accounts:", with: "external_id: acme-ext\naccounts:"),
                                        extra: ["docs/a.md": "a\n"])
        let templates = try TemporaryFolder()
        try FileManager.default.removeItem(atPath: templates.path)
        try FileManager.default.copyItem(atPath: defaultTemplates, toPath: templates.path)
        let output = content.path + "-public"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let buildOptions = BuildOptions(contentDirectory: content.path, templatesDirectory: templates.path, outputDirectory: output)
        func build(force: Bool = false) throws -> BuildReport {
            var options = buildOptions
            options.force = force
            return try Switchboard.build(options)
        }
        let first = try build()
        #expect(!first.unchanged)
        #expect(!first.warnings.isEmpty) // external_id warns
        let tree = try filesUnder(output)
        let stamps = BuildRecord.stamps(of: output)

        var again = try build()
        #expect(again.unchanged)
        #expect(again.warnings == first.warnings && again.pages == first.pages && again.files == first.files)
        #expect(BuildRecord.stamps(of: output) == stamps)

        // Same bytes, new modification time: still nothing to do.
        try content.write("docs/a.md", "a\n")
        #expect(try build().unchanged)

        try content.write("docs/a.md", "b\n")
        #expect(try !build().unchanged)
        #expect(try build().unchanged)
        try "<p>edited</p>".write(toFile: templates.path + "/404.mustache", atomically: true, encoding: .utf8)
        #expect(try !build().unchanged)
        #expect(try String(contentsOfFile: output + "/404.html", encoding: .utf8) == "<p>edited</p>")
        try FileManager.default.removeItem(atPath: templates.path + "/404.mustache")
        try FileManager.default.copyItem(atPath: defaultTemplates + "/404.mustache", toPath: templates.path + "/404.mustache")
        try content.write("docs/a.md", "a\n")
        _ = try build()
        #expect(try filesUnder(output) == tree)

        // Someone edits, deletes or adds a file in the output: the next build puts it right.
        try "tampered".write(toFile: output + "/index.html", atomically: false, encoding: .utf8)
        again = try build()
        #expect(!again.unchanged)
        #expect(try filesUnder(output) == tree)
        try FileManager.default.removeItem(atPath: output + "/docs/a.html")
        #expect(try !build().unchanged)
        try "stray".write(toFile: output + "/stray.html", atomically: false, encoding: .utf8)
        #expect(try !build().unchanged)
        #expect(try filesUnder(output) == tree)

        #expect(try build().unchanged)
        #expect(try !build(force: true).unchanged)
    }

    /// Files are added in the order they are written (any, from every core) or found on disk;
    /// any change to one file's path, size or time must show.
    @Test func outputFingerprintIgnoresOrderButNoChange() {
        func stamp(_ path: String, _ size: Int, _ modified: Int) -> BuildRecord.OutputStamp {
            .init(path: path, stamp: .init(kind: .file, size: size, modified: modified))
        }
        let files = (0..<50).map { stamp("clients/c\($0)/index.html", 1000 + $0, 1_700_000_000_000_000_000 + $0) }
        let fingerprint = BuildRecord.OutputFingerprint(files)
        #expect(BuildRecord.OutputFingerprint(files.reversed()) == fingerprint)
        #expect(BuildRecord.OutputFingerprint(files.shuffled()).hex == fingerprint.hex)
        var changes: [[BuildRecord.OutputStamp]] = [Array(files.dropLast()), files + [stamp("stray.html", 1, 1)]]
        for index in [0, 17, 49] {
            for changed in [stamp(files[index].path + "x", files[index].stamp.size, files[index].stamp.modified),
                            stamp(files[index].path, files[index].stamp.size + 1, files[index].stamp.modified),
                            stamp(files[index].path, files[index].stamp.size, files[index].stamp.modified + 1)] {
                var edited = files
                edited[index] = changed
                changes.append(edited)
            }
        }
        var swapped = files // two files trade sizes: the sum of sizes stays, the fingerprint must not
        (swapped[3].stamp.size, swapped[4].stamp.size) = (files[4].stamp.size, files[3].stamp.size)
        changes.append(swapped)
        for change in changes {
            #expect(BuildRecord.OutputFingerprint(change).hex != fingerprint.hex)
        }
    }

    @Test func refusesFoldersSwitchboardDidNotCreate() throws {
        let content = try contentFolder()
        let foreign = try TemporaryFolder(["keep.txt": "precious"])
        #expect(throws: InvalidInput.self) { try Switchboard.build(options(content: content.path, output: foreign.path)) }
        #expect(try foreign.read("keep.txt") == "precious")
        for dangerous in ["/", content.path, content.path + "/clients", FileManager.default.currentDirectoryPath, NSHomeDirectory()] {
            #expect(throws: InvalidInput.self, "\(dangerous)") { try Switchboard.build(options(content: content.path, output: dangerous)) }
        }
        let empty = try TemporaryFolder()
        _ = try Switchboard.build(options(content: content.path, output: empty.path))
        #expect(FileManager.default.fileExists(atPath: empty.path + "/" + OutputWriter.markerName))
    }

    @Test func manifestHasTheDocumentedShape() throws {
        let out = try TemporaryFolder()
        _ = try Switchboard.build(options(content: goldenContent, output: out.path + "/public"))
        let data = try Data(contentsOf: URL(fileURLWithPath: out.path + "/public/portal.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let home = try #require(json["home"] as? [String: Any])
        #expect(home["accountId"] as? String == "111122223333")
        #expect(home["partition"] as? String == "aws")
        #expect(home["startUrl"] as? String == "https://golden-example.awsapps.com/start")
        let clients = try #require(json["clients"] as? [[String: Any]])
        #expect(clients.map { $0["slug"] as? String } == ["acme", "globex"])
        #expect(clients[0]["page"] as? String == "clients/acme/index.html")
        #expect(clients[0]["name"] as? String == "Acme & <Sons>")
        let accounts = try #require(clients[0]["accounts"] as? [[String: Any]])
        #expect(accounts.map { $0["id"] as? String } == ["012345678901", "012345678902"])
        #expect(accounts[0]["alias"] as? String == "acme-prod")
        #expect(accounts[1]["alias"] is NSNull)
        for key in ["id", "name", "alias", "environment", "region", "roles"] { #expect(accounts[0][key] != nil, "\(key)") }
        let roles = try #require(accounts[0]["roles"] as? [[String: Any]])
        #expect(roles.map { $0["accessLevel"] as? String } == ["administrator", "read-only"])
        for key in ["accessLevel", "roleName", "rolePath", "roleArn", "permissionSet", "switchRoleUrl", "signInUrl"] {
            #expect(roles[1][key] is String, "\(key)")
        }
        #expect(roles[1]["roleArn"] as? String == "arn:aws:iam::012345678901:role/partners/golden/golden-read-only")
        #expect(roles[1]["permissionSet"] as? String == "AcmeReadOnly")
        #expect(roles[1]["signInUrl"] as? String == "https://golden-example.awsapps.com/start/#/console?account_id=111122223333&role_name=AcmeReadOnly")
        #expect(roles[1]["switchRoleUrl"] as? String == "https://signin.aws.amazon.com/switchrole?account=012345678901&roleName=partners%2Fgolden%2Fgolden-read-only&displayName=Acme%20%26%20%3CSons%3E%20Production%20%28ReadOnly%29&color=99BCE3&redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2Fcost-management%2Fhome")
        let second = try #require(accounts[1]["roles"] as? [[String: Any]])
        #expect(second.count == 1)
        #expect(second[0]["roleName"] as? String == "ops+reader")
        #expect((second[0]["switchRoleUrl"] as? String)?.contains("roleName=partners%2Fgolden%2Fops%2Breader") == true)
    }

    @Test func everySwitchRoleLinkFollowsTheSpec() throws {
        let out = try TemporaryFolder()
        _ = try Switchboard.build(options(content: exampleContent, output: out.path + "/public"))
        let data = try Data(contentsOf: URL(fileURLWithPath: out.path + "/public/portal.json"))
        let manifest = try JSONDecoder().decode(ManifestShape.self, from: data)
        let colors = Set(ConsoleColor.allCases.map(\.hex))
        for client in manifest.clients {
            for account in client.accounts {
                #expect(account.id.count == 12 && account.id.allSatisfy(\.isNumber))
                for role in account.roles {
                    let url = try #require(URLComponents(string: role.switchRoleUrl))
                    #expect(url.scheme == "https" && url.host == "signin.aws.amazon.com" && url.path == "/switchrole")
                    let items = Dictionary(uniqueKeysWithValues: (url.queryItems ?? []).map { ($0.name, $0.value ?? "") })
                    #expect(items["account"] == account.id)
                    #expect(items["roleName"] == String(role.rolePath.dropFirst()) + role.roleName)
                    #expect((items["displayName"]?.utf16.count ?? 99) <= 64)
                    #expect(colors.contains(items["color"] ?? ""))
                    #expect(!role.switchRoleUrl.contains("+"))
                    #expect(role.roleArn == "arn:aws:iam::\(account.id):role/\(role.rolePath.dropFirst())\(role.roleName)")
                    let signIn = try #require(URLComponents(string: role.signInUrl))
                    #expect(signIn.fragment == "/console?account_id=\(manifest.home.accountId)&role_name=\(role.permissionSet)")
                }
            }
        }
    }

    struct ManifestShape: Decodable {
        struct Home: Decodable { let accountId: String }
        struct Client: Decodable { let accounts: [Account] }
        struct Account: Decodable { let id: String; let roles: [Role] }
        struct Role: Decodable {
            let roleName: String, rolePath: String, roleArn: String, permissionSet: String, switchRoleUrl: String, signInUrl: String
        }
        let home: Home
        let clients: [Client]
    }

    @Test func inventoryValuesAreEscapedInHTML() throws {
        let out = try TemporaryFolder()
        _ = try Switchboard.build(options(content: goldenContent, output: out.path + "/public"))
        let page = try String(contentsOfFile: out.path + "/public/clients/acme/index.html", encoding: .utf8)
        #expect(page.contains("Acme &amp; &lt;Sons&gt;"))
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("Read &lt;only&gt; &amp; &quot;safe&quot;"))
        let runbook = try String(contentsOfFile: out.path + "/public/clients/acme/runbook.html", encoding: .utf8)
        #expect(!runbook.contains("<b>raw</b>"))
    }

    @Test func missingTemplateOrPartialIsAnError() throws {
        let content = try contentFolder()
        let templates = try TemporaryFolder()
        try FileManager.default.removeItem(at: templates.url)
        try FileManager.default.copyItem(atPath: defaultTemplates, toPath: templates.path)
        try FileManager.default.removeItem(atPath: templates.path + "/doc.mustache")
        try templates.write("home.mustache", "{{<layout}}{{$main}}\n  {{> partials/nope}}{{/main}}{{/layout}}")
        do {
            _ = try Switchboard.check(options(content: content.path, output: "unused", templates: templates.path))
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.error(containing: "missing template 'doc'") != nil)
            let partial = try #require(error.diagnostics.error(containing: "refers to 'partials/nope'"))
            #expect(partial.location == SourceLocation(path: templates.path + "/home.mustache", line: 2, column: 3))
        }
    }

    @Test func mustacheSyntaxErrorsHaveLineAndColumn() throws {
        let content = try contentFolder()
        let templates = try TemporaryFolder()
        try FileManager.default.removeItem(at: templates.url)
        try FileManager.default.copyItem(atPath: defaultTemplates, toPath: templates.path)
        try templates.write("404.mustache", "<p>\n{{#open}}\n<p>{{/close}}\n")
        do {
            _ = try Switchboard.check(options(content: content.path, output: "unused", templates: templates.path))
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.error(containing: "Mustache syntax error"))
            #expect(diagnostic.location.path == templates.path + "/404.mustache")
            #expect(diagnostic.location.line == 3)
        }
    }

    @Test func checkWritesNothing() throws {
        let content = try contentFolder()
        let output = content.path + "-never"
        _ = try Switchboard.check(options(content: content.path, output: output))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func navigationShowsOnlyOrderedDocsUpToTheLimit() throws {
        var extra: [String: String] = ["docs/unordered.md": "x\n"]
        for index in 0..<10 { extra["docs/d\(index).md"] = "---\norder: \(10 - index)\n---\nx\n" }
        let out = try TemporaryFolder()
        let content = try contentFolder(extra: extra)
        _ = try Switchboard.build(options(content: content.path, output: out.path + "/public"))
        let home = try out.read("public/index.html")
        let nav = home.components(separatedBy: "<nav")[1].components(separatedBy: "</nav>")[0]
        #expect(nav.components(separatedBy: "href=\"docs/").count - 1 == Site.navigationLimit)
        #expect(nav.contains("docs/d9.html") && !nav.contains("docs/d0.html") && !nav.contains("unordered"))
        #expect(home.contains("href=\"docs/unordered.html\""))
    }

    @Test func relativePaths() {
        #expect(SitePaths.relative(from: "index.html", to: "clients/a/index.html") == "clients/a/index.html")
        #expect(SitePaths.relative(from: "clients/a/index.html", to: "index.html") == "../../index.html")
        #expect(SitePaths.relative(from: "clients/a/x.html", to: "clients/a/index.html") == "index.html")
        #expect(SitePaths.relative(from: "clients/a/x.html", to: "clients/b/index.html") == "../b/index.html")
        #expect(SitePaths.relative(from: "docs/x.html", to: "docs/y.html") == "y.html")
        #expect(SitePaths.relative(from: "clients/a/index.html", to: "clients/ab/index.html") == "../ab/index.html")
        #expect(SitePaths.relative(from: "clients/é/index.html", to: "clients/é/kit/t.json") == "kit/t.json")
        #expect(SitePaths.relative(from: "clients/a/kit/x.json", to: "exports/aws-config") == "../../../exports/aws-config")

        // The folder-by-folder definition, on random paths.
        func reference(from: String, to: String) -> String {
            let fromFolders = Array(from.split(separator: "/").dropLast()), target = to.split(separator: "/")
            var common = 0
            while common < fromFolders.count, common < target.count - 1, fromFolders[common] == target[common] { common += 1 }
            return (Array(repeating: "..", count: fromFolders.count - common) + target[common...].map(String.init)).joined(separator: "/")
        }
        var generator = SeededGenerator(seed: 0x9A7B)
        func randomPath() -> String {
            (0...Int.random(in: 0...3, using: &generator)).map { _ in ["a", "ab", "b", "é", "index.html"].randomElement(using: &generator)! }.joined(separator: "/")
        }
        for _ in 0..<2000 {
            let (from, to) = (randomPath(), randomPath())
            #expect(SitePaths.relative(from: from, to: to) == reference(from: from, to: to), "\(from) → \(to)")
        }
        #expect(SitePaths.rootPrefix(of: "clients/a/index.html") == "../../")
        #expect(OutputWriter.isSafeRelativePath("a/b.html"))
        #expect(!OutputWriter.isSafeRelativePath("../a"))
        #expect(!OutputWriter.isSafeRelativePath("/etc/passwd"))
        #expect(!OutputWriter.isSafeRelativePath("a//b"))
    }
}
