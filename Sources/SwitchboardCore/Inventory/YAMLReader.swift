import Yams

/// Reads typed values out of one YAML file, recording every problem with its file, line and
/// column instead of stopping at the first. Only Inventory/ uses Yams.
final class YAMLReader {
    let path: String
    private(set) var diagnostics = DiagnosticList()
    private var text = ""

    init(path: String) { self.path = path }

    /// A mapping whose keys were checked against the schema.
    struct Fields {
        let node: Node
        fileprivate let values: [String: Node]

        subscript(key: String) -> Node? { values[key] }
    }

    /// Parses one YAML document. Malformed YAML and duplicate keys are reported with position.
    /// Plain scalars stay untyped text (`Resolver.basic`): values are read as written, and
    /// `int`/`bool` below parse the few typed ones. Yams' default resolver matches every scalar
    /// against regular expressions, a fifth of the inventory's load time. The encoding is given:
    /// Yams' default reads the whole process environment on every call.
    func parse(_ text: String) -> Node? {
        self.text = text
        do {
            guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                error(at: 1, 1, "the file is empty; see the README's inventory schema for what it must contain")
                return nil
            }
            return root
        } catch let yamlError as YamlError {
            report(yamlError)
            return nil
        } catch {
            self.error(at: 1, 1, "cannot parse YAML: \(error)")
            return nil
        }
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    func error(_ node: Node, _ message: String) {
        diagnostics.error(location(of: node), message)
    }

    func error(at line: Int, _ column: Int, _ message: String) {
        diagnostics.error(SourceLocation(path: path, line: line, column: column), message)
    }

    func warning(_ node: Node, _ message: String) {
        diagnostics.warning(location(of: node), message)
    }

    /// Checks that `node` is a mapping with only `allowedKeys` (unknown keys are errors that name
    /// the closest valid key) and that every key in `required` is present.
    func fields(_ node: Node, in what: String, allowedKeys: [String], required: [String] = []) -> Fields? {
        guard let mapping = node.mapping else {
            error(node, "\(what) must be a mapping of keys to values, found \(describe(node))")
            return nil
        }
        var values: [String: Node] = [:]
        values.reserveCapacity(mapping.count)
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error(keyNode, "keys in \(what) must be plain names")
                continue
            }
            if allowedKeys.contains(key) {
                values[key] = value
            } else {
                let hint = closest(to: key, among: allowedKeys).map { "; did you mean '\($0)'?" }
                    ?? "; valid keys are \(allowedKeys.joined(separator: ", "))"
                error(keyNode, "unknown key '\(key)' in \(what)\(hint)")
            }
        }
        for key in required where values[key] == nil {
            error(node, "\(what) is missing the required key '\(key)'")
        }
        return Fields(node: node, values: values)
    }

    /// The text of a scalar, exactly as written (so `012345678901` keeps its leading zero).
    func string(_ fields: Fields, _ key: String, in what: String) -> String? {
        guard let node = fields[key] else { return nil }
        return string(node, named: "'\(key)' in \(what)")
    }

    /// `name` is only formatted for a message: it is asked for every value of the inventory.
    func string(_ node: Node, named name: @autoclosure () -> String) -> String? {
        guard let scalar = node.scalar else {
            error(node, "\(name()) must be a single value, found \(describe(node))")
            return nil
        }
        if scalar.style == .plain, node.null != nil {
            error(node, "\(name()) is empty; give it a value or remove the key")
            return nil
        }
        if let bidi = scalar.string.unicodeScalars.first(where: isBidiControl) {
            error(node, "\(name()) contains the invisible bidirectional control U+\(String(bidi.value, radix: 16, uppercase: true)), which can make text display differently from what it is; remove it")
            return nil
        }
        return scalar.string
    }

    func int(_ fields: Fields, _ key: String, in what: String) -> Int? {
        guard let node = fields[key] else { return nil }
        guard let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.string) else {
            error(node, "'\(key)' in \(what) must be a whole number, found \(describe(node))")
            return nil
        }
        return value
    }

    func bool(_ fields: Fields, _ key: String, in what: String) -> Bool? {
        guard let node = fields[key] else { return nil }
        guard let scalar = node.scalar, scalar.style == .plain, let value = Self.bools[scalar.string.lowercased()] else {
            error(node, "'\(key)' in \(what) must be true or false, found \(describe(node))")
            return nil
        }
        return value
    }

    /// The spellings of YAML 1.1 booleans, as Yams' default schema reads them.
    private static let bools = ["true": true, "yes": true, "on": true, "false": false, "no": false, "off": false]

    func sequence(_ fields: Fields, _ key: String, in what: String) -> [Node]? {
        guard let node = fields[key] else { return nil }
        guard let sequence = node.sequence else {
            error(node, "'\(key)' in \(what) must be a list, found \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    func stringList(_ fields: Fields, _ key: String, in what: String) -> [(String, Node)]? {
        guard let items = sequence(fields, key, in: what) else { return nil }
        return items.compactMap { item in string(item, named: "an item of '\(key)' in \(what)").map { ($0, item) } }
    }

    /// A mapping whose keys are free-form names (such as access-level keys), in file order.
    func namedEntries(_ fields: Fields, _ key: String, in what: String) -> [(String, Node, Node)]? {
        guard let node = fields[key] else { return nil }
        guard let mapping = node.mapping else {
            error(node, "'\(key)' in \(what) must be a mapping, found \(describe(node))")
            return nil
        }
        return mapping.compactMap { keyNode, value in
            guard let name = keyNode.scalar?.string else {
                error(keyNode, "keys in '\(key)' must be plain names")
                return nil
            }
            return (name, keyNode, value)
        }
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar):
            node.null != nil && scalar.style == .plain ? "nothing" : "'\(scalar.string.prefix(40))'"
        case .alias: "an alias"
        }
    }

    private func report(_ yamlError: YamlError) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) (line \($0.mark.line)), " } ?? ""
            error(at: mark.line, mark.column, "malformed YAML: \(detail)\(problem)\(advice(for: problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted()
            let line = secondOccurrence(of: keys.first ?? "", inMappingAt: context.mark) ?? context.mark.line
            error(at: line, context.mark.column,
                  "duplicate key \(keys.map { "'\($0)'" }.joined(separator: ", ")) in one mapping; keep one of them")
        case .reader(let problem, _, _, _):
            error(at: 1, 1, "cannot read YAML: \(problem)")
        default:
            error(at: 1, 1, "cannot parse YAML: \(yamlError)")
        }
    }

    /// Yams reports where the mapping starts; point at the repeated key instead: the second line
    /// that has `key:` at the mapping's column.
    private func secondOccurrence(of key: String, inMappingAt start: Mark) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for index in max(start.line - 1, 0)..<lines.count {
            let line = lines[index].unicodeScalars
            guard line.count >= start.column else { continue }
            let rest = String(line.dropFirst(start.column - 1))
            let atColumn = line.prefix(start.column - 1).allSatisfy { $0 == " " || $0 == "-" }
            if atColumn, rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                seen += 1
                if seen == 2 { return index + 1 }
            }
        }
        return nil
    }

    private func advice(for problem: String) -> String {
        if problem.contains("tab") { return "; indent with spaces, not tabs" }
        if problem.contains("quoted scalar") { return "; close the quote" }
        if problem.contains("mapping values are not allowed") {
            return "; check the indentation, or quote a value that contains ': '"
        }
        return "; check the indentation and quoting around this point"
    }
}

/// Embedding, override and isolate controls (the "Trojan Source" characters).
func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
func closest(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
    return best.1 <= max(2, word.count / 3) ? best.0 : nil
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
