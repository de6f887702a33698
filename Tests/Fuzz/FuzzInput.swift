// libFuzzer target for the inventory loader and the Markdown/front-matter path.
// Built and run by .ci/fuzz; not part of the SwiftPM package.
import Foundation
@testable import SwitchboardCore

private let portalText = """
    title: Fuzz
    company: Fuzz
    home_account:
      id: "111122223333"
    identity_center:
      start_url: https://fuzz.awsapps.com/start
      region: us-east-1
    access_levels:
      - key: admin
        role_name: fuzz-admin
        permission_set: "{client}Admin"
        color: red
    """

/// The first byte picks the path (portal.yaml, client.yaml or a Markdown doc); the rest is the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = data[0]
    guard let text = try? TextFile.decode(Data(bytes: data + 1, count: size - 1), path: "input") else { return 0 }
    var diagnostics = DiagnosticList()
    switch selector % 3 {
    case 0:
        _ = InventoryLoader.parsePortal(text, path: "portal.yaml", diagnostics: &diagnostics)
    case 1:
        guard let portal = InventoryLoader.parsePortal(portalText, path: "portal.yaml", diagnostics: &diagnostics) else { return 0 }
        _ = InventoryLoader.parseClient(text, slug: "fuzz", path: "client.yaml", portal: portal, diagnostics: &diagnostics)
    default:
        let sources = [
            DocumentLoader.Source(owner: .site, stem: "fuzz", path: "docs/fuzz.md", text: text),
            DocumentLoader.Source(owner: .client("acme"), stem: "index", path: "clients/acme/index.md", text: text),
        ]
        _ = DocumentLoader.render(sources, allowRawHTML: selector & 0x80 != 0, diagnostics: &diagnostics)
    }
    _ = SecretScanner.scan(text, path: "input")
    return 0
}
