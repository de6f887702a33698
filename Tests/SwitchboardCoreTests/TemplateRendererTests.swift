import Foundation
import Mustache
import Testing
@testable import SwitchboardCore

/// The compiled renderer must produce what swift-mustache produces for the same templates and
/// values: swift-mustache is the reference these tests compare against.
@Suite struct TemplateRendererTests {
    /// Renders `name` with both engines.
    func renderBoth(_ templates: [String: String], _ name: String = "main", context: TemplateValue) throws -> (ours: String, reference: String) {
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for (templateName, text) in templates {
            library.register(try MustacheTemplate(string: text), named: templateName)
            compiled[templateName] = try CompiledTemplate(parsing: text)
        }
        let ours = try #require(TemplateRenderer.render(name, in: compiled, context: context))
        let reference = try #require(library.render(context.referenceValue, withTemplate: name))
        return (String(decoding: ours, as: UTF8.self), reference)
    }

    static let context: TemplateValue = .object([
        "title": .text("Tom & Jerry's <\"show\">"),
        "empty": .text(""),
        "zero": .number(0),
        "yes": .flag(true),
        "no": .flag(false),
        "items": .list([.object(["name": .text("a"), "tags": .list([.text("x"), .text("y")])]),
                        .object(["name": .text("b"), "tags": .list([])]),
                        .object(["name": .text("c")])]),
        "none": .list([]),
        "nested": .object(["inner": .object(["value": .text("deep")]), "title": .text("shadow")]),
        "partialName": .text("card"),
    ])

    static let cases: [(String, [String: String])] = [
        ("variables and escaping", ["main": "{{title}}|{{{title}}}|{{&title}}|{{zero}}|{{yes}}|{{missing}}|{{nested.inner.value}}\n"]),
        ("standalone sections", ["main": "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n{{^none}}\n  nothing\n{{/none}}\n"]),
        ("truthiness", ["main": "{{#empty}}e{{/empty}}{{#zero}}z{{/zero}}{{#yes}}y{{/yes}}{{#no}}n{{/no}}{{^no}}!n{{/no}}{{#missing}}m{{/missing}}{{^missing}}!m{{/missing}}\n"]),
        ("context stack", ["main": "{{#nested}}{{title}}/{{.title}}/{{inner.value}}{{#inner}}{{value}}{{title}}{{/inner}}{{/nested}}{{#items}}{{#tags}}{{.}}{{/tags}}{{/items}}\n"]),
        ("comments and blanks", ["main": "a\n  {{! a comment }}  \nb {{! inline }} c\n\t{{!\nmultiline\n}}\nd\n   "]),
        ("indented partial with sections", [
            "main": "<div>\n    {{>card}}\n  {{#items}}\n    {{>card}}\n  {{/items}}\n</div>\n",
            "card": "<p>{{name}}</p>\n{{#tags}}\n<i>{{.}}</i>\n{{/tags}}\n{{#items}}\n  <b>{{name}}</b>\n{{/items}}\n",
        ]),
        ("inheritance", [
            "layout": "<html>\n  <title>{{$title}}Default{{/title}}</title>\n  {{$body}}\n  nobody\n  {{/body}}\n</html>\n",
            "main": "{{<layout}}\n{{$title}}{{title}}{{/title}}\n{{$body}}\n<main>\n  {{#items}}{{name}}{{/items}}\n</main>\n{{/body}}\n{{/layout}}\n",
        ]),
        ("nested inheritance, outer override wins", [
            "base": "[{{$a}}base-a{{/a}}|{{$b}}base-b{{/b}}]\n",
            "middle": "{{<base}}{{$a}}middle-a{{/a}}{{$b}}middle-b{{/b}}{{/base}}",
            "main": "{{<middle}}{{$a}}main-a{{/a}}{{/middle}}",
        ]),
        ("transforms", ["main": "{{count(items)}} {{empty(none)}} {{uppercased(title)}} {{reversed(empty)}} {{plusone(zero)}} {{#first(items)}}{{name}}{{/first(items)}}{{#items}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{#odd()}}o{{/odd()}},{{/items}}{{^empty(items)}}some{{/empty(items)}}\n"]),
        ("set delimiters and content type", ["main": "{{=<% %>=}}\n<% title %>|{{title}}\n<%={{ }}=%>\n{{%CONTENT_TYPE: TEXT}}\n{{title}}\n{{>card}}\n", "card": "{{title}}\n"]),
        ("dynamic partial", ["main": "{{>*partialName}}{{#items}}{{>*partialName}}{{/items}}", "card": "({{name}})"]),
        ("CRLF lines", ["main": "a\r\n  {{#items}}\r\n  {{name}}\r\n  {{/items}}\r\nb\r\n  {{>card}}\r\n", "card": "x\r\ny\r\n"]),
        ("lists as values", ["main": "{{#items}}{{tags}};{{/items}}|{{none}}\n"]),
    ]

    @Test(arguments: cases.indices)
    func matchesSwiftMustache(_ index: Int) throws {
        let (name, templates) = Self.cases[index]
        let (ours, reference) = try renderBoth(templates, context: Self.context)
        #expect(ours == reference, "\(name)")
    }

    /// swift-mustache prints a dictionary in hash order, which changes from run to run; keys are sorted here.
    @Test func objectsPrintWithSortedKeys() throws {
        let (ours, _) = try renderBoth(["main": "{{{nested}}}"], context: Self.context)
        #expect(ours == #"["inner": ["value": "deep"], "title": "shadow"]"#)
    }

    /// Random templates built from tags, text, blanks and newlines: whatever swift-mustache
    /// accepts, the compiled parser accepts too and renders the same. (No piece prints a whole
    /// object: swift-mustache prints dictionaries in hash order, which differs run to run.)
    @Test func randomTemplatesMatchSwiftMustache() throws {
        var generator = SeededGenerator(seed: 0x7E3A)
        let pieces = ["{{title}}", "{{{title}}}", "{{#items}}", "{{/items}}", "{{^none}}", "{{/none}}", "{{#yes}}", "{{/yes}}",
                      "{{>card}}", "{{! note }}", "{{name}}", "{{#tags}}{{.}}{{/tags}}", "{{#tags}}", "{{/tags}}", "{{count(items)}}",
                      "{{$slot}}", "{{/slot}}", "{{=<% %>=}}", "<%title%>", "<%#items%>", "<%/items%>", "\n", "\r\n", "  ", "\t", "text", "<a href=\"x\">", "{", "}"]
        var compared = 0
        for _ in 0..<3000 {
            let length = Int.random(in: 1...14, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let templates = ["main": text, "card": "  <b>{{name}}</b>\n{{#tags}}\n  {{.}}\n{{/tags}}\n"]
            // A second set-delimiter tag reads as text holding an empty tag, which prints the whole context.
            guard text.components(separatedBy: "{{=").count <= 2, (try? MustacheTemplate(string: text)) != nil else { continue }
            let (ours, reference) = try renderBoth(templates, context: Self.context)
            #expect(ours == reference, "template: \(text.debugDescription)")
            compared += 1
        }
        #expect(compared > 500)
    }

    /// Every page of the example portal, rendered by both engines.
    @Test func examplePortalPagesMatchSwiftMustache() throws {
        let output = CollectedOutput()
        let options = BuildOptions(contentDirectory: exampleContent, templatesDirectory: defaultTemplates)
        _ = try Switchboard.render(try Switchboard.load(options), into: output)
        let files = output.files
        var library = MustacheLibrary()
        for name in try templateNames() {
            library.register(try MustacheTemplate(string: try String(contentsOfFile: "\(defaultTemplates)/\(name).mustache", encoding: .utf8)),
                             named: name)
        }
        let site = try #require(try exampleSite())
        let renderer = SiteRenderer(site: site.site, templates: site.templates)
        var pages = 0
        for job in renderer.pageJobs() {
            let context = try job.context().templateValue
            let reference = try #require(library.render(context.referenceValue, withTemplate: job.template))
            let built = try #require(files.first { $0.path == job.path })
            #expect(String(decoding: built.contents, as: UTF8.self) == reference, "\(job.path)")
            pages += 1
        }
        #expect(pages > 10)
    }

    /// Contexts list their members for templates by hand; what their synthesized `Encodable`
    /// conformance writes is the reference, so a member left out, misnamed or given the wrong
    /// value fails here. Every page of the example portal, and each client's onboarding context.
    @Test func contextsListEveryMember() throws {
        let site = try #require(try exampleSite())
        let renderer = SiteRenderer(site: site.site, templates: site.templates)
        let portal = site.site.portal
        var contexts = try renderer.pageJobs().map { try $0.context() }
        contexts += site.site.clients.map { client in
            OnboardingContext(site: SiteContext(title: portal.title, company: portal.company, homeAccountID: portal.homeAccountID,
                                                partition: portal.partition.rawValue, startURL: portal.startURL),
                              client: ClientDetails(name: client.client.name, slug: client.client.slug,
                                                    description: client.client.description, contacts: client.client.contacts),
                              externalID: client.client.externalID, instanceARN: portal.identityCenterInstanceARN,
                              kit: renderer.kit(client))
        }
        for context in contexts {
            let encodable = try #require(context as? any Encodable)
            let reference = TemplateValue(encoding: encodable)
            #expect(context.templateValue.canonical == reference.canonical, "\(type(of: context))")
        }
        #expect(contexts.count > 10)
    }

    /// swift-mustache escapes per `Character`; a quote followed by a combining mark is one
    /// character there and stays raw, which would end an attribute. Byte-wise escaping does not.
    @Test func quotesJoinedToCombiningMarksAreEscaped() throws {
        let value = TemplateValue.object(["name": .text("x\"\u{301} onmouseover=alert(1) y")])
        let (ours, reference) = try renderBoth(["main": "<a title=\"{{name}}\">"], context: value)
        #expect(ours == "<a title=\"x&quot;\u{301} onmouseover=alert(1) y\">")
        #expect(reference != ours) // the reason the reference is not used to render
        var escaped: [UInt8] = []
        HTMLEscaping.append("<'&\"\u{301}>", to: &escaped)
        #expect(String(decoding: escaped, as: UTF8.self) == "&lt;&#39;&amp;&quot;\u{301}&gt;")
    }

    @Test func partialReferencesArePlacedByLineAndCharacter() {
        let text = "é {{> a}} {{{raw}}} { {> no}}\n{{<b}}{{>  c }}{{>*dynamic}}{"
        let references = TemplateLibrary.partialReferences(in: text)
        #expect(references.map(\.name) == ["a", "b", "c"])
        #expect(references.map(\.line) == [1, 2, 2])
        #expect(references.map(\.column) == [3, 1, 7])
    }

    @Test func searchTextIsTheLowercasedNonEmptyWords() {
        #expect(SiteRenderer.searchText(["Acme Corp", "", "PROD-1", "111122223333"]) == "acme corp prod-1 111122223333")
        #expect(SiteRenderer.searchText(["ÜLM", "Straße", "ΣΟΦΙΑ"]) == "ülm straße σοφια")
        #expect(SiteRenderer.searchText(["", ""]) == "")
    }

    @Test func exactlyFiveASCIICharactersAreEscaped() {
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for scalar in (0...0x7F).compactMap(Unicode.Scalar.init) {
            let character = Character(scalar)
            var escaped: [UInt8] = []
            HTMLEscaping.append("a\(character)b", to: &escaped)
            #expect(String(decoding: escaped, as: UTF8.self) == "a\(entities[character] ?? String(character))b", "U+\(scalar.value)")
        }
    }

    func templateNames() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: defaultTemplates)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(9)) }.sorted()
    }

    func exampleSite() throws -> (site: Site, templates: TemplateLibrary)? {
        let (inventory, _) = InventoryLoader.load(contentDirectory: exampleContent)
        guard let inventory else { return nil }
        let (documents, _) = DocumentLoader.load(contentDirectory: exampleContent, clientSlugs: inventory.clients.map(\.slug),
                                                 allowRawHTML: inventory.portal.allowRawHTML)
        return (SiteBuilder.build(inventory: inventory, documents: documents), try TemplateLibrary.load(directory: defaultTemplates))
    }
}

extension TemplateValue {
    /// One text per value whatever the order of an object's members.
    var canonical: String {
        switch self {
        case .text(let text): text.debugDescription
        case .number(let number): "\(number)"
        case .flag(let flag): "\(flag)"
        case .list(let items): "[" + items.map(\.canonical).joined(separator: ",") + "]"
        case .object(let object): "{" + object.sortedKeys.map { "\($0.debugDescription):\(object[$0]!.canonical)" }.joined(separator: ",") + "}"
        }
    }

    /// The same value as swift-mustache reads it: strings, numbers, arrays and dictionaries.
    var referenceValue: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let items): items.map(\.referenceValue)
        case .object(let object): Dictionary(uniqueKeysWithValues: object.members.map { ($0.key, $0.value.referenceValue) })
        }
    }
}
