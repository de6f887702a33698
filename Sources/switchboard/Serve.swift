import ArgumentParser
import FlyingFox
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
        let watcher = ChangeWatcher(folders: inputs) // before the snapshot: no edit falls in between
        var snapshot = FileSnapshot(of: inputs)
        rebuild(session, changed: nil)

        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled,
                                handler: StaticSiteHandler(root: output.output))
        let serving = Task { try await server.run() }
        try await server.waitUntilListening()
        printOutput("Serving \(output.output)/ at http://127.0.0.1:\(port)/ — rebuilding on changes; Ctrl-C stops")

        while !serving.isCancelled {
            // Asking the watcher costs one system call; a snapshot (without a watcher) reads every file's status.
            try await Task.sleep(for: watcher.isWatching ? .milliseconds(50) : .milliseconds(100))
            guard watcher.mayHaveChanged() else { continue }
            let current = FileSnapshot(of: inputs)
            let changed = current.changes(since: snapshot)
            if !changed.isEmpty {
                snapshot = current
                rebuild(session, changed: changed)
            }
        }
    }

    /// Builds; on errors prints them and keeps serving the last good site.
    private func rebuild(_ session: PreviewSession, changed: Set<String>?) {
        let start = Date()
        do {
            let report = try session.rebuild(changed: changed)
            printDiagnostics(report.warnings)
            let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
            if let pages = report.updatedPages {
                printOutput("Updated \(pages.joined(separator: ", ")) in \(milliseconds) ms")
            } else {
                printOutput(report.unchanged ? "Up to date (checked in \(milliseconds) ms)" : "Built \(report.pages) pages in \(milliseconds) ms")
            }
        } catch {
            printDiagnostics(error.diagnostics)
            printError("Build failed; still serving the last good site")
        }
    }
}

/// Serves files of the output folder, read on every request so a rebuild shows at once.
struct StaticSiteHandler: HTTPHandler {
    let root: String

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        let noCache: HTTPHeaders = [.cacheControl: "no-store"]
        if let file = Preview.file(for: request.path, in: root), let data = FileManager.default.contents(atPath: file) {
            var headers = noCache
            headers[.contentType] = Preview.contentType(of: file)
            return HTTPResponse(statusCode: .ok, headers: headers, body: data)
        }
        var headers = noCache
        headers[.contentType] = "text/html; charset=utf-8"
        let page = FileManager.default.contents(atPath: root + "/" + SitePaths.notFound) ?? Data("Not found\n".utf8)
        return HTTPResponse(statusCode: .notFound, headers: headers, body: page)
    }
}
