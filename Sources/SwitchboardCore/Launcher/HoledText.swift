/// A text with holes, made by the function that makes the real text (`AWSLinks`) from stand-in
/// values, so that the launcher in the browser fills in an account's values without knowing any
/// link or name format: it joins the parts with the values (`parts[0] + value0 + parts[1] + …`),
/// percent-encoded when the text is a link.
struct HoledText: Equatable {
    let parts: [String]
    let percentEncoded: Bool

    /// Stand-ins for the holes, in the order they appear. Control characters: no validated
    /// inventory value contains one, and in a link each becomes `%0N`, which nothing else can
    /// produce there (a literal `%` is encoded as `%25`).
    private static let standIns = ["\u{1}", "\u{2}", "\u{3}"]

    /// The holed text of `make(stand-ins)`, or nil when each stand-in does not appear exactly
    /// once, in order (then every value is given in full instead).
    init?(holes: Int, percentEncoded: Bool, _ make: ([String]) -> String) {
        precondition(holes <= Self.standIns.count)
        let standIns = Array(Self.standIns.prefix(holes))
        let markers = standIns.map { percentEncoded ? percentEncode($0) : $0 }
        var rest = Substring(make(standIns))
        var parts: [String] = []
        for marker in markers {
            guard let range = rest.range(of: marker) else { return nil }
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        guard parts.allSatisfy({ part in !markers.contains { part.contains($0) } }) else { return nil }
        self.parts = parts
        self.percentEncoded = percentEncoded
    }

    /// What the browser makes of it: the values put into the holes.
    func filled(_ values: [String]) -> String {
        var result = parts[0]
        for (value, part) in zip(values, parts.dropFirst()) { result += (percentEncoded ? percentEncode(value) : value) + part }
        return result
    }
}
