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
}

/// Switchboard's phases, in order: load and validate (inventory, docs, templates), compute the
/// site, render, write. Nothing is written unless every phase before succeeded.
public enum Switchboard {
    public static let version = "0.1.0"

    /// Validates everything and renders in memory; writes nothing.
    public static func check(_ options: BuildOptions) throws(InvalidInput) -> (files: [OutputFile], report: BuildReport) {
        var diagnostics = DiagnosticList()
        let (inventory, inventoryDiagnostics) = InventoryLoader.load(contentDirectory: options.contentDirectory)
        diagnostics.append(contentsOf: inventoryDiagnostics)

        var templates: TemplateLibrary?
        do { templates = try TemplateLibrary.load(directory: options.templatesDirectory) } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
        // Docs are checked even when the inventory has errors, so one run reports everything.
        var ignored = DiagnosticList()
        let slugs = inventory?.clients.map(\.slug)
            ?? ContentTree.clientSlugs(in: options.contentDirectory, diagnostics: &ignored)
        let (documents, documentDiagnostics) = DocumentLoader.load(
            contentDirectory: options.contentDirectory, clientSlugs: slugs,
            allowRawHTML: inventory?.portal.allowRawHTML ?? false)
        diagnostics.append(contentsOf: documentDiagnostics)
        guard let inventory, let templates, !diagnostics.hasErrors else { throw InvalidInput(diagnostics.sorted) }

        let site = SiteBuilder.build(inventory: inventory, documents: documents)
        let kit = SetupKit.generate(for: site)
        diagnostics.append(contentsOf: kit.diagnostics)
        if diagnostics.hasErrors { throw InvalidInput(diagnostics.sorted) }
        let files = try SiteRenderer(site: site, templates: templates).render() + kit.files
        let pages = files.filter { $0.path.hasSuffix(".html") && !$0.path.hasPrefix(SetupKit.exportsFolder + "/") }
        let report = BuildReport(pages: pages.count, files: files.count,
                                 clients: site.clients.count, accounts: site.clients.reduce(0) { $0 + $1.accounts.count },
                                 warnings: diagnostics.sorted)
        return (files, report)
    }

    /// Checks, renders and replaces the output folder atomically; does nothing when the inputs
    /// and the output are as the last build left them (see `BuildRecord`).
    public static func build(_ options: BuildOptions) throws(InvalidInput) -> BuildReport {
        let output = options.outputDirectory
        let inputs = BuildRecord.fingerprint(of: [options.contentDirectory, options.templatesDirectory])
        if !options.force, let record = BuildRecord.read(for: output), record.version == version, record.inputs == inputs,
           record.outputs == BuildRecord.stamps(of: output) {
            var report = record.report
            report.unchanged = true
            return report
        }
        let (files, report) = try check(options)
        BuildRecord.remove(for: output)
        try OutputWriter.write(files, to: output, protecting: [options.contentDirectory, options.templatesDirectory])
        BuildRecord(version: version, inputs: inputs, outputs: BuildRecord.stamps(of: output), report: report).write(for: output)
        return report
    }
}
