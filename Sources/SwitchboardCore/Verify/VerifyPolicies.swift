import Foundation

/// The least privilege `switchboard verify` needs, written by every build under `public/verify/`:
/// the inline policy of a `verify` permission set in the home account, and the statement a role
/// in each client account needs to be read (its exported profile's role, or the one named with
/// `--client-profile`). Only read calls, each on the narrowest resources it takes.
enum VerifyPolicies {
    /// `sso:ListInstances` takes no resource; the other calls are narrowed to this portal's instance
    /// (or any, when `instance_arn` is not in the inventory), its permission sets, the home account
    /// and its identity store.
    static func homeStatements(_ portal: Portal) -> [JSONValue] {
        let partition = portal.partition.rawValue
        let instance = portal.identityCenterInstanceARN ?? "arn:\(partition):sso:::instance/*"
        let instanceID = instance.split(separator: "/").last.map(String.init) ?? "*"
        return [
            statement(sid: "SwitchboardVerifyFindInstance", actions: ["sso:ListInstances"], resources: ["*"]),
            statement(sid: "SwitchboardVerifyIdentityCenter",
                      actions: ["identitystore:ListGroups", "sso:DescribePermissionSet", "sso:GetInlinePolicyForPermissionSet",
                                "sso:ListAccountAssignments", "sso:ListManagedPoliciesInPermissionSet", "sso:ListPermissionSets"],
                      resources: [instance, "arn:\(partition):sso:::permissionSet/\(instanceID)/*",
                                  "arn:\(partition):sso:::account/\(portal.homeAccountID)",
                                  "arn:\(partition):identitystore::\(portal.homeAccountID):identitystore/*",
                                  "arn:\(partition):identitystore:::group/*"]),
        ]
    }

    static let clientActions = ["iam:GetRole", "iam:ListAttachedRolePolicies"]

    static let homePolicy = "verify/home-permission-set-policy.json"
    static let clientPolicy = "verify/client-role-policy.json"

    static func files(site: Site) -> [OutputFile] {
        // The roles by path and name, in any client account: a short list however many accounts.
        var roles: [String] = []
        for client in site.clients {
            for account in client.accounts {
                for role in account.roles {
                    let arn = "arn:\(site.portal.partition.rawValue):iam::*:role/" + AWSLinks.pathPrefixedRoleName(rolePath: role.rolePath, roleName: role.roleName)
                    if !roles.contains(arn) { roles.append(arn) }
                }
            }
        }
        return [
            OutputFile(path: homePolicy, contents: policy(homeStatements(site.portal)).data),
            OutputFile(path: clientPolicy, contents: policy([statement(sid: "SwitchboardVerifyClientRoles", actions: clientActions,
                                                                       resources: roles.sorted())]).data),
        ]
    }

    private static func policy(_ statements: [JSONValue]) -> JSONValue {
        .object([("Version", .string(Policies.version)), ("Statement", .array(statements))])
    }

    private static func statement(sid: String, actions: [String], resources: [String]) -> JSONValue {
        .object([
            ("Sid", .string(sid)),
            ("Effect", .string("Allow")),
            ("Action", actions.count == 1 ? .string(actions[0]) : .array(actions.map(JSONValue.string))),
            ("Resource", resources.count == 1 ? .string(resources[0]) : .array(resources.map(JSONValue.string))),
        ])
    }
}
