/// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), which the job log
/// and the pull request's files view show at the line. Values are escaped as GitHub's own
/// actions toolkit does, so a message cannot end the command or start another one.
public enum GitHubAnnotation {
    public static func command(_ name: String, location: SourceLocation?, title: String? = nil, message: String) -> String {
        var properties: [String] = []
        if let location {
            properties += ["file=\(escapedProperty(location.path))", "line=\(max(location.line, 1))"]
            if location.column > 0 { properties.append("col=\(location.column)") }
        }
        if let title { properties.append("title=\(escapedProperty(title))") }
        return "::\(name)\(properties.isEmpty ? "" : " " + properties.joined(separator: ","))::\(escapedData(message))"
    }

    static func escapedData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapedProperty(_ text: String) -> String {
        escapedData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

extension Diagnostic {
    /// How `--diagnostics` prints a diagnostic.
    public enum Format: String, CaseIterable, Sendable {
        /// `path:line:col: error: message`, for terminals and editors.
        case plain
        /// A GitHub Actions annotation at the line.
        case github
    }

    public func formatted(_ format: Format) -> String {
        switch format {
        case .plain: description
        case .github: GitHubAnnotation.command(severity.rawValue, location: location, message: message)
        }
    }
}
