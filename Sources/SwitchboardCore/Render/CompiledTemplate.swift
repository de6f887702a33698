/// A Mustache template parsed into a tree that `TemplateRenderer` walks.
///
/// Templates are swift-mustache's dialect (partials, inheritance with `{{<parent}}` and
/// `{{$block}}`, transforms such as `{{count(list)}}`, `{{%CONTENT_TYPE: TEXT}}`). swift-mustache
/// parses every template first and reports syntax errors; this parser follows its rules for
/// whitespace, standalone lines and indentation exactly, and the tests compare the output of both
/// on every page. It exists because rendering through swift-mustache took most of a large build.
struct CompiledTemplate: Sendable {
    var nodes: [TemplateNode]
}

indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateReference, escaped: Bool)
    case section(TemplateReference, inverted: Bool, body: CompiledTemplate)
    /// `{{>name}}` and `{{<parent}}…{{/parent}}`; `indentation` is set when the tag stands alone.
    case partial(PartialName, indentation: String?, overrides: [String: CompiledTemplate]?)
    /// `{{$name}}default{{/name}}` where it is expanded.
    case block(String, fallback: CompiledTemplate, indentation: String)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: an override, collected by the parent.
    case blockOverride(String, CompiledTemplate)
    /// `{{%CONTENT_TYPE: TEXT}}` (no escaping) or `HTML`.
    case escaping(Bool)
}

enum PartialName: Sendable {
    case fixed(String)
    /// `{{>*name}}`: the partial named by the value `name`.
    case dynamic(TemplateReference)
}

/// A tag's name: where lookup starts, the dotted path, and transforms applied innermost first.
struct TemplateReference: Sendable {
    enum Start: Sendable {
        /// `.`
        case current
        /// A transform of nothing, `{{#first()}}`: position in the enclosing list.
        case position
        /// `.name`: only the innermost context.
        case innermost
        /// `name`: the innermost context that has the first part of the path.
        case enclosing
    }

    let start: Start
    let path: [String]
    let transforms: [String]
}

struct TemplateSyntaxError: Error {
    let message: String
}

extension CompiledTemplate {
    init(parsing text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(Array(text))
        self.init(nodes: try parser.parse(TemplateParser.State()))
    }
}

/// Follows swift-mustache's `MustacheTemplate.parse` step by step (same state, same order of
/// checks) so that whitespace comes out byte for byte the same.
private struct TemplateParser {
    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        var partialDefinitionIndent: Int?

        func inSection(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let characters: [Character]
    private var position = 0

    init(_ characters: [Character]) {
        self.characters = characters
    }

    private static let blank: Set<Character> = [" ", "\t"]
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharactersWithBrackets = nameCharacters.union("()")
    private static let partialNameCharacters = nameCharactersWithBrackets.union("/")

    mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore = ""
        func flushWhitespace() {
            if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore.utf8))) }
            whitespaceBefore = ""
        }
        while !atEnd {
            if state.newLine {
                let whitespace = read(while: Self.blank)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespaceBefore = String(whitespace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = String(whitespace)
                }
            }
            let text = readTextUntilTagOrNewline(state)
            if current.isNewline {
                nodes.append(.text(Array((whitespaceBefore + text + String(current)).utf8)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array((whitespaceBefore + text).utf8)))
                whitespaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try readName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhitespace()
                }
                let body = try parse(state.inSection(name, newLine: setNewLine, transforms: transforms))
                nodes.append(.section(reference(name, transforms), inverted: inverted, body: CompiledTemplate(nodes: body)))
            case "/":
                position += 1
                let (name, transforms) = try readName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    throw TemplateSyntaxError(message: "a section is closed with a different name than it was opened with")
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes
            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)
            case "{", "&":
                flushWhitespace()
                let braces = current == "{"
                position += 1
                let (name, transforms) = try readName(state)
                if braces {
                    guard current == "}" else { throw TemplateSyntaxError(message: "a tag is not closed with '}}}'") }
                    position += 1
                }
                nodes.append(.variable(reference(name, transforms), escaped: false))
            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                let dynamic = current == "*"
                if dynamic { position += 1 }
                let name = try readPartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore.utf8))) }
                let standalone = isStandalone(state)
                setNewLine = standalone
                nodes.append(.partial(dynamic ? .dynamic(reference(name, [])) : .fixed(name),
                                      indentation: standalone ? whitespaceBefore : nil, overrides: nil))
                whitespaceBefore = ""
            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let sectionName = try readPartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore.utf8))) }
                setNewLine = isStandalone(state)
                var overrides: [String: CompiledTemplate] = [:]
                for node in try parse(state.inParent(sectionName)) {
                    switch node {
                    case .blockOverride(let name, let template): overrides[name] = template
                    case .text: break
                    default: throw TemplateSyntaxError(message: "only {{$block}} overrides may appear inside {{<parent}}")
                    }
                }
                let name = sectionName.first == "*" ? PartialName.dynamic(reference(String(sectionName.dropFirst()), [])) : .fixed(sectionName)
                nodes.append(.partial(name, indentation: whitespaceBefore, overrides: overrides))
                whitespaceBefore = ""
            case "$":
                position += 1
                let (name, transforms) = try readName(state)
                guard transforms.isEmpty else { throw TemplateSyntaxError(message: "transforms cannot apply to a block") }
                if state.isPartialDefinitionTopLevel {
                    setNewLine = isStandalone(state)
                    let body = try parse(state.inSection(name, newLine: setNewLine))
                    nodes.append(.blockOverride(name, CompiledTemplate(nodes: body)))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore.utf8))) }
                    setNewLine = isStandalone(state)
                    let body = try parse(state.inSection(name, newLine: setNewLine))
                    nodes.append(.block(name, fallback: CompiledTemplate(nodes: body), indentation: whitespaceBefore))
                    whitespaceBefore = ""
                }
            case "=":
                position += 1
                state = try readDelimiters(state)
                setNewLine = isStandalone(state)
            case "%":
                position += 1
                nodes.append(.escaping(try readContentType(state)))
                setNewLine = isStandalone(state)
            default:
                flushWhitespace()
                let (name, transforms) = try readName(state)
                nodes.append(.variable(reference(name, transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else {
            throw TemplateSyntaxError(message: "a section is opened but never closed")
        }
        return nodes
    }

    private func reference(_ name: String, _ transforms: [String]) -> TemplateReference {
        let path = name.split(separator: ".").map(String.init)
        if name == "." { return TemplateReference(start: .current, path: [], transforms: transforms) }
        if name.isEmpty, !transforms.isEmpty { return TemplateReference(start: .position, path: [], transforms: transforms) }
        return TemplateReference(start: name.first == "." ? .innermost : .enclosing, path: path, transforms: transforms)
    }

    // MARK: Reading

    private var atEnd: Bool { position >= characters.count }
    private var current: Character { atEnd ? "\0" : characters[position] }

    private mutating func read(while set: Set<Character>) -> ArraySlice<Character> {
        read { set.contains($0) }
    }

    private mutating func read(while keyPath: KeyPath<Character, Bool>) -> ArraySlice<Character> {
        read { $0[keyPath: keyPath] }
    }

    private mutating func read(while accept: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while !atEnd, accept(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    /// Consumes `expected` when the text continues with it.
    private mutating func read(_ expected: [Character]) -> Bool {
        guard characters.count - position >= expected.count,
              Array(characters[position..<position + expected.count]) == expected else { return false }
        position += expected.count
        return true
    }

    /// Text up to a newline (not consumed) or up to and including the opening delimiter.
    private mutating func readTextUntilTagOrNewline(_ state: State) -> String {
        guard let first = state.startDelimiter.first else { return "" }
        var text = ""
        while !atEnd {
            text += String(read { $0 != "\n" && $0 != "\r\n" && $0 != first })
            if current.isNewline { break }
            if current == first {
                if read(state.startDelimiter) { break }
                text.append(first)
                position += 1
            }
        }
        return text
    }

    /// A tag's name and its transforms, outermost first: `count(docs)` is `("docs", ["count"])`.
    private mutating func readName(_ state: State) throws(TemplateSyntaxError) -> (String, [String]) {
        _ = read(while: \.isWhitespace)
        let text = Array(read(while: Self.nameCharactersWithBrackets))
        _ = read(while: \.isWhitespace)
        guard read(state.endDelimiter) else { throw TemplateSyntaxError(message: "a tag is not closed") }
        var index = 0
        func readPart() -> String {
            let start = index
            while index < text.count, Self.nameCharacters.contains(text[index]) { index += 1 }
            return String(text[start..<index])
        }
        var transforms: [String] = []
        var name = readPart()
        guard index < text.count else { return (name, []) }
        while true {
            guard index < text.count, text[index] == "(" else { throw TemplateSyntaxError(message: "bad transform call") }
            index += 1
            transforms.append(name)
            name = readPart()
            guard index < text.count, text[index] == ")" else { continue }
            let closing = text[index...].prefix { $0 == ")" }.count
            guard closing == transforms.count, index + closing == text.count else {
                throw TemplateSyntaxError(message: "bad transform call")
            }
            return (name, transforms)
        }
    }

    private mutating func readPartialName(_ state: State) throws(TemplateSyntaxError) -> String {
        _ = read(while: \.isWhitespace)
        let name = String(read(while: Self.partialNameCharacters))
        _ = read(while: \.isWhitespace)
        guard read(state.endDelimiter) else { throw TemplateSyntaxError(message: "a partial tag is not closed") }
        return name
    }

    /// Skips to the end of the first closing delimiter, matched the way swift-mustache does.
    private mutating func skipComment(_ state: State) throws(TemplateSyntaxError) {
        let end = state.endDelimiter
        var matched = 0
        while !atEnd {
            if characters[position] == end[matched] {
                matched += 1
                if matched == end.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        throw TemplateSyntaxError(message: "a comment is not closed")
    }

    private mutating func readDelimiters(_ state: State) throws(TemplateSyntaxError) -> State {
        let invalid = TemplateSyntaxError(message: "bad set-delimiter tag")
        _ = read(while: \.isWhitespace)
        let start = Array(read { !$0.isWhitespace })
        guard !atEnd else { throw invalid }
        _ = read(while: \.isWhitespace)
        let end = Array(read { $0 != "=" && !$0.isWhitespace })
        guard !atEnd else { throw invalid }
        _ = read(while: \.isWhitespace)
        guard read(["="]), read(state.endDelimiter), !start.isEmpty, !end.isEmpty else { throw invalid }
        var state = state
        state.startDelimiter = start
        state.endDelimiter = end
        state.isPartialDefinitionTopLevel = false
        return state
    }

    /// `{{%CONTENT_TYPE: TEXT}}` or `HTML`: whether variables are HTML-escaped from here on.
    private mutating func readContentType(_ state: State) throws(TemplateSyntaxError) -> Bool {
        let invalid = TemplateSyntaxError(message: "only {{%CONTENT_TYPE: TEXT}} and {{%CONTENT_TYPE: HTML}} are supported")
        _ = read(while: \.isWhitespace)
        let variable = String(read(while: Self.nameCharacters))
        _ = read(while: \.isWhitespace)
        guard read([":"]) else { throw invalid }
        _ = read(while: \.isWhitespace)
        let value = String(read(while: Self.nameCharacters))
        _ = read(while: \.isWhitespace)
        guard read(state.endDelimiter), variable == "CONTENT_TYPE" else { throw invalid }
        switch value {
        case "HTML": return true
        case "TEXT": return false
        default: throw invalid
        }
    }

    /// The tag is alone on its line: when it is, the rest of the line (blanks and the newline) is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < characters.count, Self.blank.contains(characters[probe]) { probe += 1 }
        guard probe < characters.count, characters[probe].isNewline else { return false }
        position = probe + 1
        return true
    }
}
