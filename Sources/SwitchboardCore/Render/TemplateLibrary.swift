import Foundation
import Mustache

/// The Mustache templates of `site-templates/`, loaded and parsed once per build, plus the
/// static assets beside them (`site-templates/assets/**`, copied to `public/assets/`).
/// swift-mustache checks the syntax (its errors name line and column); pages are rendered from
/// `CompiledTemplate`s, which follow its rules and are several times faster.
struct TemplateLibrary: Sendable {
    /// Templates every build renders; a missing one is an error, not an empty page.
    static let pageTemplates = ["home", "client", "doc", "access", "access-statement", "onboarding.md", "404"]

    private let compiled: [String: CompiledTemplate]
    private let directory: String
    /// Paths relative to the templates folder, sorted.
    let assets: [String]

    static func load(directory: String) throws(InvalidInput) -> TemplateLibrary {
        var diagnostics = DiagnosticList()
        guard ContentTree.isDirectory(directory) else {
            throw InvalidInput([.error(SourceLocation(path: directory), "templates folder not found; pass --templates DIR or restore site-templates/")])
        }
        var compiled: [String: CompiledTemplate] = [:]
        var texts: [(name: String, path: String, text: String)] = []
        var assets: [String] = []
        var unparsable: Set<String> = []
        for relative in files(under: directory, diagnostics: &diagnostics) {
            let path = "\(directory)/\(relative)"
            if relative.hasSuffix(".mustache") {
                let name = String(relative.dropLast(".mustache".count))
                do {
                    let text = try TextFile.read(path)
                    _ = try MustacheTemplate(string: text)
                    compiled[name] = try CompiledTemplate(parsing: text)
                    texts.append((name, path, text))
                } catch let error as InvalidInput {
                    diagnostics.append(contentsOf: error.diagnostics)
                } catch let error as TemplateSyntaxError {
                    unparsable.insert(name)
                    diagnostics.error(SourceLocation(path: path), "Mustache syntax error: \(error.message)")
                } catch let error as MustacheTemplate.ParserError {
                    unparsable.insert(name)
                    diagnostics.error(SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                                      "Mustache syntax error: \(describe(error.error))")
                } catch {
                    diagnostics.error(SourceLocation(path: path), "cannot load template: \(error)")
                }
            } else if relative.hasPrefix("assets/") {
                assets.append(relative)
            }
        }
        let names = Set(texts.map(\.name)).union(unparsable)
        for name in pageTemplates where !names.contains(name) {
            diagnostics.error(SourceLocation(path: "\(directory)/\(name).mustache"), "missing template '\(name)'; every portal needs it (copy it from the default site-templates/)")
        }
        for template in texts {
            for reference in partialReferences(in: template.text) where !names.contains(reference.name) {
                diagnostics.error(SourceLocation(path: template.path, line: reference.line, column: reference.column),
                                  "template refers to '\(reference.name)', which does not exist (expected \(directory)/\(reference.name).mustache)")
            }
        }
        if diagnostics.hasErrors { throw InvalidInput(diagnostics.sorted) }
        return TemplateLibrary(compiled: compiled, directory: directory, assets: assets)
    }

    /// Renders `context` (a page context struct) through the template `name`, as UTF-8.
    func render(_ context: some TemplateRepresentable, with name: String) throws(InvalidInput) -> [UInt8] {
        guard let bytes = TemplateRenderer.render(name, in: compiled, context: context.templateValue) else {
            throw InvalidInput([.error(SourceLocation(path: "\(directory)/\(name).mustache"), "missing template '\(name)'")])
        }
        return bytes
    }

    func assetBytes(_ relative: String) throws(InvalidInput) -> Data {
        guard let data = FileManager.default.contents(atPath: "\(directory)/\(relative)") else {
            throw InvalidInput([.error(SourceLocation(path: "\(directory)/\(relative)"), "cannot read asset")])
        }
        return data
    }

    /// Every `{{> name}}` (partial) and `{{< name}}` (parent) tag, with its position.
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var references: [(String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = tagOpening(in: rest) {
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                var tag = rest[open.upperBound...].drop { $0 == " " }
                rest = rest[open.upperBound...]
                guard let kind = tag.first, kind == ">" || kind == "<" else { continue }
                tag = tag.dropFirst().drop { $0 == " " }
                let name = tag.prefix { !$0.isWhitespace && $0 != "}" }
                if !name.isEmpty, !name.hasPrefix("*") { references.append((String(name), lineIndex + 1, column)) }
            }
        }
        return references
    }

    /// Where the first `{{` of `text` is: a byte search (Foundation's `range(of:)` on every line
    /// was a fifth of the cost of loading the templates).
    private static func tagOpening(in text: Substring) -> Range<String.Index>? {
        let bytes = text.utf8
        var start = bytes.startIndex
        while let brace = bytes[start...].firstIndex(of: UInt8(ascii: "{")) {
            let next = bytes.index(after: brace)
            guard next < bytes.endIndex else { return nil }
            if bytes[next] == UInt8(ascii: "{") { return brace..<bytes.index(after: next) }
            start = next
        }
        return nil
    }

    /// Regular files below `directory`, relative, sorted; hidden files and symbolic links skipped.
    private static func files(under directory: String, diagnostics: inout DiagnosticList) -> [String] {
        var result: [String] = []
        for name in ContentTree.entries(of: directory, diagnostics: &diagnostics) {
            let path = "\(directory)/\(name)"
            if ContentTree.isDirectory(path) {
                result += files(under: path, diagnostics: &diagnostics).map { "\(name)/\($0)" }
            } else {
                result.append(name)
            }
        }
        return result
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not closed with '}}'"
        case .expectedSectionEnd: "a section is opened but never closed ({{/name}} missing)"
        case .invalidSetDelimiter: "bad set-delimiter tag"
        default: "\(error)"
        }
    }
}
