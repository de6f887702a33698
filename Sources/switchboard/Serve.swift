import ArgumentParser
import Foundation
import SwitchboardCore

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the portal on 127.0.0.1 and rebuild when content/ or site-templates/ change.")

    @OptionGroup var folders: Folders
    @OptionGroup var output: OutputFolder

    @Option(help: "Port on 127.0.0.1.")
    var port: UInt16 = 8000

    func run() async throws {
        var options = folders.options
        options.outputDirectory = output.output
        let inputs = [options.contentDirectory, options.templatesDirectory]
        let session = PreviewSession(options: options)
        var failure = RepeatedFailure()
        // Listening comes first, so that a port in use is said at once, before anything is built.
        let server: PreviewServer
        do { server = try PreviewServer(root: output.output, port: port) } catch {
            switch error {
            case .portInUse:
                printError("switchboard: port \(port) on 127.0.0.1 is already in use (another serve, or another server); choose another with --port, e.g. --port \(port == UInt16.max ? 8001 : port + 1)")
            case .cannotListen(_, let reason):
                printError("switchboard: cannot listen on 127.0.0.1:\(port): \(reason); choose another port with --port")
            }
            throw ExitCode(1)
        }
        Thread.detachNewThread { server.run() }

        let watcher = ChangeWatcher(folders: inputs) // before the snapshot: no edit falls in between
        var snapshot = FileSnapshot(of: inputs)
        rebuild(session, changed: nil, failure: &failure)
        printOutput("Serving \(output.output)/ at http://127.0.0.1:\(server.port)/ — rebuilding on changes; Ctrl-C stops")

        while true {
            // Asking the watcher costs one system call; a snapshot (without a watcher) reads every file's status.
            try await Task.sleep(for: watcher.isWatching ? .milliseconds(50) : .milliseconds(100))
            guard watcher.mayHaveChanged() else { continue }
            var current = FileSnapshot(of: inputs)
            guard !current.changes(since: snapshot).isEmpty else { continue }
            // One save is often several writes (truncate and write, or a temporary file renamed):
            // wait until the files stand still for a moment, up to a second, and rebuild once.
            for _ in 0..<20 {
                try await Task.sleep(for: .milliseconds(50))
                let later = FileSnapshot(of: inputs)
                if later == current { break }
                current = later
            }
            let changed = current.changes(since: snapshot)
            snapshot = current
            if !changed.isEmpty { rebuild(session, changed: changed, failure: &failure) }
        }
    }

    /// Builds; on errors prints them (once, when they repeat the last failure) and keeps serving
    /// the last good site.
    private func rebuild(_ session: PreviewSession, changed: Set<String>?, failure: inout RepeatedFailure) {
        let start = Date()
        do {
            let report = try session.rebuild(changed: changed)
            failure.clear()
            printDiagnostics(report.warnings)
            let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
            if let pages = report.updatedPages {
                printOutput("Updated \(pages.joined(separator: ", ")) in \(milliseconds) ms")
            } else {
                printOutput(report.unchanged ? "Up to date (checked in \(milliseconds) ms)" : "Built \(report.pages) pages in \(milliseconds) ms")
            }
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            if failure.isRepeated(error.diagnostics) {
                printError("Build still fails with the same \(errors) error\(errors == 1 ? "" : "s") as above; still serving the last good site")
                return
            }
            printDiagnostics(error.diagnostics)
            printError("Build failed; still serving the last good site")
        }
    }
}
