/// `AccessDiff` as text for a terminal, Markdown for a pull-request comment or job summary, and
/// GitHub Actions workflow commands that annotate the changed lines.
public enum AccessDiffReport {
    public enum Format: String, CaseIterable, Sendable { case text, markdown, github }

    public static func render(_ diff: AccessDiff, as format: Format) -> String {
        switch format {
        case .text: text(diff)
        case .markdown: markdown(diff)
        case .github: github(diff)
        }
    }

    static func summary(_ diff: AccessDiff) -> String {
        guard diff.hasAccessChanges else { return "No access changes." }
        let critical = diff.changes.filter { $0.severity == .critical }.count
        return "\(diff.changes.count) access change\(diff.changes.count == 1 ? "" : "s")"
            + (critical > 0 ? ", \(critical) critical" : "") + ": review who can reach what before merging."
    }

    static func docsLine(_ diff: AccessDiff) -> String? {
        guard diff.docsAdded + diff.docsRemoved > 0 else { return nil }
        return "Docs: \(diff.docsAdded) added, \(diff.docsRemoved) removed (not access changes)."
    }

    /// Changes by group, `portal.yaml` first, then clients in slug order (the order they were found).
    static func groups(_ diff: AccessDiff) -> [(group: String, changes: [AccessDiff.Change])] {
        var result: [(group: String, changes: [AccessDiff.Change])] = []
        for change in diff.changes {
            if result.last?.group == change.group { result[result.count - 1].changes.append(change) } else {
                result.append((change.group, [change]))
            }
        }
        return result
    }

    static func heading(_ group: String) -> String {
        group == AccessDiff.portalGroup ? "Portal (portal.yaml)" : "Client \(group)"
    }

    static func text(_ diff: AccessDiff) -> String {
        var lines = [summary(diff)]
        for (group, changes) in groups(diff) {
            lines.append(heading(group))
            for change in changes { lines.append("  " + (change.severity == .critical ? "CRITICAL " : "") + change.message) }
        }
        if let docs = docsLine(diff) { lines.append(docs) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(_ diff: AccessDiff) -> String {
        var lines = ["### Access changes", "", escapedMarkdown(summary(diff))]
        for (group, changes) in groups(diff) {
            lines += ["", "#### " + escapedMarkdown(heading(group)), ""]
            for change in changes {
                lines.append("- " + (change.severity == .critical ? "**CRITICAL** " : "") + escapedMarkdown(change.message))
            }
        }
        if let docs = docsLine(diff) { lines += ["", escapedMarkdown(docs)] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Inventory values are written by whoever opens the pull request: in a comment they must
    /// stay text (no links, autolinks, images or HTML), so Markdown's punctuation is escaped.
    static func escapedMarkdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_{}[]<>()#+-.!|~&:@".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// `::error file=…,line=…,title=…::message` (critical) and `::warning …` per change, then a notice.
    static func github(_ diff: AccessDiff) -> String {
        var lines = diff.changes.map { change in
            GitHubAnnotation.command(change.severity == .critical ? "error" : "warning", location: change.location,
                                     title: change.severity == .critical ? "Critical access change" : "Access change",
                                     message: heading(change.group) + ": " + change.message)
        }
        lines.append(GitHubAnnotation.command("notice", location: nil, title: "Access review",
                                              message: summary(diff) + (docsLine(diff).map { " " + $0 } ?? "")))
        return lines.joined(separator: "\n") + "\n"
    }
}
