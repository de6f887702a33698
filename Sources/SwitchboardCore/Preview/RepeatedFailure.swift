/// Remembers the diagnostics of `serve`'s last failed rebuild, so that a rebuild that fails in
/// exactly the same way (a second save, an edit elsewhere while portal.yaml is still broken) is
/// reported as one line instead of the whole list again.
public struct RepeatedFailure: Sendable {
    private var last: [Diagnostic]?

    public init() {}

    /// Records a failed rebuild's diagnostics; true when they are the ones of the failure before.
    public mutating func isRepeated(_ diagnostics: [Diagnostic]) -> Bool {
        defer { last = diagnostics }
        return diagnostics == last
    }

    /// After a successful rebuild the next failure is new, whatever it says.
    public mutating func clear() { last = nil }
}
