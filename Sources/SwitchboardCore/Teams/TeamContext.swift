/// A team as templates see it: on every access level, in the home page's team chooser, in the
/// access matrix and the access statement.
struct TeamContext: Encodable, TemplateRepresentable {
    let key: String
    let name: String
    let group: String
    let description: String

    init(_ team: Team) {
        key = team.key
        name = team.name
        group = team.group
        description = team.description
    }

    var templateValue: TemplateValue {
        .members([
            "key": key.templateValue, "name": name.templateValue, "group": group.templateValue,
            "description": description.templateValue,
        ])
    }

    /// `platform-oncall engineers`: what the page's script compares with the teams a user chose.
    static func keys(_ teams: [Team]) -> String { teams.map(\.key).joined(separator: " ") }
}
