/// Strict percent-encoding: only RFC 3986 unreserved characters stay literal.
///
/// Foundation's query encoding leaves `+`, `&`-adjacent and other sub-delimiters alone;
/// `+` is legal in IAM role names and form decoding would turn it into a space, so every
/// URL parameter value goes through this function instead.
public func percentEncode(_ value: String) -> String {
    if value.utf8.allSatisfy(isUnreserved) { return value }
    var encoded: [UInt8] = []
    encoded.reserveCapacity(value.utf8.count * 3)
    appendPercentEncoded(value, to: &encoded)
    return String(decoding: encoded, as: UTF8.self)
}

/// `name=value&name=value` with every name and value percent-encoded, in the given order.
public func queryString(_ items: [(name: String, value: String)]) -> String {
    var query: [UInt8] = []
    query.reserveCapacity(items.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 } * 3 / 2)
    for (index, item) in items.enumerated() {
        if index > 0 { query.append(UInt8(ascii: "&")) }
        appendPercentEncoded(item.name, to: &query)
        query.append(UInt8(ascii: "="))
        appendPercentEncoded(item.value, to: &query)
    }
    return String(decoding: query, as: UTF8.self)
}

/// Callers reserve capacity: reserving here, once per value, would reallocate for each one.
private func appendPercentEncoded(_ value: String, to bytes: inout [UInt8]) {
    var value = value
    value.withUTF8 { utf8 in
        // Runs of unreserved bytes are copied at once: most values are one run.
        var start = 0
        for index in utf8.indices where !isUnreserved(utf8[index]) {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            bytes.append(UInt8(ascii: "%"))
            bytes.append(hexDigit(utf8[index] >> 4))
            bytes.append(hexDigit(utf8[index] & 0x0F))
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
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

private func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
}
