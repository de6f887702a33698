/// Fills `{name}` placeholders of a naming pattern in one pass (`{client}ReadOnly`,
/// `{client}-{account}-{level}`). Unknown placeholders stay as written. It runs for every
/// role, so it scans bytes and looks names up in a short list.
func fillPlaceholders(_ pattern: String, _ values: KeyValuePairs<String, String>) -> String {
    var result = ""
    var rest = pattern[...]
    while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
        result += rest[..<open]
        let afterOpen = rest.utf8.index(after: open)
        guard let close = rest.utf8[afterOpen...].firstIndex(of: UInt8(ascii: "}")),
              let value = values.first(where: { $0.key == rest[afterOpen..<close] })?.value
        else {
            result += "{"
            rest = rest[afterOpen...]
            continue
        }
        result += value
        rest = rest[rest.utf8.index(after: close)...]
    }
    return result + rest
}
