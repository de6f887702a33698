import Foundation
import Testing
import SwitchboardCore

/// Runs the built `switchboard` executable, as CI and users do.
@Suite struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        productsFolder.appendingPathComponent("switchboard")
    }

    /// The folder that holds the test bundle also holds the package's executables.
    static var productsFolder: URL {
        var url = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("switchboard").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url
    }

    func run(_ arguments: [String], in folder: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func buildSucceedsWithSummary() throws {
        let content = try contentFolder()
        let output = content.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try run(["build", "--content", content.path, "--templates", defaultTemplates, "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Built 6 pages (1 clients, 1 accounts"))
        #expect(FileManager.default.fileExists(atPath: output + "/clients/acme/index.html"))
        let again = try run(["build", "--content", content.path, "--templates", defaultTemplates, "--output", output])
        #expect(again.status == 0)
        #expect(again.stdout.contains("Up to date: no input changed since the last build of \(output)/, nothing written (6 pages"))
        let forced = try run(["build", "--force", "--timings", "--content", content.path, "--templates", defaultTemplates, "--output", output])
        #expect(forced.stdout.contains("Built 6 pages"))
        let timings = try #require(forced.stdout.split(separator: "\n").first { $0.hasPrefix("Timings: ") })
        #expect(timings.split(separator: ",").map { $0.split(separator: " ").dropLast(2).last.map(String.init) }
                == ["fingerprint", "inventory", "templates", "docs", "site", "files", "record"])
        // Up to date: the phases that found that out are still timed.
        let upToDate = try run(["build", "--timings", "--content", content.path, "--templates", defaultTemplates, "--output", output])
        #expect(upToDate.stdout.contains("Up to date"))
        let checked = try #require(upToDate.stdout.split(separator: "\n").first { $0.hasPrefix("Timings: ") }, "\(upToDate.stdout)")
        #expect(checked.split(separator: ",").map { $0.split(separator: " ").dropLast(2).last.map(String.init) }
                == ["fingerprint", "output-stamps"])
    }

    @Test func invalidInputExitsOneWithLocatedDiagnostics() throws {
        let content = try contentFolder(client: minimalClient.replacingOccurrences(of: "region: us-east-1", with: "regoin: us-east-1"))
        let result = try run(["check", "--content", content.path, "--templates", defaultTemplates])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(content.path)/clients/acme/client.yaml:7:5: error: unknown key 'regoin' in an account; did you mean 'region'?"))
        #expect(result.stderr.contains("nothing was written"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try run(["build", "--no-such-flag"]).status == 2)
        #expect(try run(["frobnicate"]).status == 2)
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("build"))
        #expect(help.stdout.contains("check"))
        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
    }

    @Test func importOrganizationsDryRunThenWrite() throws {
        let content = try TemporaryFolder(["portal.yaml": minimalPortal])
        let json = fixturesRoot.appendingPathComponent("import/list-accounts-v1.json").path
        let dry = try run(["import", "organizations", json, "--client", "acme", "--content", content.path, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("new file with 2 accounts"))
        #expect(dry.stdout.contains("skipped (not ACTIVE): 222233330002 Acme Old: SUSPENDED"))
        #expect(dry.stdout.contains("+   - id: \"222233330001\""))
        #expect(!FileManager.default.fileExists(atPath: content.path + "/clients/acme/client.yaml"))
        let write = try run(["import", "organizations", json, "--client", "acme", "--content", content.path])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try run(["check", "--content", content.path, "--templates", defaultTemplates]).status == 0)
        let again = try run(["import", "organizations", json, "--client", "acme", "--content", content.path])
        #expect(again.stdout.contains("0 accounts appended, 2 already present"))
        let bad = try run(["import", "aesr", content.path + "/missing.ini", "--content", content.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("missing.ini:1:1: error: cannot read the file: no such file or directory"), "\(bad.stderr)")
        let malformed = try run(["import", "aesr", fixturesRoot.appendingPathComponent("import/aesr.ini").path, "--content", content.path])
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains("aesr.ini:26:1: error: expected 'key = value' inside a [section]"))
        #expect(malformed.stderr.contains("aesr.ini:18:1: warning: profile 'orphan-role'"))
    }

    @Test func importOrganizationsSkipsAnAccountAnotherClientLists() throws {
        let other = minimalClient.replacingOccurrences(of: "prefix: Acme", with: "prefix: Other")
            .replacingOccurrences(of: "222233334444", with: "222233330001")
        let content = try contentFolder(extra: ["clients/other/client.yaml": other])
        let json = fixturesRoot.appendingPathComponent("import/list-accounts-v1.json").path
        let result = try run(["import", "organizations", json, "--client", "acme", "--content", content.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 accounts appended, 0 already present"), "\(result.stdout)")
        #expect(result.stdout.contains("skipped: 222233330001 Acme Prod: already listed for client 'other' at \(content.path)/clients/other/client.yaml:4:9"),
                "\(result.stdout)")
        #expect(!result.stdout.contains("differs: "), "\(result.stdout)") // list-accounts has no regions to compare
        let check = try run(["check", "--content", content.path, "--templates", defaultTemplates])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func diagnosticsAsGitHubAnnotations() throws {
        let content = try contentFolder(client: minimalClient.replacingOccurrences(of: "region: us-east-1", with: "regoin: us-east-1"))
        let result = try run(["check", "--content", content.path, "--templates", defaultTemplates, "--diagnostics", "github"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("::error file=\(content.path)/clients/acme/client.yaml,line=7,col=5::unknown key 'regoin' in an account; did you mean 'region'?"),
                "\(result.stdout)")
        #expect(Diagnostic.warning(SourceLocation(path: "a,b:c.md", line: 2, column: 3), "50% done\nnext::x").formatted(.github)
                == "::warning file=a%2Cb%3Ac.md,line=2,col=3::50%25 done%0Anext::x")
    }

    @Test func diffExitsOneOnAccessChangesOnly() throws {
        let base = try contentFolder()
        let same = try run(["diff", base.path, base.path])
        #expect(same.status == 0 && same.stdout == "No access changes.\n", "\(same)")
        let changed = try contentFolder(client: minimalClient.replacingOccurrences(of: "222233334444", with: "222233334445"))
        let moved = try run(["diff", base.path, changed.path, "--format", "markdown"])
        #expect(moved.status == 1, "\(moved.stderr)")
        #expect(moved.stdout.hasPrefix("### Access changes\n"))
        let invalid = try contentFolder(client: minimalClient.replacingOccurrences(of: "222233334444", with: "2222"))
        #expect(try run(["diff", base.path, invalid.path]).stderr.contains("error: account ID '2222' has 4 digits"))
        #expect(try run(["diff", base.path, "--format", "yaml"]).status == 2)
    }

    @Test func defaultsAreContentTemplatesAndPublic() throws {
        let project = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: fixturesRoot.appendingPathComponent("small/content").path, toPath: project.path + "/content")
        try FileManager.default.copyItem(atPath: defaultTemplates, toPath: project.path + "/site-templates")
        let result = try run(["build"], in: project.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.path + "/public/index.html"))
    }
}
