import CSwitchboardSystem
import Foundation

/// The folders a build reads and writes.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var outputDirectory: String
    /// Build even when nothing changed since the last build.
    public var force: Bool

    public init(contentDirectory: String = "content", templatesDirectory: String = "site-templates",
                outputDirectory: String = "public", force: Bool = false) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.force = force
    }
}

/// What a successful build or check did.
public struct BuildReport: Sendable, Codable, Equatable {
    public var pages: Int
    public var files: Int
    public var clients: Int
    public var accounts: Int
    public var warnings: [Diagnostic]
    /// Nothing changed since the last build, so nothing was rendered or written.
    public var unchanged = false
    /// Set when only these pages were rendered again (`serve` after an edit to docs' text).
    public var updatedPages: [String]?
    /// How long each phase took, in order (`--timings`); when nothing changed, the phases that
    /// found that out.
    public var phases: [Phase] = []

    public struct Phase: Sendable, Codable, Equatable {
        public var name: String
        public var milliseconds: Int
    }
}

/// Measures phases of a build for `BuildReport.phases`.
struct PhaseClock {
    private(set) var phases: [BuildReport.Phase] = []
    private var start = ContinuousClock.now

    /// Ends the phase that started at the last lap (or when the clock was made).
    mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = (now - start).components
        phases.append(BuildReport.Phase(name: name, milliseconds: Int(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000)))
        start = now
    }
}

/// Switchboard's phases, in order: load and validate (inventory, docs, templates), compute the
/// site, then make every file and write it into a staging folder that replaces the output only
/// when all of them succeeded. Invalid input is reported before any file is written.
public enum Switchboard {
    /// Also part of the build record: output of another version is never taken as up to date.
    public static let version = "0.4.0"

    /// The git commit a release binary was built from (`.ci/release`); nil for development builds.
    /// It is shown by `--version` and never written into the portal, whose files stay the same
    /// whatever built them.
    public static let buildCommit: String? = switchboard_build_commit().map { String(cString: $0) }

    /// `0.4.0 (commit 1a2b3c4d5e6f)` or `0.4.0 (development build)`.
    public static var versionDescription: String {
        "\(version) (\(buildCommit.map { "commit \($0)" } ?? "development build"))"
    }

    /// Validates everything and renders every file; writes nothing.
    public static func check(_ options: BuildOptions) throws(InvalidInput) -> BuildReport {
        let loaded = try load(options)
        let report = try render(loaded, into: DiscardedOutput())
        releaseInBackground(consume loaded)
        return report
    }

    /// A site that passed every check made before rendering, with the warnings found on the way.
    struct LoadedSite {
        let site: Site
        let templates: TemplateLibrary
        let warnings: [Diagnostic]
        var phases: [BuildReport.Phase] = []
    }

    /// Makes every file of a loaded site into `sink`.
    static func render(_ loaded: LoadedSite, into sink: some OutputSink) throws(InvalidInput) -> BuildReport {
        var clock = PhaseClock()
        let made = try SiteRenderer(site: loaded.site, templates: loaded.templates).render(into: sink)
        clock.lap("files")
        return BuildReport(pages: made.pages, files: made.files, clients: loaded.site.clients.count,
                           accounts: loaded.site.accountCount, warnings: loaded.warnings, phases: loaded.phases + clock.phases)
    }

    /// Everything that can be checked before a file is made: inventory, docs, templates, and
    /// the site computed from them. `earlier`: phases timed before loading, listed first.
    static func load(_ options: BuildOptions, after earlier: [BuildReport.Phase] = []) throws(InvalidInput) -> LoadedSite {
        var diagnostics = DiagnosticList()
        var clock = PhaseClock()
        let (inventory, inventoryDiagnostics) = InventoryLoader.load(contentDirectory: options.contentDirectory)
        diagnostics.append(contentsOf: inventoryDiagnostics)
        clock.lap("inventory")

        var templates: TemplateLibrary?
        do { templates = try TemplateLibrary.load(directory: options.templatesDirectory) } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
        clock.lap("templates")
        // Docs are checked even when the inventory has errors, so one run reports everything.
        var ignored = DiagnosticList()
        let slugs = inventory?.clients.map(\.slug)
            ?? ContentTree.clientSlugs(in: options.contentDirectory, diagnostics: &ignored)
        let (documents, documentDiagnostics) = DocumentLoader.load(
            contentDirectory: options.contentDirectory, clientSlugs: slugs,
            allowRawHTML: inventory?.portal.allowRawHTML ?? false)
        diagnostics.append(contentsOf: documentDiagnostics)
        clock.lap("docs")
        guard let inventory, let templates, !diagnostics.hasErrors else { throw InvalidInput(diagnostics.sorted) }

        let site = SiteBuilder.build(inventory: inventory, documents: documents)
        diagnostics.append(contentsOf: SetupKit.profileConflicts(site))
        if diagnostics.hasErrors { throw InvalidInput(diagnostics.sorted) }
        clock.lap("site")
        return LoadedSite(site: site, templates: templates, warnings: diagnostics.sorted, phases: earlier + clock.phases)
    }

    /// Checks, renders and replaces the output folder atomically; does nothing when the inputs
    /// and the output are as the last build left them (see `BuildRecord`).
    public static func build(_ options: BuildOptions) throws(InvalidInput) -> BuildReport {
        var clock = PhaseClock()
        let inputs = BuildRecord.fingerprint(of: [options.contentDirectory, options.templatesDirectory])
        clock.lap("fingerprint")
        if !options.force, var report = unchangedReport(options, inputs: inputs) {
            clock.lap("output-stamps")
            report.phases = clock.phases
            return report
        }
        let loaded = try load(options, after: clock.phases)
        return try write(consume loaded, options, inputs: inputs)
    }

    /// Frees a site on another thread once its files are made. Freeing a large site's model (tens
    /// of thousands of strings and arrays) kept one core busy for 30–50 ms at the end of every
    /// build, which nobody needs to wait for: the command line exits meanwhile. Whoever else holds
    /// the site (`serve` keeps it for the next edit) keeps it.
    private static func releaseInBackground(_ loaded: consuming LoadedSite) {
        let box = ReleaseBox(consume loaded)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    private final class ReleaseBox: @unchecked Sendable {
        var value: LoadedSite? // set to nil by one thread only, after the box is handed over
        init(_ value: consuming LoadedSite) { self.value = value }
    }

    /// The last build's report, when it was made from the same inputs (fingerprint) by this
    /// version and nobody touched its output since.
    static func unchangedReport(_ options: BuildOptions, inputs: String) -> BuildReport? {
        let output = options.outputDirectory
        guard let record = BuildRecord.read(for: output), record.version == version, record.inputs == inputs,
              record.outputs == BuildRecord.OutputFingerprint(BuildRecord.stamps(of: output)).hex else { return nil }
        var report = record.report
        report.unchanged = true
        return report
    }

    /// Makes every file of a loaded site into a new output folder, then records the build.
    static func write(_ loaded: consuming LoadedSite, _ options: BuildOptions, inputs: String) throws(InvalidInput) -> BuildReport {
        let output = options.outputDirectory
        BuildRecord.remove(for: output)
        // Stamps are taken as the files are written: walking 10,000 files afterwards took longer.
        let (report, written) = try OutputWriter.write(to: output, protecting: [options.contentDirectory, options.templatesDirectory]) {
            staging throws(InvalidInput) in (try render(loaded, into: staging), staging.writtenFingerprint)
        }
        releaseInBackground(consume loaded)
        var clock = PhaseClock()
        BuildRecord(version: version, inputs: inputs, outputs: written.hex, report: report).write(for: output)
        clock.lap("record")
        var finished = report
        finished.phases += clock.phases
        return finished
    }
}
