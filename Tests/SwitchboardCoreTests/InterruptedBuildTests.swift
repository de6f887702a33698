import Foundation
import Testing

/// SIGKILL at random points of a build never leaves a half-written output folder.
@Suite struct InterruptedBuildTests {
    /// A content folder with `clients` clients of five accounts each; `variant` changes every name.
    func writeContent(_ folder: TemporaryFolder, clients: Int, variant: String) throws {
        try folder.write("portal.yaml", minimalPortal)
        for index in 0..<clients {
            var yaml = "name: Client \(index) \(variant)\npermission_set_prefix: C\(index)\naccounts:\n"
            for account in 0..<5 {
                yaml += "  - id: \"\(String(format: "%06d%06d", index, account))\"\n    name: Account \(account) \(variant)\n    environment: production\n    region: us-east-1\n"
            }
            try folder.write("clients/c\(index)/client.yaml", yaml)
            try folder.write("clients/c\(index)/runbook.md", "# Runbook \(variant)\n\n## Steps\n\n- one\n- two\n")
        }
    }

    func build(content: String, output: String) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["build", "--content", content, "--templates", defaultTemplates, "--output", output]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedBuildsLeaveTheOldOrTheNewSite() throws {
        let work = try TemporaryFolder()
        let variants = ["alpha", "beta"]
        var references: [[String: Data]] = []
        var slowest = 0.0
        for variant in variants {
            let content = try TemporaryFolder()
            try writeContent(content, clients: 60, variant: variant)
            let output = work.path + "/reference-\(variant)"
            let start = Date()
            let process = try build(content: content.path, output: output)
            process.waitUntilExit()
            slowest = max(slowest, Date().timeIntervalSince(start))
            #expect(process.terminationStatus == 0)
            references.append(try filesUnder(output))
        }
        #expect(references[0] != references[1])

        var generator = SeededGenerator(seed: 42)
        let content = try TemporaryFolder()
        let output = work.path + "/public"
        var completed = 0
        let rounds = 16
        for round in 0..<rounds {
            try writeContent(content, clients: 60, variant: variants[round % 2])
            let process = try build(content: content.path, output: output)
            // Anywhere from start-up to well after the end of a build.
            usleep(UInt32.random(in: 0...UInt32(slowest * 1_500_000), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit { completed += 1 }
            if FileManager.default.fileExists(atPath: output) {
                let files = try filesUnder(output)
                #expect(files == references[0] || files == references[1], "round \(round): half-written output")
            }
        }
        let last = try build(content: content.path, output: output)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(try filesUnder(output) == references[1])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".public.switchboard-staging-") || $0.hasPrefix(".public.switchboard-old-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        print("interrupted builds: \(rounds - completed) killed, \(completed) completed; a build takes \(Int(slowest * 1000)) ms")
    }
}
