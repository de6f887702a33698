import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct HostileInputTests {
    func build(_ content: TemporaryFolder) throws -> (TemporaryFolder, BuildReport) {
        let out = try TemporaryFolder()
        let report = try Switchboard.build(BuildOptions(contentDirectory: content.path, templatesDirectory: defaultTemplates,
                                                        outputDirectory: out.path + "/public"))
        return (out, report)
    }

    func diagnostics(_ content: TemporaryFolder) -> [Diagnostic] {
        do {
            _ = try Switchboard.check(BuildOptions(contentDirectory: content.path, templatesDirectory: defaultTemplates))
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func credentialsInContentFailTheBuild() throws {
        let content = try contentFolder(
            client: minimalClient + "    tags: [\"AKIAIOSFODNN7EXAMPLE\"]\n",
            extra: ["docs/setup.md": "# Setup\n\n```ini\n[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n```\n",
                    "docs/token.md": "x\nAWS_SESSION_TOKEN=abc\n"])
        let found = diagnostics(content)
        let key = try #require(found.error(containing: "AWS access key ID"))
        #expect(key.location == SourceLocation(path: content.path + "/clients/acme/client.yaml", line: 8, column: 13))
        let secret = try #require(found.error(containing: "'aws_secret_access_key'"))
        #expect(secret.location == SourceLocation(path: content.path + "/docs/setup.md", line: 5, column: 1))
        #expect(found.error(containing: "'aws_session_token'")?.location.line == 2)
    }

    @Test func keyLikeWordsInsideLongerWordsAreNotSecrets() {
        #expect(SecretScanner.scan("XAKIAIOSFODNN7EXAMPLE and AKIA1234", path: "x").isEmpty)
        #expect(SecretScanner.scan("role arn:aws:iam::111122223333:role/x", path: "x").isEmpty)
    }

    /// The scanner looks for rare bytes with `memchr` and compares only there; on random text it
    /// must find what the plain line-by-line definition finds, at the same lines and columns.
    @Test func secretScanMatchesItsDefinitionOnRandomText() {
        func reference(_ text: String) -> [String] {
            var found: [String] = []
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let bytes = Array(line.utf8)
                func isKeyByte(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) }
                func isWordByte(_ byte: UInt8) -> Bool { isKeyByte(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80 }
                if bytes.count >= 20, let start = (0...(bytes.count - 20)).first(where: { start in
                    ["AKIA", "ASIA", "ABIA", "ACCA"].contains(String(decoding: bytes[start..<start + 4], as: UTF8.self))
                        && bytes[start + 4..<start + 20].allSatisfy(isKeyByte)
                        && (start == 0 || !isWordByte(bytes[start - 1]))
                        && (start + 20 == bytes.count || !isWordByte(bytes[start + 20]))
                }) {
                    found.append("\(number + 1):\(String(decoding: bytes[..<start], as: UTF8.self).count + 1) key")
                }
                let folded = String(line.lowercased().map { $0 == "-" ? "_" : $0 })
                if folded.contains("key") || folded.contains("token"),
                   let name = ["aws_secret_access_key", "aws_session_token", "aws_security_token", "secretaccesskey", "sessiontoken"]
                       .first(where: { folded.contains($0) }), let range = folded.range(of: name) {
                    found.append("\(number + 1):\(folded.distance(from: folded.startIndex, to: range.lowerBound) + 1) \(name)")
                }
            }
            return found
        }
        let pieces = ["key", "KEY", "Token", "tok", "en", "k", "K", " ", "\n", "-", "_", "aws", "AWS_SESSION", "secret", "Access",
                      "AKIA", "ASIA", "IOSFODNN7EXAMPLE", "0123456789ABCDEF", "é", "Ω", "x", "sessiontoken", "aws_security_token"]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let scanned = SecretScanner.scan(text, path: "x").map { diagnostic -> String in
                let what = diagnostic.message.hasPrefix("this looks like an AWS access key") ? "key"
                    : String(diagnostic.message.dropFirst().prefix { $0 != "'" })
                return "\(diagnostic.location.line):\(diagnostic.location.column) \(what)"
            }
            #expect(scanned == reference(text), "\(text.debugDescription)")
        }
    }

    @Test func bidiControlsAreRejected() throws {
        let content = try contentFolder(client: minimalClient.replacingOccurrences(of: "name: Prod", with: "name: \"Prod\u{202E}dorp\""))
        let found = diagnostics(content)
        #expect(found.error(containing: "U+202E")?.location.line == 5)
    }

    @Test func hostileValuesRenderAsInertText() throws {
        let client = """
            name: "<script>alert('x')</script> {{page.site.title}} \\" onmouseover=\\"x"
            permission_set_prefix: Acme
            description: "javascript:alert(1)"
            accounts:
              - id: "222233334444"
                name: "Prod&roleName=evil&color=000000"
                environment: production
                region: us-east-1
                tags: ["{{{html}}}", "\(String(repeating: "long", count: 5000))"]

            """
        let (out, _) = try build(try contentFolder(client: client))
        let page = try out.read("public/clients/acme/index.html")
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; {{page.site.title}} &quot; onmouseover=&quot;x"))
        #expect(page.contains("{{{html}}}"))
        #expect(!page.contains("href=\"javascript:"))
        // No value can add or change a URL parameter.
        let manifest = try out.read("public/portal.json")
        let data = Data(manifest.utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let clients = try #require(json["clients"] as? [[String: Any]])
        let accounts = try #require(clients.first?["accounts"] as? [[String: Any]])
        let roles = try #require(accounts.first?["roles"] as? [[String: Any]])
        for role in roles {
            let link = try #require(role["switchRoleUrl"] as? String)
            let url = try #require(URLComponents(string: link))
            #expect(url.queryItems?.map(\.name) == ["account", "roleName", "displayName", "color"])
            #expect(url.queryItems?.first { $0.name == "color" }?.value != "000000")
        }
    }

    /// A quote followed by a combining mark is one `Character`; escaping per character left it
    /// raw and the value could end an attribute (`data-label="Prod"́ onmouseover=…`).
    @Test func quotesJoinedToCombiningMarksCannotEndAnAttribute() throws {
        let client = minimalClient.replacingOccurrences(of: "name: Prod", with: #"name: "Prod\"\u0301 onmouseover=alert(1) x=\u0301""#)
        let (out, _) = try build(try contentFolder(client: client))
        let mark = "\u{301}", raw = "\"" + mark, escaped = "Prod&quot;" + mark + " onmouseover=alert(1)"
        for file in ["public/clients/acme/index.html", "public/clients/acme/access-statement.html", "public/exports/bookmarks.html"] {
            let page = try out.read(file)
            #expect(!page.contains(raw), "\(file)")
            #expect(page.contains(escaped), "\(file)")
        }
        // The launcher's index is a script: the name is a JSON string there, its quote escaped.
        let index = try out.read("public/launcher/index.js")
        #expect(index.contains(#""Prod\""# + mark + " onmouseover=alert(1) x=" + mark + #"""#))
    }

    @Test func tenProblemsAreReportedSortedByLocation() throws {
        let client = """
            name: Acme
            permission_set_prefix: Acme
            colour: red
            accounts:
              - id: "1"
                name: A
                environment: Production
                region: us-east-1
                alias: "-bad"
              - id: "222233334444"
                name: B
                environment: production
                region: cn-north-1
                access_levels: [admin, audit]
                roles:
                  admin:
                    role_name: "has space"
                    role_path: nope
                tags: {a: b}
                landing_page: http://console.aws.amazon.com/

            """
        let found = diagnostics(try contentFolder(client: client)).errors
        #expect(found.count == 10, "\(found)")
        let positions = found.map { [$0.location.line, $0.location.column] }
        #expect(positions == positions.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func oversizedFilesFailCleanly() throws {
        let content = try contentFolder()
        let line = "# padding padding padding padding padding padding padding padding padding padding\n"
        try content.write("clients/acme/client.yaml", Data(minimalClient.utf8) + Data(String(repeating: line, count: 50 * 1_048_576 / line.utf8.count).utf8))
        let found = diagnostics(content)
        #expect(found.error(containing: "the file is 50 MB")?.location.path == content.path + "/clients/acme/client.yaml")
    }

    @Test func yamlAliasBombsStayBounded() throws {
        var client = "name: Acme\npermission_set_prefix: Acme\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            client += "x\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]\n"
        }
        client += "accounts:\n  - id: \"222233334444\"\n    name: P\n    environment: production\n    region: us-east-1\n    tags: *a12\n"
        let found = diagnostics(try contentFolder(client: client))
        #expect(found.errors.filter { $0.message.contains("an item of 'tags'") }.count == 1)
    }

    @Test func deeplyNestedMarkdownRenders() throws {
        let markdown = String(repeating: "- ", count: 100_000) + "deep\n" + String(repeating: "> ", count: 100_000) + "quote\n"
        let (out, _) = try build(try contentFolder(extra: ["docs/deep.md": markdown]))
        #expect(try out.read("public/docs/deep.html").contains("deep"))
    }

    @Test func symbolicLinksInContentAreRejected() throws {
        let content = try contentFolder(extra: ["docs/a.md": "a\n"])
        try FileManager.default.createSymbolicLink(atPath: content.path + "/docs/passwd.md", withDestinationPath: "/etc/passwd")
        try FileManager.default.createDirectory(atPath: content.path + "/clients", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: content.path + "/clients/elsewhere", withDestinationPath: "/tmp")
        let found = diagnostics(content)
        #expect(found.errors.filter { $0.message.contains("symbolic links are not followed") }.count == 2)
    }

    @Test func namesThatDifferOnlyByCaseCannotCollide() throws {
        // Slugs and doc names are lowercase only, so two pages can never differ only by case.
        let content = try contentFolder(extra: ["clients/Acme/client.yaml": minimalClient, "docs/Guide.md": "x\n", "docs/guide.md": "y\n"])
        let found = diagnostics(content)
        #expect(found.errors.filter { $0.message.contains("not a valid slug") }.count == 2)
    }

    /// Seeded random mutations of valid input: nothing may crash the process, and every failure
    /// must be a located diagnostic.
    @Test func randomlyMutatedInputNeverCrashes() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        let seeds = [minimalPortal, minimalClient, "---\ntitle: T\norder: 1\n---\n# H\n\n[a](b.md) *x* `y`\n\n- a\n  - b\n"]
        let alphabet = Array("-:{}[]\"'#&*!|>%@`\t\n \\/.,0123456789abcAZ\u{FEFF}\u{202E}é\r".utf8)
        let content = try contentFolder(extra: ["docs/b.md": "b\n"])
        for round in 0..<300 {
            let which = round % seeds.count
            var bytes = Array(seeds[which].utf8)
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let position = Int.random(in: 0...bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes.insert(alphabet.randomElement(using: &generator)!, at: position)
                case 1: if position < bytes.count { bytes.remove(at: position) }
                case 2: if position < bytes.count { bytes[position] = UInt8.random(in: 0...255, using: &generator) }
                default: bytes.insert(contentsOf: bytes[position...].prefix(12), at: position)
                }
            }
            let file = ["portal.yaml", "clients/acme/client.yaml", "docs/a.md"][which]
            try content.write(file, Data(bytes))
            for diagnostic in diagnostics(content).errors {
                #expect(diagnostic.location.path.hasPrefix(content.path), "\(diagnostic)")
            }
            try content.write(file, seeds[which])
        }
    }
}

/// SplitMix64: a small deterministic generator, so a failing round can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
