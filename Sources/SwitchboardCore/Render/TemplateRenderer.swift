import Foundation

/// Renders compiled templates into UTF-8 bytes with swift-mustache's semantics: the same lookup
/// up the context stack, the same truthiness, transforms and partial indentation, so a template
/// written for swift-mustache renders the same. Escaping is byte-wise (`HTMLEscaping`).
struct TemplateRenderer {
    private let templates: [String: CompiledTemplate]
    private var output: [UInt8] = []
    private var stack: [TemplateValue] = []

    /// Everything a rendering carries besides the context stack.
    private struct Scope {
        var position: ListPosition?
        /// Added after each newline, inside a partial that stood alone on an indented line.
        var indentation: String?
        /// `{{$block}}` overrides of the enclosing `{{<parent}}` tags; the outermost wins.
        var overrides: [String: CompiledTemplate]?
        var escaping = true
    }

    /// Where an item is in the list a section iterates: `{{#first()}}`, `{{index()}}`.
    private struct ListPosition {
        var first: Bool
        var last: Bool
        var index: Int
    }

    static func render(_ name: String, in templates: [String: CompiledTemplate], context: TemplateValue) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates)
        renderer.stack = [context]
        renderer.render(template, Scope())
        return renderer.output
    }

    private init(templates: [String: CompiledTemplate]) {
        self.templates = templates
    }

    private mutating func render(_ template: CompiledTemplate, _ initial: Scope) {
        var scope = initial
        let start = output.count
        let indentation = initial.indentation.flatMap { $0.isEmpty ? nil : Array($0.utf8) }
        for node in template.nodes {
            let nodeStart = output.count
            render(node, &scope)
            if let indentation, output.count > nodeStart, endsWithNewline(from: start, to: nodeStart) {
                output.insert(contentsOf: indentation, at: nodeStart)
            }
        }
    }

    /// Whether the text rendered since `start` ends with a line feed that is not part of CRLF
    /// (swift-mustache compares the last `Character`, and `"\r\n"` is one).
    private func endsWithNewline(from start: Int, to end: Int) -> Bool {
        guard end > start, output[end - 1] == UInt8(ascii: "\n") else { return false }
        return end - 2 < start || output[end - 2] != UInt8(ascii: "\r")
    }

    private mutating func render(_ node: TemplateNode, _ scope: inout Scope) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let reference, let escaped):
            guard let value = lookUp(reference, scope) else { return }
            let text = Self.display(value)
            if escaped, scope.escaping {
                HTMLEscaping.append(text, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .section(let reference, let inverted, let body):
            let value = lookUp(reference, scope)
            inverted ? renderInverted(body, value, scope) : renderSection(body, value, scope)
        case .partial(let name, let indentation, let overrides):
            let resolved: String?
            switch name {
            case .fixed(let name): resolved = name
            case .dynamic(let reference):
                if case .text(let text)? = lookUp(reference, scope) { resolved = text } else { resolved = nil }
            }
            guard let resolved, let template = templates[resolved] else { return }
            var inner = Scope(indentation: scope.indentation, overrides: scope.overrides)
            if let indentation { inner.indentation = (scope.indentation ?? "") + indentation }
            if let overrides { inner.overrides = (scope.overrides ?? [:]).merging(overrides) { outer, _ in outer } }
            render(template, inner)
        case .block(let name, let fallback, let indentation):
            let inner = Scope(indentation: (scope.indentation ?? "") + indentation, overrides: scope.overrides, escaping: scope.escaping)
            render(scope.overrides?[name] ?? fallback, inner)
        case .blockOverride:
            break // consumed by the enclosing {{<parent}}
        case .escaping(let escaping):
            scope.escaping = escaping
        }
    }

    private mutating func renderSection(_ body: CompiledTemplate, _ value: TemplateValue?, _ scope: Scope) {
        switch value {
        case .list(let items)?:
            var inner = scope
            for (index, item) in items.enumerated() {
                inner.position = ListPosition(first: index == 0, last: index == items.count - 1, index: index)
                stack.append(item)
                render(body, inner)
                stack.removeLast()
            }
        case .flag(let flag)?:
            if flag { render(body, scope) }
        case let value?:
            stack.append(value)
            render(body, Scope(indentation: scope.indentation, overrides: scope.overrides, escaping: scope.escaping))
            stack.removeLast()
        case nil:
            break
        }
    }

    private mutating func renderInverted(_ body: CompiledTemplate, _ value: TemplateValue?, _ scope: Scope) {
        switch value {
        case .list(let items)?:
            guard items.isEmpty else { return }
            stack.append(.list(items))
            render(body, Scope(indentation: scope.indentation, overrides: scope.overrides, escaping: scope.escaping))
            stack.removeLast()
        case .flag(let flag)?:
            if !flag { render(body, scope) }
        case .some:
            break
        case nil:
            render(body, scope)
        }
    }

    // MARK: Lookup

    private func lookUp(_ reference: TemplateReference, _ scope: Scope) -> TemplateValue? {
        var value: TemplateValue?
        var transforms = reference.transforms[...]
        switch reference.start {
        case .current:
            value = stack.last
        case .position:
            guard let position = scope.position, let innermost = transforms.popLast() else { return nil }
            switch innermost {
            case "first": value = .flag(position.first)
            case "last": value = .flag(position.last)
            case "index": value = .number(position.index)
            case "even": value = .flag(position.index & 1 == 0)
            case "odd": value = .flag(position.index & 1 == 1)
            default: return nil
            }
        case .innermost:
            value = stack.last.flatMap { Self.follow(reference.path[...], from: $0) }
        case .enclosing:
            guard let first = reference.path.first else {
                value = stack.last
                break
            }
            for object in stack.reversed() {
                if let child = object.member(first) {
                    value = Self.follow(reference.path.dropFirst(), from: child)
                    break
                }
            }
        }
        while let transform = transforms.popLast() {
            guard let current = value, let transformed = Self.apply(transform, to: current) else { return nil }
            value = transformed
        }
        return value
    }

    private static func follow(_ path: ArraySlice<String>, from value: TemplateValue) -> TemplateValue? {
        var value = value
        for name in path {
            guard let child = value.member(name) else { return nil }
            value = child
        }
        return value
    }

    /// swift-mustache's transforms for the kinds of values contexts hold.
    private static func apply(_ transform: String, to value: TemplateValue) -> TemplateValue? {
        switch value {
        case .text(let text):
            switch transform {
            case "empty": .flag(text.isEmpty)
            case "capitalized": .text(text.capitalized)
            case "lowercased": .text(text.lowercased())
            case "uppercased": .text(text.uppercased())
            case "reversed": .text(String(text.reversed()))
            default: nil
            }
        case .number(let number):
            switch transform {
            case "equalzero": .flag(number == 0)
            case "plusone": .number(number + 1)
            case "minusone": .number(number - 1)
            case "even": .flag(number & 1 == 0)
            case "odd": .flag(number & 1 == 1)
            default: nil
            }
        case .flag:
            nil
        case .list(let items):
            switch transform {
            case "first": items.first
            case "last": items.last
            case "reversed": .list(items.reversed())
            case "count": .number(items.count)
            case "empty": .flag(items.isEmpty)
            default: nil
            }
        case .object(let members):
            switch transform {
            case "count": .number(members.count)
            case "empty": .flag(members.isEmpty)
            // Key order, which swift-mustache leaves to the hash table for `enumerated`.
            case "enumerated", "sorted":
                .list(members.sortedKeys.map { .object(["key": .text($0), "value": members[$0]!]) })
            default: nil
            }
        }
    }

    /// How a value reads in `{{name}}`: like Swift's `String(describing:)`, which swift-mustache
    /// uses, except that object keys are sorted so output stays deterministic.
    private static func display(_ value: TemplateValue, nested: Bool = false) -> String {
        switch value {
        case .text(let text): nested ? text.debugDescription : text
        case .number(let number): String(number)
        case .flag(let flag): String(flag)
        case .list(let items): "[" + items.map { display($0, nested: true) }.joined(separator: ", ") + "]"
        case .object(let members) where members.isEmpty: "[:]"
        case .object(let members):
            "[" + members.sortedKeys.map { "\($0.debugDescription): \(display(members[$0]!, nested: true))" }
                .joined(separator: ", ") + "]"
        }
    }
}
