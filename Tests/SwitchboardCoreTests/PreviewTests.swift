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

    @Test func fingerprintChangesWhenAFileChanges() throws {
        let folder = try TemporaryFolder(["a.md": "one"])
        let before = Preview.fingerprint(of: [folder.path])
        #expect(before == Preview.fingerprint(of: [folder.path]))
        try folder.write("a.md", "two, longer")
        #expect(before != Preview.fingerprint(of: [folder.path]))
        try folder.write("b.md", "new")
        #expect(Preview.fingerprint(of: [folder.path]).count == 2)
    }
}
