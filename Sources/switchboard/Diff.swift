import ArgumentParser
import SwitchboardCore

extension AccessDiffReport.Format: ExpressibleByArgument {}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what a change to the inventory does to access (exit 1 when it changes access).",
        discussion: """
            Compares two content folders, e.g. the base branch's (checked out with 'git worktree add') \
            and the pull request's. Exit codes: 0 no access change, 1 access changes (or invalid input), \
            2 usage error.
            """)

    @Argument(help: "The content folder before the change (e.g. the base branch's).")
    var base: String

    @Argument(help: "The content folder after the change.")
    var content = "content"

    @Option(help: "text, markdown (a pull-request comment or job summary) or github (workflow annotations).")
    var format: AccessDiffReport.Format = .text

    func run() throws {
        let diff = try AccessDiff.between(oldContent: base, newContent: content)
        printOutput(AccessDiffReport.render(diff, as: format), terminator: "")
        if diff.hasAccessChanges { throw ExitCode(1) }
    }
}
