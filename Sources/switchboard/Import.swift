import ArgumentParser
import Foundation
import SwitchboardCore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or extend client.yaml files from what you already have.",
        subcommands: [ImportOrganizations.self, ImportAESR.self, ImportAWSConfig.self, ImportIdentityCenter.self])
}

struct ImportOptions: ParsableArguments {
    @Option(help: "Folder with portal.yaml and clients/.")
    var content = "content"

    @Flag(help: "Print what would change; write nothing.")
    var dryRun = false
}

struct ImportOrganizations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organizations",
        abstract: "Import the JSON of 'aws organizations list-accounts' (pages concatenated or as several files).")

    @Argument(help: "JSON files.") var files: [String]
    @Option(help: "Client slug: the folder under clients/.") var client: String
    @Option(help: "Client display name for a new client.yaml (default: from the slug).") var name: String?
    @Option(help: "Permission-set prefix for a new client.yaml (default: from the name).") var prefix: String?
    @Option(help: "Console region of the accounts (default: the Identity Center region of portal.yaml).") var region: String?
    @OptionGroup var options: ImportOptions

    func run() throws {
        let inventory = try loadInventory(options.content)
        var accounts: [ImportedAccount] = []
        for file in files {
            let data = try TextFile.readBytes(file)
            let (found, report) = try OrganizationsImport.accounts(from: data, path: file, region: region)
            for line in report.skipped { printOutput("skipped (not ACTIVE): \(line)") }
            accounts += found.filter { new in !accounts.contains { $0.id == new.id } }
        }
        let existing = inventory.clients.first { $0.slug == client }
        let displayName = existing?.name ?? name ?? client.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        let setPrefix = existing?.permissionSetPrefix ?? prefix ?? displayName.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let plan = try ClientFileMerge.plan(slug: client, name: displayName, permissionSetPrefix: setPrefix, accounts: accounts,
                                            inventory: inventory, contentDirectory: options.content, source: files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))
        try finish([plan], dryRun: options.dryRun)
    }
}

struct ImportAESR: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aesr", abstract: "Import an AWS Extend Switch Roles configuration.")

    @Argument(help: "The configuration file.") var file: String
    @OptionGroup var options: ImportOptions

    func run() throws { try importProfiles(file, options) }
}

struct ImportAWSConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aws-config", abstract: "Import the role_arn profiles of an AWS CLI config file (~/.aws/config).")

    @Argument(help: "The config file.") var file: String
    @OptionGroup var options: ImportOptions

    func run() throws { try importProfiles(file, options) }
}

struct ImportIdentityCenter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity-center",
        abstract: "Import teams and their access from the AWS CLI's output of Identity Center groups, permission sets and assignments.")

    @Argument(help: "A folder with the JSON of list-groups, describe-permission-set and list-account-assignments (see the README).")
    var folder: String
    @OptionGroup var options: ImportOptions

    func run() throws {
        let inventory = try loadInventory(options.content)
        let found = try IdentityCenterImport.read(folder: folder, portal: inventory.portal, clients: inventory.clients)
        printDiagnostics(found.report.unmapped)
        let plans = try IdentityCenterMerge.plans(found, contentDirectory: options.content, portal: inventory.portal,
                                                  clients: inventory.clients)
        printOutput("\(found.teams.count) teams with assignments; \(plans.count) file\(plans.count == 1 ? "" : "s") to change")
        for plan in plans {
            printOutput("\(plan.path): teams and access \(options.dryRun ? "would be " : "")written")
            if options.dryRun, let text = plan.text {
                let old = (try? String(contentsOfFile: plan.path, encoding: .utf8)) ?? ""
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !old.contains(line) {
                    printOutput("  + \(line)")
                }
            } else {
                try ClientFileMerge.apply(plan)
            }
        }
        if options.dryRun { printOutput("dry run: nothing was written") }
    }
}

private func importProfiles(_ file: String, _ options: ImportOptions) throws {
    let inventory = try loadInventory(options.content)
    let data = try TextFile.readBytes(file)
    let (clients, report) = ProfileImport.clients(from: String(decoding: data, as: UTF8.self), path: file,
                                                   portal: inventory.portal, existing: inventory.clients)
    let malformed = report.unmapped.filter { $0.severity == .error }
    guard malformed.isEmpty else { throw InvalidInput(report.unmapped) } // fix the file first; nothing is written
    printDiagnostics(report.unmapped)
    let source = (file as NSString).lastPathComponent
    var plans: [ClientFileMerge.Plan] = []
    for client in clients {
        plans.append(try ClientFileMerge.plan(slug: client.slug, name: client.name, permissionSetPrefix: client.permissionSetPrefix,
                                              accounts: client.accounts, inventory: inventory, contentDirectory: options.content,
                                              source: source))
    }
    try finish(plans, dryRun: options.dryRun)
}

private func loadInventory(_ content: String) throws(InvalidInput) -> Inventory {
    let (inventory, diagnostics) = InventoryLoader.load(contentDirectory: content)
    guard let inventory else { throw InvalidInput(diagnostics) }
    return inventory
}

/// Reports each plan and writes it (or, with --dry-run, prints what it would write).
private func finish(_ plans: [ClientFileMerge.Plan], dryRun: Bool) throws(InvalidInput) {
    for plan in plans {
        if plan.isNewFile && plan.text == nil {
            printOutput("\(plan.path): not written: no account left to import")
        } else if plan.isNewFile {
            printOutput("\(plan.path): new file with \(plan.added.count) accounts")
        } else {
            printOutput("\(plan.path): \(plan.added.count) accounts appended, \(plan.present.count) already present")
        }
        for difference in plan.differences { printOutput("  differs: \(difference)") }
        for account in plan.skipped { printOutput("  skipped: \(account)") }
        if dryRun, let text = plan.text {
            let old = plan.isNewFile ? "" : ((try? String(contentsOfFile: plan.path, encoding: .utf8)) ?? "")
            for line in text.dropFirst(old.count).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                printOutput("  + \(line)")
            }
        } else {
            try ClientFileMerge.apply(plan)
        }
    }
    if dryRun { printOutput("dry run: nothing was written") }
}
