import ArgumentParser
import Foundation
import SwitchboardCore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Hold the inventory against what AWS has (read-only calls through the AWS CLI).",
        discussion: """
            Exit codes: 0 nothing drifted, 1 drift, 2 usage error, 3 an AWS call failed (credentials, \
            permissions, network): not drift, and nothing is known about what it would have checked.
            """)

    @Option(help: "Folder with portal.yaml and clients/.") var content = "content"
    @Option(help: "Client slugs whose accounts' roles are checked too, comma-separated.") var clients: String?
    @Flag(help: "Check the roles in every client's accounts.") var allClients = false
    @Option(help: "AWS CLI profile for the home account (default: the CLI's default).") var profile: String?
    @Option(help: "AWS CLI profile for every client account (default: each role's exported profile).") var clientProfile: String?
    @Option(help: "text (one finding per line) or json.") var format: VerifyFormat = .text
    @Option(help: "The AWS CLI program.") var aws = "aws"
    @Option(help: "Seconds one AWS call may take.") var timeout: Double = 60

    enum VerifyFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let (inventory, diagnostics) = InventoryLoader.load(contentDirectory: content)
        guard let inventory else { throw InvalidInput(diagnostics) }
        let site = SiteBuilder.build(inventory: inventory, documents: [])
        let known = site.clients.map(\.client.slug)
        let chosen = allClients ? known : (clients?.split(separator: ",").map(String.init) ?? [])
        if let unknown = chosen.first(where: { !known.contains($0) }) {
            throw ValidationError("unknown client '\(unknown)'; clients: \(known.joined(separator: ", "))")
        }
        let verifier = Verifier(aws: AWSCommandLine(program: aws, timeout: timeout), homeProfile: profile, clientProfile: clientProfile)
        let findings = verifier.verify(site, portalFile: inventory.portalFile, clients: chosen) { progress in printError("verify: \(progress)") }
        switch format {
        case .text:
            for finding in findings { printOutput(finding.line) }
            if findings.isEmpty { printOutput("OK: no drift (home account\(chosen.isEmpty ? "" : " and \(chosen.count) client(s)"))") }
        case .json:
            let objects = findings.map { finding -> [String: Any] in
                ["severity": finding.severity.rawValue, "file": finding.location.path, "line": finding.location.line,
                 "column": finding.location.column, "object": finding.object, "message": finding.message]
            }
            let data = try JSONSerialization.data(withJSONObject: ["findings": objects], options: [.prettyPrinted, .sortedKeys])
            printOutput(String(decoding: data, as: UTF8.self))
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(3) }
        if !findings.isEmpty { throw ExitCode(1) }
    }
}
