import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct PreviewTests {
    @Test func mapsURLPathsToFilesInsideTheSite() throws {
        let site = try TemporaryFolder(["index.html": "home", "clients/a/index.html": "a", "assets/style.css": "css", ".switchboard-output": "x"])
        #expect(Preview.file(for: "/", in: site.path) == site.path + "/index.html")
        #expect(Preview.file(for: "/clients/a/", in: site.path) == site.path + "/clients/a/index.html")
        #expect(Preview.file(for: "/clients/a/index.html?x=1#y", in: site.path) == site.path + "/clients/a/index.html")
        #expect(Preview.file(for: "/assets/style%2Ecss", in: site.path) == site.path + "/assets/style.css")
        for hostile in ["/../etc/passwd", "/clients/../../x", "/%2e%2e/etc/passwd", "/.switchboard-output", "/missing.html", "/clients/a/%00"] {
            #expect(Preview.file(for: hostile, in: site.path) == nil, "\(hostile)")
        }
        #expect(Preview.contentType(of: "a/b.css") == "text/css; charset=utf-8")
    }

    @Test func serverAnswersGetAndHeadFromTheSiteAndRefusesTheRest() throws {
        let site = try TemporaryFolder(["index.html": "<h1>Home</h1>", "404.html": "<h1>Page not found</h1>", "assets/style.css": "a{}"])
        let server = try PreviewServer(root: site.path, port: 0)
        func answer(_ request: String) -> String { String(decoding: server.response(to: Array(request.utf8)), as: UTF8.self) }
        let home = answer("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(home.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 13\r\nCache-Control: no-store\r\n"))
        #expect(home.hasSuffix("\r\n\r\n<h1>Home</h1>"))
        let head = answer("HEAD /assets/style.css HTTP/1.1\r\n\r\n")
        #expect(head.contains("Content-Type: text/css; charset=utf-8\r\nContent-Length: 3\r\n") && head.hasSuffix("\r\n\r\n"))
        #expect(answer("GET /../../etc/passwd HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 404 Not Found"))
        #expect(answer("GET /nope HTTP/1.1\r\n\r\n").hasSuffix("<h1>Page not found</h1>"))
        #expect(answer("POST / HTTP/1.1\r\n\r\n").contains("405 Method Not Allowed\r\n") && answer("POST / HTTP/1.1\r\n\r\n").contains("Allow: GET, HEAD\r\n"))
        #expect(answer("nonsense\r\n\r\n").hasPrefix("HTTP/1.1 400 Bad Request"))
    }

    @Test func aPortInUseIsKnownWhenTheServerIsMade() throws {
        let site = try TemporaryFolder()
        let first = try PreviewServer(root: site.path, port: 0)
        #expect(first.port > 0)
        #expect(throws: PreviewServer.StartError.portInUse(first.port)) { try PreviewServer(root: site.path, port: first.port) }
    }

    @Test func snapshotsTellWhichFilesChanged() throws {
        let folder = try TemporaryFolder(["a.md": "one", "b/c.md": "two"])
        let before = FileSnapshot(of: [folder.path])
        #expect(before == FileSnapshot(of: [folder.path]))
        #expect(before.entries.keys.sorted() == [folder.path + "/a.md", folder.path + "/b/c.md"])
        try folder.write("a.md", "one, longer")
        try folder.write("d.md", "new")
        try FileManager.default.removeItem(atPath: folder.path + "/b/c.md")
        #expect(FileSnapshot(of: [folder.path]).changes(since: before) == [folder.path + "/a.md", folder.path + "/b/c.md", folder.path + "/d.md"])
    }


    #if os(Linux)
    /// serve compares snapshots only when the system reports a change: edits, new files, new
    /// folders and what is written into them, renames and deletions.
    @Test func watcherReportsEveryKindOfChangeAndNothingElse() throws {
        let folder = try TemporaryFolder(["docs/a.md": "one", "clients/acme/client.yaml": "name: Acme\n"])
        let watcher = ChangeWatcher(folders: [folder.path], fallbackInterval: .seconds(3600))
        #expect(watcher.isWatching)
        #expect(!watcher.mayHaveChanged())
        let changes: [(String, () throws -> Void)] = [
            ("edit", { try folder.write("docs/a.md", "two") }),
            ("edit in a nested folder", { try folder.write("clients/acme/client.yaml", "name: Acme Corp\n") }),
            ("new folder", { try FileManager.default.createDirectory(atPath: folder.path + "/clients/globex", withIntermediateDirectories: false) }),
            ("file in the new folder", { try folder.write("clients/globex/client.yaml", "name: Globex\n") }),
            ("rename", { try FileManager.default.moveItem(atPath: folder.path + "/docs/a.md", toPath: folder.path + "/docs/b.md") }),
            ("delete", { try FileManager.default.removeItem(atPath: folder.path + "/docs/b.md") }),
        ]
        for (name, change) in changes {
            try change()
            #expect(watcher.mayHaveChanged(), "\(name)")
            #expect(!watcher.mayHaveChanged(), "\(name) reported twice")
        }
        // Reading, as every build does, is not a change.
        _ = FileSnapshot(of: [folder.path])
        _ = FileManager.default.contents(atPath: folder.path + "/clients/globex/client.yaml")
        #expect(!watcher.mayHaveChanged())
    }
    #endif

    @Test func watcherFallsBackToPollingAtItsInterval() throws {
        let folder = try TemporaryFolder(["docs/a.md": "one"])
        let watcher = ChangeWatcher(folders: [folder.path], fallbackInterval: .zero)
        #expect(watcher.mayHaveChanged() && watcher.mayHaveChanged())
    }
    /// After an edit to a doc's text, serve re-renders that page only, and the output is the
    /// same as a full build's; a change others depend on (the title) builds everything.
    @Test func editsToDocTextReRenderOnlyThatPage() throws {
        let content = try contentFolder(extra: [
            "docs/guide.md": "---\norder: 1\n---\n# Guide\n\n## Steps\n\nFirst version.\n",
            "docs/other.md": "# Other\n\nSee [the steps](guide.md#steps).\n",
            "clients/acme/runbook.md": "# Runbook\n\nCall [the guide](../../docs/guide.md).\n",
        ])
        let output = content.path + "-public"
        let fresh = content.path + "-fresh"
        defer { for folder in [output, fresh] { try? FileManager.default.removeItem(atPath: folder) } }
        var options = BuildOptions(contentDirectory: content.path, templatesDirectory: defaultTemplates, outputDirectory: output)
        let session = PreviewSession(options: options)
        #expect(try session.rebuild(changed: nil).updatedPages == nil)
        func inode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: output + "/" + path)[.systemFileNumber] as? Int)
        }
        let home = try inode("index.html")

        try content.write("docs/guide.md", "---\norder: 1\n---\n# Guide\n\n## Steps\n\nSecond version.\n")
        try content.write("clients/acme/runbook.md", "# Runbook\n\nCall [the guide](../../docs/guide.md#steps) now.\n")
        var report = try session.rebuild(changed: [content.path + "/docs/guide.md", content.path + "/clients/acme/runbook.md"])
        #expect(report.updatedPages == ["clients/acme/runbook.html", "docs/guide.html"])
        #expect(try inode("index.html") == home)
        options.outputDirectory = fresh
        _ = try Switchboard.build(options)
        #expect(try filesUnder(output) == filesUnder(fresh))

        // A broken link is reported with its place; the last good page stays.
        try content.write("docs/guide.md", "---\norder: 1\n---\n# Guide\n\n## Steps\n\n[x](missing.md)\n")
        #expect {
            try session.rebuild(changed: [content.path + "/docs/guide.md"])
        } throws: { error in
            (error as? InvalidInput)?.diagnostics.first?.location == SourceLocation(path: content.path + "/docs/guide.md", line: 8, column: 1)
        }
        #expect(try String(contentsOfFile: output + "/docs/guide.html", encoding: .utf8).contains("Second version."))

        // The title is on every page (navigation): everything is built again.
        try content.write("docs/guide.md", "---\norder: 1\n---\n# Handbook\n\n## Steps\n\nThird.\n")
        report = try session.rebuild(changed: [content.path + "/docs/guide.md"])
        #expect(report.updatedPages == nil)
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8).contains("Handbook"))
        #expect(try session.rebuild(changed: [content.path + "/docs/other.md"]).updatedPages == ["docs/other.html"])
    }
}
