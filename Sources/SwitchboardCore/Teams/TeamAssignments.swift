/// Setup step 3 in the permission-set template: one `AWS::SSO::Assignment` per permission set and
/// team, of the team's group to the permission set in the home account. A team whose group ID the
/// inventory does not know gets a template parameter for it.
enum TeamAssignments {
    /// The pattern of an Identity Store ID (CloudFormation's for `PrincipalId`).
    static let groupIDPattern = "^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$"

    static func parameterName(_ team: Team) -> String { CloudFormation.logicalID(team.key) + "GroupId" }

    /// Parameters for the client's teams without a group ID, each once, in portal order.
    static func parameters(of client: SiteClient, portal: Portal) -> [(String, JSONValue)] {
        portal.teams.filter { team in team.groupID == nil && client.permissionSets.contains { $0.teams.contains(team) } }.map { team in
            (parameterName(team), .object([
                ("Type", .string("String")),
                ("Description", .string(CloudFormation.description("Identity Store ID of the group '\(team.group)' (team \(team.name)): aws identitystore get-group-id", limit: 1000))),
                ("AllowedPattern", .string(groupIDPattern)),
            ]))
        }
    }

    /// The assignments of `set` (the template's resource `permissionSetResource`) to its teams.
    static func resources(of set: PermissionSet, permissionSetResource: String, portal: Portal) -> [(String, JSONValue)] {
        set.teams.map { team in
            let principal: JSONValue = team.groupID.map(JSONValue.string) ?? .object([("Ref", .string(parameterName(team)))])
            return (permissionSetResource + CloudFormation.logicalID(team.key) + "Assignment", .object([
                ("Type", .string("AWS::SSO::Assignment")),
                ("Properties", .object([
                    ("InstanceArn", .object([("Ref", .string("InstanceArn"))])),
                    ("PermissionSetArn", .object([("Fn::GetAtt", .array([.string(permissionSetResource), .string("PermissionSetArn")]))])),
                    ("PrincipalType", .string("GROUP")),
                    ("PrincipalId", principal),
                    ("TargetType", .string("AWS_ACCOUNT")),
                    ("TargetId", .string(portal.homeAccountID)),
                ])),
            ]))
        }
    }
}
