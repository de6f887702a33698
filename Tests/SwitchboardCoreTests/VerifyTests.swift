import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct VerifyTests {
    let kit = Policies.permissionSetPolicy(roleARNs: ["arn:aws:iam::222233334444:role/a", "arn:aws:iam::222233335555:role/a"])

    @Test func policiesAreComparedAsJSON() throws {
        // Key order, white space, list order and URL encoding (IAM's) do not matter.
        let reordered = #"{"Statement":[{"Resource":["arn:aws:iam::222233335555:role/a","arn:aws:iam::222233334444:role/a"],"Action":"sts:AssumeRole","Effect":"Allow","Sid":"AssumeClientRoles"}],"Version":"2012-10-17"}"#
        #expect(PolicyDocument.difference(expected: kit, actual: reordered) == nil)
        #expect(PolicyDocument.difference(expected: kit, actual: reordered.addingPercentEncoding(withAllowedCharacters: .alphanumerics)) == nil)
        let object = try JSONSerialization.jsonObject(with: Data(kit.text.utf8))
        #expect(PolicyDocument.difference(expected: kit, actual: object) == nil)
        // A one-element list is the same as the element.
        let single = Policies.permissionSetPolicy(roleARNs: ["arn:aws:iam::222233334444:role/a"])
        #expect(PolicyDocument.difference(expected: single, actual: reordered.replacingOccurrences(of: #"["arn:aws:iam::222233335555:role/a","arn:aws:iam::222233334444:role/a"]"#, with: #""arn:aws:iam::222233334444:role/a""#)) == nil)
    }

    @Test func aDifferenceSaysWhatIsMissingAndUnexpected() {
        let other = #"{"Version":"2012-10-17","Statement":[{"Sid":"AssumeClientRoles","Effect":"Allow","Action":"sts:AssumeRole","Resource":["arn:aws:iam::222233334444:role/a","arn:aws:iam::999999999999:role/a"]}]}"#
        #expect(PolicyDocument.difference(expected: kit, actual: other)
                == "missing arn:aws:iam::222233335555:role/a; unexpected arn:aws:iam::999999999999:role/a")
        #expect(PolicyDocument.difference(expected: kit, actual: nil) == "AWS has none")
    }

    @Test func boundedMapKeepsOrder() {
        #expect(Verifier.map(Array(0..<50), lanes: 4) { $0 * 2 } == Array(0..<50).map { $0 * 2 })
        #expect(Verifier.map([Int](), lanes: 4) { $0 }.isEmpty)
    }
}
