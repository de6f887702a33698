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
