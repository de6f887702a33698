/// IAM policy documents of the cross-organization setup (README, "Onboarding kit").
enum Policies {
    static let version = "2012-10-17"
    /// IAM Identity Center quota for a permission set's inline policy.
    static let maximumInlinePolicyLength = 10_240
    /// Default IAM quota for a role trust policy.
    static let maximumTrustPolicyLength = 2_048

    /// The permission set's inline policy (home account): `sts:AssumeRole` on exactly the given roles.
    static func permissionSetPolicy(roleARNs: [String]) -> JSONValue {
        .object([
            ("Version", .string(version)),
            ("Statement", .array([.object([
                ("Sid", .string("AssumeClientRoles")),
                ("Effect", .string("Allow")),
                ("Action", .string("sts:AssumeRole")),
                ("Resource", .array(roleARNs.map(JSONValue.string))),
            ])])),
        ])
    }

    /// The remote role's trust policy (client account): trusts the home account, narrowed with
    /// `aws:PrincipalArn` to the Identity Center role of one permission set, with and without the
    /// region segment (absent for us-east-1 instances).
    static func trustPolicy(partition: Partition, homeAccountID: String, permissionSet: String, externalID: String?) -> JSONValue {
        let ssoRoles = "arn:\(partition.rawValue):iam::\(homeAccountID):role/aws-reserved/sso.amazonaws.com"
        var condition: [(String, JSONValue)] = [
            ("ArnLike", .object([("aws:PrincipalArn", .array([
                .string("\(ssoRoles)/*/AWSReservedSSO_\(permissionSet)_*"),
                .string("\(ssoRoles)/AWSReservedSSO_\(permissionSet)_*"),
            ]))])),
        ]
        if let externalID {
            condition.append(("StringEquals", .object([("sts:ExternalId", .string(externalID))])))
        }
        return .object([
            ("Version", .string(version)),
            ("Statement", .array([.object([
                ("Effect", .string("Allow")),
                ("Principal", .object([("AWS", .string("arn:\(partition.rawValue):iam::\(homeAccountID):root"))])),
                ("Action", .string("sts:AssumeRole")),
                ("Condition", .object(condition)),
            ])])),
        ])
    }

    /// Length as IAM counts it: the document (`JSONValue.text`) without white space.
    static func compactLength(_ text: String) -> Int {
        var text = text
        // Over the contiguous bytes: iterating a String's UTF-8 view is many times slower.
        let asciiLength: Int? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return bytes.count { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }
        }
        return asciiLength ?? text.filter { !$0.isWhitespace }.count
    }
}
