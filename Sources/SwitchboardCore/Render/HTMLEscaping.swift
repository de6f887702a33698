/// Escapes text for HTML element content and quoted attribute values: `& < > " '`.
///
/// It works on UTF-8 bytes, not on `Character`s: a quote followed by a combining mark is one
/// `Character` (`"\u{301}`), so an escaper that compares whole characters leaves that quote raw
/// and an inventory value could end an attribute and add its own (`onmouseover=…`).
enum HTMLEscaping {
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices where needsEscape(bytes[index]) {
                guard let replacement = replacement(for: bytes[index]) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: replacement)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    private static let ampersand = Array("&amp;".utf8), lessThan = Array("&lt;".utf8),
                       greaterThan = Array("&gt;".utf8), quote = Array("&quot;".utf8), apostrophe = Array("&#39;".utf8)

    /// `& < > " '` are all below 0x40: one shift and mask per byte tells them from the rest.
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        let specials: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27
        return byte < 0x40 && specials >> byte & 1 == 1
    }

    @inline(__always)
    private static func replacement(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): ampersand
        case UInt8(ascii: "<"): lessThan
        case UInt8(ascii: ">"): greaterThan
        case UInt8(ascii: "\""): quote
        case UInt8(ascii: "'"): apostrophe
        default: nil
        }
    }

    /// `text` escaped, with a line-break opportunity (`<wbr>`) after each `/` and `:`, for
    /// `{{{triple}}}` braces: ARNs and profile names then wrap at their separators (and after
    /// `-`, where browsers break anyway), never inside a word. `<wbr>` is not copied with the text.
    static func breakable(_ text: String) -> String {
        var output: [UInt8] = []
        append(text, to: &output)
        var result: [UInt8] = []
        result.reserveCapacity(output.count + 16)
        for byte in output {
            result.append(byte)
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ":") { result.append(contentsOf: "<wbr>".utf8) }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
