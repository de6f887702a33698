/// Fills `{name}` placeholders of a naming pattern in one pass (`{client}ReadOnly`,
/// `{client}-{account}-{level}`). Unknown placeholders stay as written. It runs for every
/// role, so it works on bytes and looks names up in a short list.
func fillPlaceholders(_ pattern: String, _ values: KeyValuePairs<String, String>) -> String {
    let pattern = Array(pattern.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(pattern.count + 32)
    var index = 0
    while index < pattern.count {
        if pattern[index] == UInt8(ascii: "{"),
           let close = pattern[(index + 1)...].firstIndex(of: UInt8(ascii: "}")),
           let value = values.first(where: { $0.key.utf8.elementsEqual(pattern[(index + 1)..<close]) })?.value {
            result.append(contentsOf: value.utf8)
            index = close + 1
        } else {
            result.append(pattern[index])
            index += 1
        }
    }
    return String(decoding: result, as: UTF8.self)
}
