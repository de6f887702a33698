/// Strict percent-encoding: only RFC 3986 unreserved characters stay literal.
///
/// Foundation's query encoding leaves `+`, `&`-adjacent and other sub-delimiters alone;
/// `+` is legal in IAM role names and form decoding would turn it into a space, so every
/// URL parameter value goes through this function instead.
public func percentEncode(_ value: String) -> String {
    var encoded = ""
    encoded.reserveCapacity(value.utf8.count)
    for byte in value.utf8 {
        if isUnreserved(byte) {
            encoded.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
            encoded += "%"
            encoded.unicodeScalars.append(hexDigit(byte >> 4))
            encoded.unicodeScalars.append(hexDigit(byte & 0x0F))
        }
    }
    return encoded
}

/// `name=value&name=value` with every name and value percent-encoded, in the given order.
public func queryString(_ items: [(name: String, value: String)]) -> String {
    items.map { "\(percentEncode($0.name))=\(percentEncode($0.value))" }.joined(separator: "&")
}

private func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
         UInt8(ascii: "0")...UInt8(ascii: "9"),
         UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
        true
    default:
        false
    }
}

private func hexDigit(_ nibble: UInt8) -> Unicode.Scalar {
    Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10)
}
