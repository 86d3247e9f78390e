import AccordCore
import Foundation
import Hummingbird

/// Our company and the partners: list, page, create, edit, delete.
struct OrganizationsController {
    let views: Views
    let directory: DirectoryService

    struct IndexModel: PageModel {
        struct Row: Sendable {
            let name: String
            let href: String
            let kind: String
            let country: String
        }
        let layout: LayoutModel
        let rows: [Row]
        let isEmpty: Bool
        let text: String
        let summary: String
        let previousHref: String?
        let nextHref: String?
        let canEdit: Bool
        let newHref = Site.newOrganization.pattern
        let organizationsHref = Site.organizations.pattern
    }

    struct ShowModel: PageModel {

        /// Where the breadcrumb or form leads (the route table, not a path written in the template).

        let organizationsHref = Site.organizations.pattern
        struct PersonRow: Sendable {
            let name: String
            let href: String
            let title: String
            let function: String
            let level: String
        }
        struct AllianceRow: Sendable {
            let name: String
            let href: String
            let phase: String
            let status: String
        }
        let layout: LayoutModel
        let name: String
        let kind: String
        let country: String
        let website: String?
        let notes: String?
        let people: [PersonRow]
        let alliances: [AllianceRow]
        let hasAlliances: Bool
        let canEdit: Bool
        let editHref: String
        let deleteHref: String
        let newPersonHref: String
        let cultureHref: String
    }

    func register(_ router: Router<AppContext>) {
        router.get(Site.organizations) { request, context in
            let user = try context.requireUser()
            let params = request.queryValues
            var v = Validator()
            let text = v.optionalText(params["q"], "q", "Search", max: 100)
            let page = v.page(params["page"])
            try v.check()
            let found = try await directory.organizations(matching: text, page: page, perPage: 50, user)
            let rows = found.items.map {
                IndexModel.Row(name: $0.name, href: Site.organization.path($0.id), kind: $0.kind.label, country: $0.country ?? "")
            }
            func link(_ page: Int) -> String { DirectoryPaging.href(Site.organizations, page: page, [("q", text)]) }
            let layout = LayoutModel(
                title: "Organisations", context: context, section: "organizations", notice: LayoutModel.notice(params["notice"]))
            let model = IndexModel(
                layout: layout, rows: rows, isEmpty: rows.isEmpty, text: text ?? "",
                summary: found.total == 0
                    ? (text == nil ? "Our company and every partner." : "No organisations")
                    : "Showing \(found.firstIndex)–\(found.lastIndex) of \(found.total) organisations",
                previousHref: found.hasPrevious ? link(page - 1) : nil, nextHref: found.hasNext ? link(page + 1) : nil,
                canEdit: AccessPolicy.allows(user.principal, .editDirectory))
            return try views.page(model, .organizationsIndex)
        }
        router.get(Site.organizationChoices) { request, context in
            let names = try await directory.organizationSuggestions(matching: try ChoiceJSON.text(request), try context.requireUser())
            return try ChoiceJSON.response(names.map { ($0.id, $0.name) })
        }
        router.get(Site.organization) { request, context in try await show(request, context) }
        RecordForms(
            records: directory.organizations, list: Site.organizations, new: Site.newOrganization, show: Site.organization,
            edit: Site.editOrganization, delete: Site.deleteOrganization, id: \.id, blank: { _ in OrganizationInput(kind: "partner") },
            input: Self.input, current: OrganizationInput.init, form: form
        ).register(router)
    }

    static func input(_ form: FormData) -> OrganizationInput {
        OrganizationInput(name: form["name"], kind: form["kind"], country: form["country"], website: form["website"], notes: form["notes"])
    }

    func show(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let org = try await directory.organizations.find(Site.organization.id(in: context), user)
        let people = try await directory.people(of: org).map {
            ShowModel.PersonRow(
                name: $0.name, href: Site.person.path($0.id), title: $0.title ?? "", function: $0.function.label, level: $0.level.label)
        }
        let alliances = try await directory.alliances(with: org, user).map {
            ShowModel.AllianceRow(name: $0.name, href: Site.alliance.path($0.id), phase: $0.phase.label, status: $0.status.label)
        }
        let model = ShowModel(
            layout: LayoutModel(
                title: org.name, context: context, section: "organizations", notice: LayoutModel.notice(request.queryValues["notice"])),
            name: org.name, kind: org.kind.label, country: org.country ?? "—", website: org.website, notes: org.notes, people: people,
            alliances: alliances, hasAlliances: !alliances.isEmpty, canEdit: AccessPolicy.allows(user.principal, .editDirectory),
            editHref: Site.editOrganization.path(org.id), deleteHref: Site.deleteOrganization.path(org.id),
            newPersonHref: Site.newPerson.pattern + "?organization=" + org.id.lowercaseText,
            cultureHref: Site.culture.path(org.id))
        return try views.page(model, .organizationsShow)
    }

    func form(
        _ context: AppContext, _ input: OrganizationInput, _ errors: [FieldError], _ org: Organization?, _ status: HTTPResponse.Status,
        _ posted: FormData? = nil
    )
        async throws -> Response
    {
        let heading = org.map { "Edit \($0.name)" } ?? "New organisation"
        let model = FormModel(
            layout: LayoutModel(title: heading, context: context, section: "organizations"), heading: heading,
            action: org.map { Site.editOrganization.path($0.id) } ?? Site.organizations.pattern, submitLabel: "Save organisation",
            cancelHref: org.map { Site.organization.path($0.id) } ?? Site.organizations.pattern, version: org?.version,
            fieldsets: [
                FieldsetModel(
                    legend: "Organisation",
                    fields: [
                        FieldModel(.text, "name", "Name", value: input.name, errors: errors, required: true, maxLength: 120),
                        FieldModel(
                            .select, "kind", "Kind", value: input.kind, errors: errors, required: true,
                            options: OptionModel.list(OrganizationKind.self, selected: input.kind)),
                        FieldModel(.text, "country", "Country", value: input.country, errors: errors, maxLength: 80),
                        FieldModel(.text, "website", "Website", value: input.website, errors: errors, hint: "https://…", maxLength: 200),
                        FieldModel(.textarea, "notes", "Notes", value: input.notes, errors: errors, maxLength: 4000),
                    ])
            ], errors: errors)
        return try views.page(model, .form, status: status)
    }
}
