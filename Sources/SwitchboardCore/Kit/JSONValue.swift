import Foundation

/// A JSON value whose object keys keep their order, printed the same way every time. Policies
/// and CloudFormation templates read best in their conventional key order (Version before Statement).
enum JSONValue: Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// An array whose elements are made one at a time while it is written, and dropped once
    /// written: for the files that span the portal, whose whole tree would be several times the
    /// size of the file (portal.json at 100,000 accounts). Printed exactly as `.array`.
    case elements(AnySequence<JSONValue>)
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text == rhs.text }

    /// Two-space indented JSON with a final newline.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    var data: Data { Data(bytes) }

    private var bytes: [UInt8] {
        var output: [UInt8] = []
        write(to: &output, depth: 0)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    private func write(to output: inout [UInt8], depth: Int) {
        switch self {
        case .string(let value): Self.appendQuoted(value, to: &output)
        case .number(let value): output.append(contentsOf: String(value).utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let items):
            Self.writeArray(items, to: &output, depth: depth)
        case .elements(let items):
            Self.writeArray(items, to: &output, depth: depth)
        case .object(let members):
            if members.isEmpty { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(depth + 1, to: &output)
                Self.appendQuoted(key, to: &output)
                output.append(UInt8(ascii: ":")) // byte by byte: appending a literal's UTF-8 view costs ~170 instructions
                output.append(UInt8(ascii: " "))
                value.write(to: &output, depth: depth + 1)
            }
            Self.newline(depth, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeArray(_ items: some Sequence<JSONValue>, to output: inout [UInt8], depth: Int) {
        var empty = true
        for item in items {
            output.append(UInt8(ascii: empty ? "[" : ","))
            empty = false
            newline(depth + 1, to: &output)
            item.write(to: &output, depth: depth + 1)
        }
        if empty { output.append(contentsOf: "[]".utf8); return }
        newline(depth, to: &output)
        output.append(UInt8(ascii: "]"))
    }

    private static func newline(_ depth: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * depth) { output.append(UInt8(ascii: " ")) } // faster than appending a `Repeated`
    }

    static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        appendQuoted(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// A JSON string: quotes, backslashes and control characters escaped, and `<` too
    /// (harmless if a file is ever opened as HTML); everything else as UTF-8.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied at once: most strings are one run.
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") else { continue }
                output.append(contentsOf: bytes[start..<index])
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: #"\u003c"#.utf8)
                default:
                    let hex = String(byte, radix: 16)
                    output.append(contentsOf: (#"\u"# + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
            }
            output.append(contentsOf: bytes[start...])
        }
        output.append(UInt8(ascii: "\""))
    }
}
