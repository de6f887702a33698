import Foundation
import Testing
@testable import SwitchboardCore

/// The repository's root, found from this file's location.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixturesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
let defaultTemplates = repositoryRoot.appendingPathComponent("site-templates").path
let exampleContent = repositoryRoot.appendingPathComponent("content").path

/// A temporary folder with the given files (path relative to the folder → text), removed on deinit.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (relative, text) in files { try write(relative, text) }
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

let minimalPortal = """
title: Test Portal
company: Test Co
home_account:
  id: "111122223333"
identity_center:
  start_url: https://test-example.awsapps.com/start/
  region: us-east-1
access_levels:
  - key: admin
    name: Admin
    role_name: testco-administrator
    permission_set: "{client}Admin"
    color: red
  - key: read-only
    name: ReadOnly
    role_name: testco-read-only
    permission_set: "{client}ReadOnly"
    color: blue

"""

let minimalClient = """
name: Acme
permission_set_prefix: Acme
accounts:
  - id: "222233334444"
    name: Prod
    environment: production
    region: us-east-1

"""

/// A content folder with a valid portal and one client, plus `extra` files.
func contentFolder(portal: String = minimalPortal, client: String = minimalClient,
                   extra: [String: String] = [:]) throws -> TemporaryFolder {
    var files = ["portal.yaml": portal, "clients/acme/client.yaml": client]
    files.merge(extra) { _, new in new }
    return try TemporaryFolder(files)
}

/// Loads the inventory of a content folder.
func loadInventory(_ folder: TemporaryFolder) -> (Inventory?, [Diagnostic]) {
    InventoryLoader.load(contentDirectory: folder.path)
}

/// Every file under `folder`, relative path → bytes.
func filesUnder(_ folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
    while let relative = enumerator.nextObject() as? String {
        let path = "\(folder)/\(relative)"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[relative] = FileManager.default.contents(atPath: path)
        }
    }
    return result
}

extension Array where Element == Diagnostic {
    var errors: [Diagnostic] { filter { $0.severity == .error } }

    /// The first error whose message contains `text`.
    func error(containing text: String) -> Diagnostic? {
        errors.first { $0.message.contains(text) }
    }
}

/// Keeps the files a render makes, for tests that look at them without writing a folder.
final class CollectedOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [OutputFile] = []

    func write(_ file: OutputFile) { lock.withLock { collected.append(file) } }

    /// Sorted by path: the render makes them on every core, in no fixed order.
    var files: [OutputFile] { lock.withLock { collected.sorted { $0.path < $1.path } } }
}
