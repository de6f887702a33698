/// What each page template sees (README, "Customising templates"). Mustache reads members by
/// name; every value is HTML-escaped by `{{name}}`, and only the Markdown HTML (`html`, `intro`)
/// is meant for `{{{triple}}}` braces. Each context lists its members for templates in
/// `templateValue`; its `Encodable` conformance is the reference a test compares that with.
struct SiteContext: Encodable, TemplateRepresentable {
    let title: String
    let company: String
    let homeAccountID: String
    let partition: String
    let startURL: String

    var templateValue: TemplateValue {
        .members([
            "title": title.templateValue, "company": company.templateValue,
            "homeAccountID": homeAccountID.templateValue, "partition": partition.templateValue,
            "startURL": startURL.templateValue,
        ])
    }
}

struct LinkContext: Encodable, TemplateRepresentable {
    let title: String
    let href: String
    let summary: String?

    var templateValue: TemplateValue {
        .members([
            "title": title.templateValue, "href": href.templateValue, "summary": summary?.templateValue,
        ])
    }
}

struct PageBase: Encodable, TemplateRepresentable {
    /// Prefix from this page back to the portal root (`""`, `"../"`, `"../../"`).
    let root: String
    let site: SiteContext
    /// Site-wide docs, for navigation.
    let nav: [LinkContext]

    var templateValue: TemplateValue {
        .members([
            "root": root.templateValue, "site": site.templateValue, "nav": nav.templateValue,
        ])
    }
}

struct HomePage: Encodable, TemplateRepresentable {
    let page: PageBase
    let title: String
    let intro: String?
    /// The launcher's search index (`launcher/index.js`), loaded after the page has painted.
    let launcherIndex: String
    let clients: [ClientSummary]
    let docs: [LinkContext]
    let accountCount: Int
    /// First all access levels, then one entry per access level.
    let exports: [ExportContext]
    /// Every team, for the chooser of the teams one is in.
    let teams: [TeamContext]

    var templateValue: TemplateValue {
        .members([
            "page": page.templateValue, "title": title.templateValue, "intro": intro?.templateValue,
            "launcherIndex": launcherIndex.templateValue, "clients": clients.templateValue, "docs": docs.templateValue,
            "accountCount": accountCount.templateValue, "exports": exports.templateValue, "teams": teams.templateValue,
        ])
    }
}

struct ExportContext: Encodable, TemplateRepresentable {
    let title: String
    let awsConfig: String
    let aesr: String
    let bookmarks: String

    var templateValue: TemplateValue {
        .members([
            "title": title.templateValue, "awsConfig": awsConfig.templateValue, "aesr": aesr.templateValue,
            "bookmarks": bookmarks.templateValue,
        ])
    }
}

/// A client on the home page: what it takes to find it and go there (the launcher has the rest).
struct ClientSummary: Encodable, TemplateRepresentable {
    let name: String
    let href: String
    let accountCount: Int

    var templateValue: TemplateValue {
        .members(["name": name.templateValue, "href": href.templateValue, "accountCount": accountCount.templateValue])
    }
}

struct PermissionSetContext: Encodable, TemplateRepresentable {
    let name: String
    let level: String
    let description: String
    let signInURL: String

    var templateValue: TemplateValue {
        .members([
            "name": name.templateValue, "level": level.templateValue, "description": description.templateValue,
            "signInURL": signInURL.templateValue,
        ])
    }
}

struct ClientPage: Encodable, TemplateRepresentable {
    let page: PageBase
    let title: String
    let searchLabel: String
    let client: ClientDetails
    let intro: String?
    let accounts: [AccountContext]
    let docs: [LinkContext]
    let permissionSets: [PermissionSetContext]
    let kit: KitContext

    var templateValue: TemplateValue {
        .members([
            "page": page.templateValue, "title": title.templateValue, "searchLabel": searchLabel.templateValue,
            "client": client.templateValue, "intro": intro?.templateValue, "accounts": accounts.templateValue,
            "docs": docs.templateValue, "permissionSets": permissionSets.templateValue, "kit": kit.templateValue,
        ])
    }
}

/// The admin's setup kit of a client, hrefs relative to the client page.
struct KitContext: Encodable, TemplateRepresentable {
    let onboarding: String
    let permissionSetsTemplate: String
    let levels: [KitLevel]
    /// Every account with roles, linking the template it shares with others.
    let accounts: [KitAccount]
    let roleTemplates: [KitRoleTemplate]

    var templateValue: TemplateValue {
        .members([
            "onboarding": onboarding.templateValue, "permissionSetsTemplate": permissionSetsTemplate.templateValue,
            "levels": levels.templateValue, "accounts": accounts.templateValue,
            "roleTemplates": roleTemplates.templateValue,
        ])
    }
}

struct KitLevel: Encodable, TemplateRepresentable {
    let name: String
    let key: String
    let roleName: String
    let rolePath: String
    let permissionSet: String
    let trustPolicy: String
    let inlinePolicy: String
    /// The teams the permission set is assigned to (setup step 3).
    let teams: [TeamContext]

    var templateValue: TemplateValue {
        .members([
            "name": name.templateValue, "key": key.templateValue, "roleName": roleName.templateValue,
            "rolePath": rolePath.templateValue, "permissionSet": permissionSet.templateValue,
            "trustPolicy": trustPolicy.templateValue, "inlinePolicy": inlinePolicy.templateValue,
            "teams": teams.templateValue,
        ])
    }
}

struct KitAccount: Encodable, TemplateRepresentable {
    let name: String
    let id: String
    let template: String

    var templateValue: TemplateValue {
        .members([
            "name": name.templateValue, "id": id.templateValue, "template": template.templateValue,
        ])
    }
}

/// A remote-roles template and the accounts to deploy it in.
struct KitRoleTemplate: Encodable, TemplateRepresentable {
    let name: String
    let template: String
    let accounts: [KitAccount]

    var templateValue: TemplateValue {
        .members([
            "name": name.templateValue, "template": template.templateValue, "accounts": accounts.templateValue,
        ])
    }
}

/// Context of `onboarding.md.mustache` (Markdown, rendered into the `doc` template).
struct OnboardingContext: Encodable, TemplateRepresentable {
    let site: SiteContext
    let client: ClientDetails
    let externalID: String?
    let instanceARN: String?
    let kit: KitContext

    var templateValue: TemplateValue {
        .members([
            "site": site.templateValue, "client": client.templateValue, "externalID": externalID?.templateValue,
            "instanceARN": instanceARN?.templateValue, "kit": kit.templateValue,
        ])
    }
}

/// The access matrix: one row per client, one column per access level. The roles each permission
/// set reaches are in the client's access statement and in `access.json`.
struct AccessPage: Encodable, TemplateRepresentable {
    let page: PageBase
    let title: String
    let searchLabel = "Search clients, permission sets and teams"
    let levels: [String]
    let clients: [AccessClient]
    let manifest: String

    var templateValue: TemplateValue {
        .members([
            "page": page.templateValue, "title": title.templateValue, "searchLabel": searchLabel.templateValue,
            "levels": levels.templateValue, "clients": clients.templateValue, "manifest": manifest.templateValue,
        ])
    }
}

struct AccessClient: Encodable, TemplateRepresentable {
    let name: String
    let href: String
    let statement: String
    let accountCount: Int
    let searchText: String
    /// One per access level of the portal, in portal order.
    let cells: [AccessCell]

    var templateValue: TemplateValue {
        .members([
            "name": name.templateValue, "href": href.templateValue, "statement": statement.templateValue,
            "accountCount": accountCount.templateValue, "searchText": searchText.templateValue,
            "cells": cells.templateValue,
        ])
    }
}

/// An access level at a client: its permission set and the teams that hold it, or nil when none
/// of the client's accounts has the level.
struct AccessCell: Encodable, TemplateRepresentable {
    let permissionSet: AccessPermissionSet?

    var templateValue: TemplateValue { .members(["permissionSet": permissionSet?.templateValue]) }
}

struct AccessPermissionSet: Encodable, TemplateRepresentable {
    let name: String
    let teams: [TeamContext]

    var templateValue: TemplateValue { .members(["name": name.templateValue, "teams": teams.templateValue]) }
}

struct ClientDetails: Encodable, TemplateRepresentable {
    let name: String
    let slug: String
    let description: String?
    let contacts: [Contact]

    var templateValue: TemplateValue {
        .members([
            "name": name.templateValue, "slug": slug.templateValue, "description": description?.templateValue,
            "contacts": contacts.templateValue,
        ])
    }
}

struct AccountContext: Encodable, TemplateRepresentable {
    let anchor: String
    let searchText: String
    let id: String
    let name: String
    let alias: String?
    let environment: String
    let region: String
    let tags: [String]
    let roles: [RoleContext]

    var templateValue: TemplateValue {
        .members([
            "anchor": anchor.templateValue, "searchText": searchText.templateValue, "id": id.templateValue,
            "name": name.templateValue, "alias": alias?.templateValue, "environment": environment.templateValue,
            "region": region.templateValue, "tags": tags.templateValue, "roles": roles.templateValue,
        ])
    }
}

struct RoleContext: Encodable, TemplateRepresentable {
    /// `slug/accountID/levelKey`: identifies the launch for favourites and recents.
    let key: String
    /// `Client · Account · Level`, for favourites and recents.
    let label: String
    let searchText: String
    let level: String
    let levelKey: String
    let description: String
    let color: String
    let colorHex: String
    let roleName: String
    let rolePath: String
    let roleARN: String
    /// The ARN and the profile name escaped for HTML, with line breaks allowed after `/` and `:`.
    let roleARNBreakable: String
    let permissionSet: String
    let displayName: String
    let signInURL: String
    let switchRoleURL: String
    let profileName: String
    let profileNameBreakable: String
    /// The teams assigned the permission set, and their keys for the page's script.
    let teams: [TeamContext]
    let teamKeys: String
    let requestAccessURL: String?

    var templateValue: TemplateValue {
        .members([
            "key": key.templateValue, "label": label.templateValue, "searchText": searchText.templateValue,
            "level": level.templateValue, "levelKey": levelKey.templateValue,
            "description": description.templateValue, "color": color.templateValue,
            "colorHex": colorHex.templateValue, "roleName": roleName.templateValue,
            "rolePath": rolePath.templateValue, "roleARN": roleARN.templateValue,
            "roleARNBreakable": roleARNBreakable.templateValue, "profileNameBreakable": profileNameBreakable.templateValue,
            "permissionSet": permissionSet.templateValue, "displayName": displayName.templateValue,
            "signInURL": signInURL.templateValue, "switchRoleURL": switchRoleURL.templateValue,
            "profileName": profileName.templateValue, "teams": teams.templateValue, "teamKeys": teamKeys.templateValue,
            "requestAccessURL": requestAccessURL?.templateValue,
        ])
    }
}

struct DocPage: Encodable, TemplateRepresentable {
    let page: PageBase
    let title: String
    let summary: String?
    let html: String
    let headings: [DocumentHeading]
    /// The page this doc belongs to: the home page or its client's page.
    let parent: LinkContext

    var templateValue: TemplateValue {
        .members([
            "page": page.templateValue, "title": title.templateValue, "summary": summary?.templateValue,
            "html": html.templateValue, "headings": headings.templateValue, "parent": parent.templateValue,
        ])
    }
}

struct NotFoundPage: Encodable, TemplateRepresentable {
    let page: PageBase
    let title: String

    var templateValue: TemplateValue { .members(["page": page.templateValue, "title": title.templateValue]) }
}

extension DocumentHeading: TemplateRepresentable {
    var templateValue: TemplateValue {
        .members([
            "level": level.templateValue, "text": text.templateValue, "id": id.templateValue,
        ])
    }
}

extension Contact: TemplateRepresentable {
    var templateValue: TemplateValue {
        .members([
            "name": name.templateValue, "email": email?.templateValue, "role": role?.templateValue,
            "phone": phone?.templateValue,
        ])
    }
}
