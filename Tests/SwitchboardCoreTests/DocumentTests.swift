import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct DocumentTests {
    func load(_ files: [String: String], rawHTML: Bool = false) throws -> ([Document], [Diagnostic], TemporaryFolder) {
        let folder = try contentFolder(extra: files)
        let (documents, diagnostics) = DocumentLoader.load(contentDirectory: folder.path, clientSlugs: ["acme"], allowRawHTML: rawHTML)
        return (documents, diagnostics, folder)
    }

    @Test func rendersMarkdownWithHeadingIDs() throws {
        let (docs, diagnostics, _) = try load(["docs/guide.md": "# Guide\n\nIntro *text*.\n\n## Getting started\n\n## Getting started\n\n### `aws` CLI & more\n"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let doc = try #require(docs.first)
        #expect(doc.title == "Guide")
        #expect(doc.page == "docs/guide.html")
        #expect(!doc.html.contains("<h1"))
        #expect(doc.html.contains("<p>Intro <em>text</em>.</p>"))
        #expect(doc.html.contains("<h2 id=\"getting-started\">Getting started</h2>"))
        #expect(doc.html.contains("<h2 id=\"getting-started-2\">Getting started</h2>"))
        #expect(doc.html.contains("<h3 id=\"aws-cli-more\"><code>aws</code> CLI &amp; more</h3>"))
        #expect(doc.headings.map(\.id) == ["getting-started", "getting-started-2", "aws-cli-more"])
    }

    @Test func dropsRawHTMLAndDangerousLinksByDefault() throws {
        let markdown = "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](vbscript:x) [ok](https://example.com)\n"
        let (docs, diagnostics, _) = try load(["docs/a.md": markdown])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let html = try #require(docs.first?.html)
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(html.contains("<a href=\"https://example.com\">ok</a>"))
    }

    @Test func pipeTablesAreWarnedAboutWithTheirLocation() throws {
        let markdown = """
            ---
            title: Tables
            ---
            Intro | with a pipe, not a table.

            | Level | Role |
            |:------|-----:|
            | Admin | `x`  |

            Level | Role
            --- | ---

            ```
            | in | code |
            |----|------|
            ```

            A paragraph
            with two lines | and a pipe.

            """
        let (_, diagnostics, folder) = try load(["docs/tables.md": markdown])
        #expect(diagnostics.map(\.severity) == [.warning, .warning], "\(diagnostics)")
        #expect(diagnostics.map(\.location) == [SourceLocation(path: folder.path + "/docs/tables.md", line: 6, column: 1),
                                                SourceLocation(path: folder.path + "/docs/tables.md", line: 10, column: 1)])
        #expect(diagnostics.allSatisfy { $0.message.contains("pipe table, which CommonMark does not have") && $0.message.contains("list") })
    }

    @Test func keepsRawHTMLWhenTheOwnerOptsIn() throws {
        let (docs, _, _) = try load(["docs/a.md": "<div class=\"note\">trusted</div>\n"], rawHTML: true)
        #expect(docs.first?.html.contains("<div class=\"note\">trusted</div>") == true)
    }

    @Test func parsesFrontMatter() throws {
        let (docs, diagnostics, _) = try load(["docs/a.md": "---\ntitle: \"Front <title>\"\norder: 2\nsummary: Short\n---\n# Body title\n\ntext\n"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let doc = try #require(docs.first)
        #expect(doc.title == "Front <title>")
        #expect(doc.order == 2)
        #expect(doc.summary == "Short")
        #expect(!doc.html.contains("title:"))
        #expect(!doc.html.contains("Body title"))
        #expect(doc.html.contains("<p>text</p>"))
    }

    @Test func frontMatterErrorsHaveFileLines() throws {
        let (_, diagnostics, folder) = try load(["docs/a.md": "---\ntitle: A\nordr: 2\n---\ntext\n", "docs/b.md": "---\ntitle: B\n"])
        let unknown = try #require(diagnostics.error(containing: "unknown key 'ordr' in front matter; did you mean 'order'?"))
        #expect(unknown.location == SourceLocation(path: "\(folder.path)/docs/a.md", line: 3, column: 1))
        let unclosed = try #require(diagnostics.error(containing: "no closing '---'"))
        #expect(unclosed.location.path == "\(folder.path)/docs/b.md")
    }

    /// `clients/<slug>/onboarding.md` would become the generated onboarding page.
    @Test func aClientDocCannotTakeTheOnboardingPage() throws {
        let (docs, diagnostics, folder) = try load(["clients/acme/onboarding.md": "# Mine\n", "docs/onboarding.md": "# Site\n"])
        let error = try #require(diagnostics.error(containing: "the onboarding page Switchboard generates"))
        #expect(error.location.path == "\(folder.path)/clients/acme/onboarding.md")
        #expect(docs.map(\.page) == ["docs/onboarding.html"])
    }

    @Test func rewritesLinksBetweenDocs() throws {
        let (docs, diagnostics, _) = try load([
            "docs/index.md": "See [guide](guide.md) and [acme](../clients/acme/index.md).\n",
            "docs/guide.md": "# Guide\n\n## Step one\n\nBack [home](index.md), [runbook](../clients/acme/runbook.md#restart).\n",
            "clients/acme/index.md": "Intro [runbook](runbook.md) [guide](../../docs/guide.md#step-one) [self](#x)\n\n## X\n",
            "clients/acme/runbook.md": "# Runbook\n\n## Restart\n\n[intro](./index.md) [out](https://example.com/a.md) [mail](mailto:a@example.com)\n",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        func html(_ page: String) -> String { docs.first { $0.page == page }?.html ?? "" }
        #expect(html("index.html").contains("<a href=\"docs/guide.html\">guide</a>"))
        #expect(html("index.html").contains("<a href=\"clients/acme/index.html\">acme</a>"))
        #expect(html("docs/guide.html").contains("<a href=\"../index.html\">home</a>"))
        #expect(html("docs/guide.html").contains("<a href=\"../clients/acme/runbook.html#restart\">runbook</a>"))
        #expect(html("clients/acme/index.html").contains("<a href=\"runbook.html\">runbook</a>"))
        #expect(html("clients/acme/index.html").contains("<a href=\"../../docs/guide.html#step-one\">guide</a>"))
        #expect(html("clients/acme/index.html").contains("<a href=\"#x\">self</a>"))
        #expect(html("clients/acme/runbook.html").contains("<a href=\"index.html\">intro</a>"))
        #expect(html("clients/acme/runbook.html").contains("<a href=\"https://example.com/a.md\">out</a>"))
    }

    @Test func brokenLinksAreErrorsWithLocation() throws {
        let (_, diagnostics, folder) = try load([
            "docs/a.md": "# A\n\ntext\n\n- [missing](nope.md)\n- [escape](../../../etc/passwd.md)\n- [abs](/docs/a.md)\n- [anchor](#nothing)\n- [file](diagram.png)\n- [other anchor](b.md#nothing)\n",
            "docs/b.md": "b\n",
        ])
        let path = "\(folder.path)/docs/a.md"
        #expect(diagnostics.error(containing: "points to a missing doc (content/docs/nope.md)")?.location == SourceLocation(path: path, line: 5, column: 3))
        #expect(diagnostics.error(containing: "leads outside content/")?.location.line == 6)
        #expect(diagnostics.error(containing: "starts with '/'")?.location.line == 7)
        #expect(diagnostics.error(containing: "'#nothing'")?.location.line == 8)
        #expect(diagnostics.error(containing: "not published")?.location.line == 9)
        #expect(diagnostics.error(containing: "has no heading with id 'nothing'")?.location.line == 10)
        #expect(diagnostics.errors.count == 6)
    }

    /// Regression (found by the random-input test): a link inside the leading title was freed with
    /// the title and then rewritten.
    @Test func linkInsideTheTitleIsDroppedWithIt() throws {
        let (docs, diagnostics, _) = try load(["docs/a.md": "# [Title](b.md)\n\n[body](b.md)\n", "docs/b.md": "b\n"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(docs.first?.title == "Title")
        #expect(docs.first?.html == "<p><a href=\"b.html\">body</a></p>\n")
    }

    @Test func lineNumbersCountFrontMatter() throws {
        let (_, diagnostics, _) = try load(["docs/a.md": "---\ntitle: A\n---\n\n[x](missing.md)\n"])
        #expect(diagnostics.error(containing: "missing doc")?.location.line == 5)
    }

    @Test func badDocNamesAreRejected() throws {
        let (_, diagnostics, _) = try load(["docs/Bad Name.md": "x\n"])
        #expect(diagnostics.error(containing: "not a valid slug") != nil)
    }

    @Test func anchorIDs() {
        var used: Set<String> = []
        #expect(uniqueAnchorID(for: "Hello, World!", used: &used) == "hello-world")
        #expect(uniqueAnchorID(for: "Hello World", used: &used) == "hello-world-2")
        #expect(uniqueAnchorID(for: "🚀", used: &used) == "section")
        #expect(uniqueAnchorID(for: "\"><script>", used: &used) == "script")
    }

    @Test func linkTargets() {
        #expect(LinkTarget("https://x") == .external)
        #expect(LinkTarget("//x") == .external)
        #expect(LinkTarget("mailto:a@b") == .external)
        #expect(LinkTarget("#a") == .anchor("a"))
        #expect(LinkTarget("/a.md") == .absolutePath)
        #expect(LinkTarget("a.md#b") == .relative(path: "a.md", fragment: "b"))
        #expect(LinkTarget("a.md?x=1") == .relative(path: "a.md", fragment: nil))
        #expect(LinkTarget("") == .empty)
        #expect(LinkTarget("#") == .anchor(""))
        #expect(LinkTarget("a.md?x=1#f") == .relative(path: "a.md", fragment: "f"))
        #expect(LinkTarget("a.md#b?c") == .relative(path: "a.md", fragment: "b?c"))
        #expect(LinkTarget("Svn+SSH.1:x") == .external)
        #expect(LinkTarget("1ab:c.md") == .relative(path: "1ab:c.md", fragment: nil))
        #expect(LinkTarget("a_b:c.md") == .relative(path: "a_b:c.md", fragment: nil))
        #expect(LinkTarget("é:x.md#ü") == .relative(path: "é:x.md", fragment: "ü"))
    }

    @Test func relativePathsResolveInsideContent() {
        let folder = ["clients", "acme"]
        #expect(DocumentLoader.resolve("runbook.md", from: folder) == "clients/acme/runbook.md")
        #expect(DocumentLoader.resolve("./a//b.md", from: folder) == "clients/acme/a/b.md")
        #expect(DocumentLoader.resolve("../../docs/é.md", from: folder) == "docs/é.md")
        #expect(DocumentLoader.resolve("../../../x.md", from: folder) == nil)
        #expect(DocumentLoader.resolve("..a/.b.md", from: folder) == "clients/acme/..a/.b.md")
    }
}
