/// Where a problem is: a file and, when known, a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, the form editors and CI annotations jump to. Line and column
    /// default to 1 when unknown so the format stays parseable.
    public var description: String { "\(path):\(max(line, 1)):\(max(column, 1))" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, message)
    }

    /// `path:line:col: error: message`
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects every problem of a run so that all of them are reported at once.
public struct DiagnosticList: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public init(_ diagnostics: [Diagnostic]) { all = diagnostics }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    public mutating func error(_ location: SourceLocation, _ message: String) {
        all.append(.error(location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String) {
        all.append(.warning(location, message))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted by file, line and column, then message, so reports are stable; a problem reached
    /// twice (e.g. through a YAML alias) is reported once.
    public var sorted: [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return all.filter { seen.insert($0).inserted }
            .sorted { ($0.location, $0.message, $0.severity.rawValue) < ($1.location, $1.message, $1.severity.rawValue) }
    }
}

/// Thrown when input is invalid: carries every diagnostic of the run (warnings included).
public struct InvalidInput: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
