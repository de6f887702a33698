import Foundation

/// Rebuilds for `serve`. It keeps the last good site, so that when only the text of docs changed
/// (not their title, summary, order or headings, which other pages show or link to) it renders
/// just those docs' pages and replaces those files; anything else is a full build.
public final class PreviewSession {
    private let options: BuildOptions
    private var last: Switchboard.LoadedSite?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds after `changed` (paths as `FileSnapshot` names them) changed; everything when
    /// `changed` is nil (the first build).
    public func rebuild(changed: Set<String>?) throws(InvalidInput) -> BuildReport {
        if let changed, let last, let report = try rebuildDocs(changed, in: last) { return report }
        return try rebuildAll()
    }

    private func rebuildAll() throws(InvalidInput) -> BuildReport {
        last = nil
        let inputs = BuildRecord.fingerprint(of: [options.contentDirectory, options.templatesDirectory])
        let loaded = try Switchboard.load(options)
        last = loaded
        if let report = Switchboard.unchangedReport(options, inputs: inputs) { return report }
        do { return try Switchboard.write(loaded, options, inputs: inputs) } catch {
            last = nil
            throw error
        }
    }

    /// The fast path, or nil when the change needs a full build.
    private func rebuildDocs(_ changed: Set<String>, in loaded: Switchboard.LoadedSite) throws(InvalidInput) -> BuildReport? {
        var site = loaded.site
        let all = site.docs + site.clients.flatMap(\.docs)
        // Only docs that exist and existed before; a new or removed file changes other pages.
        let edited = changed.sorted().compactMap { path in all.first { $0.sourcePath == path } }
        guard !edited.isEmpty, edited.count == changed.count, edited.allSatisfy({ ContentTree.isRegularFile($0.sourcePath) }) else {
            return nil
        }
        var diagnostics = DiagnosticList()
        var updated: [Document] = []
        for old in edited {
            let text: String
            do { text = try TextFile.readContent(old.sourcePath) } catch {
                diagnostics.append(contentsOf: error.diagnostics)
                continue
            }
            let source = DocumentLoader.Source(owner: old.owner, stem: old.stem, path: old.sourcePath, text: text)
            let new = DocumentLoader.reload(source, among: all + [site.intro].compactMap { $0 } + site.clients.compactMap(\.intro),
                                            allowRawHTML: site.portal.allowRawHTML, diagnostics: &diagnostics)
            // Other pages show these and link to the headings: a change there needs a full build.
            guard new.title == old.title, new.summary == old.summary, new.order == old.order, new.headings == old.headings else {
                return nil
            }
            updated.append(new)
        }
        let warnings = loaded.warnings.filter { !changed.contains($0.location.path) }
        if diagnostics.hasErrors { throw InvalidInput(DiagnosticList(warnings + diagnostics.all).sorted) }

        for document in updated {
            if let index = site.docs.firstIndex(where: { $0.page == document.page }) { site.docs[index] = document }
            for client in site.clients.indices {
                if let index = site.clients[client].docs.firstIndex(where: { $0.page == document.page }) {
                    site.clients[client].docs[index] = document
                }
            }
        }
        let renderer = SiteRenderer(site: site, templates: loaded.templates)
        let pages = Set(updated.map(\.page))
        BuildRecord.remove(for: options.outputDirectory) // the output no longer matches a recorded full build
        for job in renderer.pageJobs() where pages.contains(job.path) {
            try OutputWriter.replace(try renderer.page(job), in: options.outputDirectory)
        }
        let next = Switchboard.LoadedSite(site: site, templates: loaded.templates,
                                          warnings: DiagnosticList(warnings + diagnostics.all).sorted)
        last = next
        return BuildReport(pages: pages.count, files: pages.count, clients: site.clients.count, accounts: site.accountCount,
                           warnings: next.warnings, updatedPages: pages.sorted())
    }
}
