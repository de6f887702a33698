import Testing
@testable import SwitchboardCore

@Suite struct AWSLinksTests {
    struct ARNCase: Sendable, CustomTestStringConvertible {
        let partition: Partition
        let path: String
        let name: String
        let expected: String
        var testDescription: String { expected }
    }

    @Test(arguments: [
        ARNCase(partition: .aws, path: "/", name: "acme-devops", expected: "arn:aws:iam::444455556666:role/acme-devops"),
        ARNCase(partition: .aws, path: "/partners/acme/", name: "acme-devops",
                expected: "arn:aws:iam::444455556666:role/partners/acme/acme-devops"),
        ARNCase(partition: .awsUSGov, path: "/", name: "acme-read-only",
                expected: "arn:aws-us-gov:iam::444455556666:role/acme-read-only"),
        ARNCase(partition: .awsUSGov, path: "/a/", name: "r", expected: "arn:aws-us-gov:iam::444455556666:role/a/r"),
        ARNCase(partition: .awsCN, path: "/", name: "acme+ops=1", expected: "arn:aws-cn:iam::444455556666:role/acme+ops=1"),
        ARNCase(partition: .awsCN, path: "/x/y/", name: "r", expected: "arn:aws-cn:iam::444455556666:role/x/y/r"),
    ])
    func roleARN(_ example: ARNCase) {
        #expect(AWSLinks.roleARN(partition: example.partition, accountID: "444455556666",
                                 rolePath: example.path, roleName: example.name) == example.expected)
    }

    struct SwitchRoleCase: Sendable, CustomTestStringConvertible {
        let partition: Partition
        let path: String
        let name: String
        let color: ConsoleColor?
        let landing: String?
        let expected: String
        var testDescription: String { expected }
    }

    @Test(arguments: [
        SwitchRoleCase(partition: .aws, path: "/", name: "acme-devops", color: .orange, landing: nil,
                       expected: "https://signin.aws.amazon.com/switchrole?account=012345678901&roleName=acme-devops&displayName=Abc%20Prod%20%28DevOps%29&color=FBBF93"),
        SwitchRoleCase(partition: .aws, path: "/partners/acme/", name: "acme-devops", color: .red, landing: nil,
                       expected: "https://signin.aws.amazon.com/switchrole?account=012345678901&roleName=partners%2Facme%2Facme-devops&displayName=Abc%20Prod%20%28DevOps%29&color=F2B0A9"),
        SwitchRoleCase(partition: .awsUSGov, path: "/", name: "ops+admin", color: .yellow, landing: nil,
                       expected: "https://signin.amazonaws-us-gov.com/switchrole?account=012345678901&roleName=ops%2Badmin&displayName=Abc%20Prod%20%28DevOps%29&color=FAD791"),
        SwitchRoleCase(partition: .awsCN, path: "/", name: "r", color: .green, landing: nil,
                       expected: "https://signin.amazonaws.cn/switchrole?account=012345678901&roleName=r&displayName=Abc%20Prod%20%28DevOps%29&color=B7CA9D"),
        SwitchRoleCase(partition: .aws, path: "/", name: "r", color: nil,
                       landing: "https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:",
                       expected: "https://signin.aws.amazon.com/switchrole?account=012345678901&roleName=r&displayName=Abc%20Prod%20%28DevOps%29&redirect_uri=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fec2%2Fhome%3Fregion%3Deu-west-1%23Instances%3A"),
        SwitchRoleCase(partition: .aws, path: "/", name: "r", color: .blue, landing: nil,
                       expected: "https://signin.aws.amazon.com/switchrole?account=012345678901&roleName=r&displayName=Abc%20Prod%20%28DevOps%29&color=99BCE3"),
    ])
    func switchRoleURL(_ example: SwitchRoleCase) {
        let url = AWSLinks.switchRoleURL(partition: example.partition, accountID: "012345678901", rolePath: example.path,
                                         roleName: example.name, displayName: "Abc Prod (DevOps)",
                                         color: example.color, landingPage: example.landing)
        #expect(url == example.expected)
    }

    @Test func signInURLForEveryStartURLForm() {
        let forms = [
            ("https://d-1234567890.awsapps.com/start", "https://d-1234567890.awsapps.com/start"),
            ("https://example.awsapps.com/start/", "https://example.awsapps.com/start"),
            ("https://ssoins-1111222233334444.eu-west-1.portal.amazonaws.com",
             "https://ssoins-1111222233334444.eu-west-1.portal.amazonaws.com"),
            ("https://ssoins-1111222233334444.portal.eu-west-1.app.aws", "https://ssoins-1111222233334444.portal.eu-west-1.app.aws"),
            ("https://start.us-gov-west-1.us-gov-home.awsapps.com/directory/example",
             "https://start.us-gov-west-1.us-gov-home.awsapps.com/directory/example"),
            ("https://start.us-gov-east-1.us-gov-home.awsapps.com/directory/d-1234567890/",
             "https://start.us-gov-east-1.us-gov-home.awsapps.com/directory/d-1234567890"),
            ("https://start.home.awsapps.cn/directory/d-9067000000", "https://start.home.awsapps.cn/directory/d-9067000000"),
            ("https://example.awsapps.cn/start", "https://example.awsapps.cn/start"),
        ]
        for (raw, normalized) in forms {
            let start = try? AccessPortalURL.check(raw).get()
            #expect(start == normalized)
            #expect(AWSLinks.signInURL(startURL: normalized, homeAccountID: "111122223333", permissionSet: "AbcCorpReadOnly")
                    == "\(normalized)/#/console?account_id=111122223333&role_name=AbcCorpReadOnly")
        }
    }

    @Test func signInURLEncodesThePermissionSet() {
        #expect(AWSLinks.signInURL(startURL: "https://x.awsapps.com/start", homeAccountID: "111122223333", permissionSet: "Ops+Admin=1,a@b")
                == "https://x.awsapps.com/start/#/console?account_id=111122223333&role_name=Ops%2BAdmin%3D1%2Ca%40b")
    }

    @Test(arguments: ["http://x.awsapps.com/start", "https://", "https:///start", "https://x.awsapps.com/start?a=b",
                      "https://x.awsapps.com/start#/", "x.awsapps.com/start", "https://x y.com", "https://x.com//",
                      "https://user@x.com/start", "javascript:alert(1)", "https://x.awsapps.com//",
                      // look-alikes of the accepted forms
                      "https://larkspur-example.awsapps.com.evil.io/start", "https://awsapps.com@evil.io/start",
                      "https://larkspur.awsapps.com@evil.io/start", "https://larkspur.xn--awsapps-3ya.com/start",
                      "https://xn--lrkspur-bxa.awsapps.com/start", "https://larkspur.awsаpps.com/start", // Cyrillic а
                      "https://larkspur.awsapps.com:8443/start", "https://larkspur.awsapps.com./start",
                      "https://evil-awsapps.com/start", "https://larkspur.evilawsapps.com/start", "https://awsapps.com/start",
                      "https://a.b.awsapps.com/start", "https://larkspur.awsapps.com/start/../evil", "https://larkspur.awsapps.com/login",
                      "https://start.us-gov-west-1.us-gov-home.awsapps.com.evil.io/directory/x",
                      "https://start.eu-west-1.us-gov-home.awsapps.com/directory/x",
                      "https://ssoins-1111222233334444.eu-west-1.portal.amazonaws.com.evil.io",
                      "https://ssoins-111122223333.eu-west-1.portal.amazonaws.com", "https://ssoins-1111222233334444.portal.eu-west-1.app.aws/start",
                      "https://start.home.awsapps.cn.evil.io/directory/x", "https://start.home.awsapps.cn/directory/../x"])
    func rejectsBadStartURLs(_ raw: String) {
        guard case .failure(let rejection) = AccessPortalURL.check(raw) else {
            Issue.record("accepted \(raw)")
            return
        }
        #expect(rejection.message.contains("https://SUBDOMAIN.awsapps.com/start"))
    }

    @Test func startURLRejectionsSayWhy() {
        let reasons = ["http://x.awsapps.com/start": "it must start with https://",
                       "https://x.awsapps.com:443/start": "a port is not allowed",
                       "https://awsapps.com@evil.io/start": "a user name before '@' is not allowed",
                       "https://x.awsapps.com.evil.io/start": "the host 'x.awsapps.com.evil.io' and path '/start' are not one of AWS's forms"]
        for (raw, reason) in reasons {
            #expect(AccessPortalURL.check(raw) == .failure(AccessPortalURL.Rejection(reason: reason)), "\(raw)")
        }
    }

    @Test func percentEncodingKeepsOnlyUnreservedCharacters() {
        #expect(percentEncode("AZaz09-._~") == "AZaz09-._~")
        #expect(percentEncode("a+b c&d=e/f?g#h%") == "a%2Bb%20c%26d%3De%2Ff%3Fg%23h%25")
        #expect(percentEncode("é") == "%C3%A9")
        // A value can never add a parameter.
        #expect(!queryString([("a", "x&roleName=evil")]).contains("&roleName"))
    }

    @Test func displayNameFitsIn64Characters() {
        #expect(AWSLinks.displayName(client: "Abc", account: "Prod", level: "ReadOnly") == "Abc Prod (ReadOnly)")
        let long = AWSLinks.displayName(client: String(repeating: "Client ", count: 10), account: "Production Payments",
                                        level: "ReadOnly")
        #expect(long.utf16.count == 64)
        #expect(long.hasSuffix("… (ReadOnly)"))
        #expect(long.hasPrefix("Client Client"))
        let exact = AWSLinks.displayName(client: String(repeating: "a", count: 40), account: String(repeating: "b", count: 12),
                                         level: "Admin")
        #expect(exact.utf16.count == 61) // 40 + 1 + 12 + 8: fits, untouched
        #expect(!exact.contains("…"))
        let emoji = AWSLinks.displayName(client: String(repeating: "🚀", count: 40), account: "P", level: "L")
        #expect(emoji.utf16.count <= 64)
        let hugeLevel = AWSLinks.displayName(client: "C", account: "A", level: String(repeating: "L", count: 80))
        #expect(hugeLevel.utf16.count == 64)
    }

    @Test func permissionSetNamesFromPattern() {
        #expect(AWSLinks.permissionSetName(pattern: "{client}ReadOnly", clientPrefix: "AbcCorp") == "AbcCorpReadOnly")
        #expect(AWSLinks.permissionSetName(pattern: "Ext-{client}-Admin", clientPrefix: "Abc") == "Ext-Abc-Admin")
    }

    @Test func placeholdersFillKnownNamesOnly() {
        let values: KeyValuePairs = ["client": "acme", "level": "read-only", "empty": ""]
        #expect(fillPlaceholders("{client}-{level}", values) == "acme-read-only")
        #expect(fillPlaceholders("{client}{client}", values) == "acmeacme")
        #expect(fillPlaceholders("x{empty}y", values) == "xy")
        #expect(fillPlaceholders("{unknown}-{client}", values) == "{unknown}-acme")
        #expect(fillPlaceholders("{{client}}", values) == "{acme}")
        #expect(fillPlaceholders("open {client", values) == "open {client")
        #expect(fillPlaceholders("é{client}ü}", values) == "éacmeü}")
        #expect(fillPlaceholders("", values) == "")
    }

    /// ASCII names take a byte-wise path; it must agree with the definition over Unicode scalars.
    @Test func asciiSlugsMatchTheUnicodeDefinition() {
        var generator = SeededGenerator(seed: 0x51A6)
        let pieces = ["a", "Z", "0", "9", "-", "--", " ", "_", ".", "/", "@", "~", "\t", "Prod", "EU West"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(asciiSlug(text) == unicodeSlug(text), "\(text.debugDescription)")
        }
        #expect(asciiSlug("Hello, World!") == "hello-world")
        #expect(asciiSlug("\u{212A}elvin Café") == "kelvin-caf") // the Kelvin sign lowercases to an ASCII k
    }

    @Test func partitionOfRegion() {
        #expect(Partition.of(region: "us-gov-west-1") == .awsUSGov)
        #expect(Partition.of(region: "cn-north-1") == .awsCN)
        #expect(Partition.of(region: "eu-west-1") == .aws)
    }
}
