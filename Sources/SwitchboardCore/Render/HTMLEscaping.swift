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
}
