import Foundation

/// Makes every file of the portal from a `Site`: pages through the templates, the kit, the
/// exports, the manifests and the assets. Each file goes to the sink as soon as it is made, so
/// a build never holds the whole portal in memory.
struct SiteRenderer: Sendable {
    let site: Site
    let templates: TemplateLibrary
    /// `site.navigation`, picked once: every page shows it, and picking walks every site doc.
    private let navigation: [Document]

    init(site: Site, templates: TemplateLibrary) {
        self.site = site
        self.templates = templates
        navigation = site.navigation
    }

    /// One page: where it goes, which template renders it, and how to make its context.
    struct PageJob: Sendable {
        let path: String
        let template: String
        let context: @Sendable () throws(InvalidInput) -> any TemplateRepresentable
    }

    /// Independent pieces of output; they run on every core.
    private enum Work: Sendable {
        case portalManifest, accessManifest
        case exports(SetupKit.ExportFormat)
        case page(PageJob)
        case clientKit(SiteClient)
        case asset(String)
        case robots
        case verifyPolicies
        case launcherIndex
    }

    /// Makes every file and writes it to `sink`; every error of every piece is reported at once.
    func render(into sink: some OutputSink) throws(InvalidInput) -> (pages: Int, files: Int) {
        let pages = pageJobs()
        // The pages and files that span the whole portal are the largest: the manifest first and
        // the others last, so that no two of them are in memory at once while the many small
        // pieces in between keep both cores busy.
        let spanning: Set = [SitePaths.home, SetupKit.accessPage]
        let work = [Work.portalManifest] + pages.filter { !spanning.contains($0.path) }.map(Work.page)
            + site.clients.map(Work.clientKit) + templates.assets.map(Work.asset)
            + pages.filter { spanning.contains($0.path) }.map(Work.page) + [.accessManifest, .launcherIndex]
            + SetupKit.ExportFormat.allCases.map(Work.exports) + [.robots, .verifyPolicies]
        let outcomes = parallelMap(work) { piece in
            Result { () throws(InvalidInput) -> Int in
                let files = try make(piece)
                for file in files { try sink.write(file) }
                return files.count
            }
        }
        var files = 0
        var problems = DiagnosticList()
        for outcome in outcomes {
            switch outcome {
            case .success(let count): files += count
            case .failure(let error): problems.append(contentsOf: error.diagnostics)
            }
        }
        if problems.hasErrors { throw InvalidInput(problems.sorted) }
        return (pages.count, files)
    }

    private func make(_ piece: Work) throws(InvalidInput) -> [OutputFile] {
        switch piece {
        case .portalManifest:
            return [OutputFile(path: SitePaths.manifest, contents: PortalManifest(site: site).json())]
        case .accessManifest:
            return [SetupKit.accessManifestFile(site: site)]
        case .exports(let format):
            return SetupKit.exportFiles(format, site: site)
        case .page(let job):
            return [try page(job)]
        case .clientKit(let client):
            let kit = SetupKit.clientFiles(client, site: site)
            if !kit.diagnostics.isEmpty { throw InvalidInput(kit.diagnostics) }
            return kit.files + [AccessStatement(client: client, portal: site.portal).file]
        case .asset(let path):
            return [OutputFile(path: path, contents: try templates.assetBytes(path))]
        case .robots:
            return [Robots.file]
        case .verifyPolicies:
            return VerifyPolicies.files(site: site)
        case .launcherIndex:
            return [LauncherIndex(site: site).file()]
        }
    }

    func page(_ job: PageJob) throws(InvalidInput) -> OutputFile {
        OutputFile(path: job.path, contents: Data(try templates.render(try job.context(), with: job.template)))
    }

    func pageJobs() -> [PageJob] {
        var jobs = [PageJob(path: SitePaths.home, template: "home", context: { homePage() })]
        for client in site.clients {
            jobs.append(PageJob(path: client.page, template: "client", context: { clientPage(client) }))
            for doc in client.docs {
                jobs.append(PageJob(path: doc.page, template: "doc", context: {
                    docPage(doc, parent: LinkContext(title: client.client.name, href: client.page, summary: nil))
                }))
            }
        }
        for doc in site.docs {
            jobs.append(PageJob(path: doc.page, template: "doc", context: {
                docPage(doc, parent: LinkContext(title: site.portal.title, href: SitePaths.home, summary: nil))
            }))
        }
        for client in site.clients {
            jobs.append(PageJob(path: SetupKit.onboarding(client), template: "doc", context: { () throws(InvalidInput) in
                try onboardingPage(client)
            }))
            jobs.append(PageJob(path: AccessStatement.page(client), template: "access-statement", context: {
                accessStatementPage(client)
            }))
        }
        jobs.append(PageJob(path: SetupKit.accessPage, template: "access", context: { accessPage() }))
        jobs.append(PageJob(path: SitePaths.notFound, template: "404", context: {
            NotFoundPage(page: base(for: SitePaths.notFound), title: "Page not found")
        }))
        return jobs
    }

    func base(for page: String) -> PageBase {
        let portal = site.portal
        return PageBase(
            root: SitePaths.rootPrefix(of: page),
            site: SiteContext(title: portal.title, company: portal.company, homeAccountID: portal.homeAccountID,
                              partition: portal.partition.rawValue, startURL: portal.startURL),
            nav: navigation.map { link(to: $0, from: page) }
        )
    }

    private func link(to doc: Document, from page: String) -> LinkContext {
        LinkContext(title: doc.title, href: SitePaths.relative(from: page, to: doc.page), summary: doc.summary)
    }

    private func permissionSets(_ client: SiteClient) -> [PermissionSetContext] {
        client.permissionSets.map {
            PermissionSetContext(name: $0.name, level: $0.level.name, description: $0.level.description, signInURL: $0.signInURL)
        }
    }

    func homePage() -> HomePage {
        let page = SitePaths.home
        let clients = site.clients.map { client in
            ClientSummary(name: client.client.name, href: SitePaths.relative(from: page, to: client.page),
                          accountCount: client.accounts.count)
        }
        let portal = site.portal
        func title(_ slice: ExportSlice?) -> String {
            switch slice {
            case nil: "All access levels"
            case .level(let key): "\(portal.accessLevels.first { $0.key == key }?.name ?? key) only"
            case .team(let key): "Team \(portal.teams.first { $0.key == key }?.name ?? key)"
            }
        }
        return HomePage(page: base(for: page), title: site.portal.title, intro: site.intro?.html,
                        launcherIndex: SitePaths.relative(from: page, to: LauncherIndex.path), clients: clients,
                        docs: site.docs.map { link(to: $0, from: page) },
                        accountCount: site.accountCount,
                        exports: SetupKit.exportSlices(portal).map { slice in
                            ExportContext(title: title(slice), awsConfig: SetupKit.awsConfig(slice), aesr: SetupKit.aesr(slice),
                                          bookmarks: SetupKit.bookmarks(slice))
                        },
                        teams: site.portal.teams.map(TeamContext.init))
    }

    func clientPage(_ client: SiteClient) -> ClientPage {
        let accounts = client.accounts.map { entry in
            AccountContext(
                anchor: accountAnchor(entry.account), searchText: accountSearchText(entry),
                id: entry.account.id, name: entry.account.name,
                alias: entry.account.alias, environment: entry.account.environment, region: entry.account.region,
                tags: entry.account.tags,
                roles: entry.roles.map { role in
                    RoleContext(key: SitePaths.launchKey(client: client.client.slug, accountID: entry.account.id, level: role.level.key),
                                label: "\(client.client.name) · \(entry.account.name) · \(role.level.name)",
                                searchText: Self.searchText([role.level.key, role.level.name, role.permissionSet, role.roleName]),
                                level: role.level.name, levelKey: role.level.key, description: role.level.description,
                                color: role.level.color.rawValue, colorHex: role.level.color.hex,
                                roleName: role.roleName, rolePath: role.rolePath, roleARN: role.roleARN,
                                roleARNBreakable: HTMLEscaping.breakable(role.roleARN),
                                permissionSet: role.permissionSet, displayName: role.displayName,
                                signInURL: role.signInURL, switchRoleURL: role.switchRoleURL, profileName: role.profileName,
                                profileNameBreakable: HTMLEscaping.breakable(role.profileName),
                                teams: role.teams.map(TeamContext.init), teamKeys: TeamContext.keys(role.teams),
                                requestAccessURL: role.requestAccessURL)
                })
        }
        let details = ClientDetails(name: client.client.name, slug: client.client.slug,
                                    description: client.client.description, contacts: client.client.contacts)
        return ClientPage(page: base(for: client.page), title: client.client.name,
                          searchLabel: "Search the accounts of \(client.client.name)", client: details,
                          intro: client.intro?.html, accounts: accounts,
                          docs: client.docs.map { link(to: $0, from: client.page) }, permissionSets: permissionSets(client),
                          kit: kit(client))
    }

    func kit(_ client: SiteClient) -> KitContext {
        let from = client.page
        func href(_ path: String) -> String { SitePaths.relative(from: from, to: path) }
        let roleTemplates = client.remoteRolesTemplates.map { template in
            let link = href(template.path)
            return KitRoleTemplate(name: template.fileName, template: link, accounts: template.accounts.map {
                KitAccount(name: $0.account.name, id: $0.account.id, template: link)
            })
        }
        // Account IDs are unique in the inventory.
        let kitAccountByID = Dictionary(uniqueKeysWithValues: roleTemplates.flatMap { template in template.accounts.map { ($0.id, $0) } })
        return KitContext(
            onboarding: href(SetupKit.onboarding(client)),
            permissionSetsTemplate: href(SetupKit.permissionSets(client)),
            levels: client.permissionSets.map { set in
                let sample = client.accounts.lazy.flatMap(\.roles).first { $0.level.key == set.level.key }
                return KitLevel(name: set.level.name, key: set.level.key, roleName: sample?.roleName ?? set.level.roleName,
                                rolePath: sample?.rolePath ?? set.level.rolePath, permissionSet: set.name,
                                trustPolicy: href(SetupKit.trustPolicy(client, set.level)),
                                inlinePolicy: href(SetupKit.inlinePolicy(client, set.level)),
                                teams: set.teams.map(TeamContext.init))
            },
            accounts: client.accounts.compactMap { kitAccountByID[$0.account.id] },
            roleTemplates: roleTemplates)
    }

    /// The onboarding steps: `onboarding.md.mustache` filled in with the client's values, then
    /// rendered as Markdown (raw HTML dropped) into the `doc` template.
    func onboardingPage(_ client: SiteClient) throws(InvalidInput) -> DocPage {
        let page = SetupKit.onboarding(client)
        let context = OnboardingContext(
            site: base(for: page).site,
            client: ClientDetails(name: client.client.name, slug: client.client.slug,
                                  description: client.client.description, contacts: client.client.contacts),
            externalID: client.client.externalID, instanceARN: site.portal.identityCenterInstanceARN, kit: kit(client))
        let markdown = String(decoding: try templates.render(context, with: "onboarding.md"), as: UTF8.self)
        let html = MarkdownTree(markdown: markdown).renderHTML(allowRawHTML: false)
        return DocPage(page: base(for: page), title: "Onboarding \(client.client.name)", summary: nil, html: html,
                       headings: [], parent: LinkContext(title: client.client.name,
                                                         href: SitePaths.relative(from: page, to: client.page), summary: nil))
    }

    func accessPage() -> AccessPage {
        let page = SetupKit.accessPage
        let levels = site.portal.accessLevels
        let clients = site.clients.map { client in
            AccessClient(
                name: client.client.name, href: SitePaths.relative(from: page, to: client.page),
                statement: SitePaths.relative(from: page, to: AccessStatement.page(client)),
                accountCount: client.accounts.count,
                searchText: Self.searchText([client.client.name, client.client.slug]
                                            + client.permissionSets.flatMap { [$0.name] + $0.teams.flatMap { [$0.name, $0.group] } }),
                cells: levels.map { level in
                    AccessCell(permissionSet: client.permissionSets.first { $0.level.key == level.key }.map { set in
                        AccessPermissionSet(name: set.name, teams: set.teams.map(TeamContext.init))
                    })
                })
        }
        return AccessPage(page: base(for: page), title: "Access matrix", levels: levels.map(\.name), clients: clients,
                          manifest: SetupKit.accessManifest)
    }

    func docPage(_ doc: Document, parent: LinkContext) -> DocPage {
        DocPage(page: base(for: doc.page), title: doc.title, summary: doc.summary, html: doc.html, headings: doc.headings,
                parent: LinkContext(title: parent.title, href: SitePaths.relative(from: doc.page, to: parent.href), summary: nil))
    }

    private func accountAnchor(_ account: Account) -> String { SitePaths.accountAnchor(account.id) }

    /// What a client page's search finds an account by (its roles are rows of their own).
    private func accountSearchText(_ entry: SiteAccount) -> String {
        let account = entry.account
        return Self.searchText([account.name, account.id, account.alias ?? "", account.environment, account.region] + account.tags)
    }

    /// The non-empty words, lowercased, separated by spaces. Built as bytes: joining and
    /// lowercasing Strings cost about 400 instructions per word, for every account and role.
    static func searchText(_ words: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.reduce(0) { $0 + $1.utf8.count + 1 })
        for var word in words where !word.isEmpty {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
            word.withUTF8 { bytes.append(contentsOf: $0) }
        }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: bytes, as: UTF8.self).lowercased() }
        for index in bytes.indices where NamingRules.isUppercase(bytes[index]) {
            bytes[index] |= 0x20
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
