import ArgumentParser
import Foundation
import SwitchboardCore

/// Exit codes: 0 success, 1 invalid input (or the portal could not be written), 2 usage error.
@main
struct SwitchboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "Generate a static AWS access portal from an account/role inventory and Markdown docs.",
        version: Switchboard.versionDescription,
        subcommands: [Build.self, Check.self, Serve.self, Import.self, Diff.self, Verify.self]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue) // the command printed why
        } catch let invalid as InvalidInput {
            reportInvalidInput(invalid, as: .plain)
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            printError(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

struct Folders: ParsableArguments {
    @Option(help: "Folder with portal.yaml, clients/ and docs/.")
    var content = "content"

    @Option(help: "Folder with the Mustache templates and assets/.")
    var templates = "site-templates"

    var options: BuildOptions {
        BuildOptions(contentDirectory: content, templatesDirectory: templates)
    }
}

extension Diagnostic.Format: ExpressibleByArgument {}

struct DiagnosticsOutput: ParsableArguments {
    @Option(help: "plain (path:line:col: error: message) or github (GitHub Actions annotations at the line).")
    var diagnostics: Diagnostic.Format = .plain

    /// Runs `body`; invalid input is printed in the chosen format and ends the command with exit 1.
    func reporting<Result>(_ body: () throws(InvalidInput) -> Result) throws -> Result {
        do { return try body() } catch {
            reportInvalidInput(error, as: diagnostics)
            throw ExitCode(1)
        }
    }
}

func reportInvalidInput(_ invalid: InvalidInput, as format: Diagnostic.Format) {
    printDiagnostics(invalid.diagnostics, as: format)
    let errors = invalid.diagnostics.filter { $0.severity == .error }.count
    printError("switchboard: \(errors) error\(errors == 1 ? "" : "s"); nothing was written")
}

struct OutputFolder: ParsableArguments {
    @Option(help: "Folder to write the portal to; replaced only if Switchboard created it or it is empty.")
    var output = "public"
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate content/ and write the portal to public/ (replaced atomically).")

    @OptionGroup var folders: Folders
    @OptionGroup var output: OutputFolder
    @OptionGroup var diagnostics: DiagnosticsOutput
    @Flag(help: "Build even if no input changed since the last build.")
    var force = false
    @Flag(help: "Print how long each phase took.")
    var timings = false

    func run() throws {
        let start = Date()
        var options = folders.options
        options.outputDirectory = output.output
        options.force = force
        let report = try diagnostics.reporting { () throws(InvalidInput) in try Switchboard.build(options) }
        printDiagnostics(report.warnings, as: diagnostics.diagnostics)
        let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
        let summary = "\(report.pages) pages (\(report.clients) clients, \(report.accounts) accounts, \(report.files) files)"
        if report.unchanged {
            printOutput("Up to date: no input changed since the last build of \(output.output)/, nothing written (\(summary); checked in \(milliseconds) ms; --force rebuilds)")
        } else {
            printOutput("Built \(summary) into \(output.output)/ in \(milliseconds) ms")
        }
        if timings { printTimings(report) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate content/ and site-templates/; write nothing.")

    @OptionGroup var folders: Folders
    @OptionGroup var diagnostics: DiagnosticsOutput
    @Flag(help: "Print how long each phase took.")
    var timings = false

    func run() throws {
        let report = try diagnostics.reporting { () throws(InvalidInput) in try Switchboard.check(folders.options) }
        printDiagnostics(report.warnings, as: diagnostics.diagnostics)
        printOutput("OK: \(report.clients) clients, \(report.accounts) accounts, \(report.pages) pages")
        if timings { printTimings(report) }
    }
}

/// `Timings: inventory 412 ms, templates 3 ms, docs 180 ms, site 90 ms, files 3200 ms`
func printTimings(_ report: BuildReport) {
    guard !report.phases.isEmpty else { return }
    printOutput("Timings: " + report.phases.map { "\($0.name) \($0.milliseconds) ms" }.joined(separator: ", "))
}

/// Plain diagnostics go to stderr; annotations to stdout, where workflow commands are read.
func printDiagnostics(_ diagnostics: [Diagnostic], as format: Diagnostic.Format = .plain) {
    for diagnostic in diagnostics {
        format == .github ? printOutput(diagnostic.formatted(format)) : printError(diagnostic.formatted(format))
    }
}

/// Unbuffered, so lines show at once also when piped (`serve` runs for long).
func printOutput(_ text: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((text + terminator).utf8))
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
