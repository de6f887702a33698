import Foundation

/// Compares an IAM policy document AWS returns (a JSON object, or JSON text as Identity Center's
/// inline policies come) with the one the kit generates, as JSON: key order, white space, the
/// order of a list and a one-element list written as a single value do not matter.
enum PolicyDocument {
    /// nil when equal; else what differs, briefly (for a finding).
    static func difference(expected: JSONValue, actual: Any?) -> String? {
        var document = actual
        if let text = actual as? String {
            let decoded = text.removingPercentEncoding ?? text
            document = try? JSONSerialization.jsonObject(with: Data(decoded.utf8))
        }
        guard let document else { return "AWS has none" }
        guard let wanted = try? JSONSerialization.jsonObject(with: Data(expected.text.utf8)) else { return "cannot read the kit's" }
        let (a, b) = (canonical(wanted), canonical(document))
        if a == b { return nil }
        let missing = strings(in: a).subtracting(strings(in: b)).sorted()
        let extra = strings(in: b).subtracting(strings(in: a)).sorted()
        var parts: [String] = []
        if !missing.isEmpty { parts.append("missing " + missing.joined(separator: ", ")) }
        if !extra.isEmpty { parts.append("unexpected " + extra.joined(separator: ", ")) }
        return parts.isEmpty ? "the structure differs" : parts.joined(separator: "; ")
    }

    /// A comparable text form: objects with sorted keys, lists sorted, one-element lists unwrapped.
    private static func canonical(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0):\(canonical(object[$0]!))" }.joined(separator: ",") + "}"
        case let list as [Any]:
            return list.count == 1 ? canonical(list[0]) : "[" + list.map(canonical).sorted().joined(separator: ",") + "]"
        case let text as String:
            return "\"\(text)\""
        default:
            return "\(value)"
        }
    }

    /// Every string value, for saying what is missing or unexpected.
    private static func strings(in canonical: String) -> Set<String> {
        Set(canonical.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            .filter { !$0.isEmpty && !$0.hasSuffix(":") })
    }
}
