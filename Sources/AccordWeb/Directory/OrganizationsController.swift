import AccordCore
import AccordStore
import Foundation
import Hummingbird

/// Our company and the partners: list, page, create, edit, delete.
struct OrganizationsController {
    let services: Services
    var store: Store { services.store }

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
        let canEdit: Bool
        let newHref = Site.newOrganization.pattern
    }

    struct ShowModel: PageModel {
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
        router.get(RouterPath(Site.organizations.pattern)) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .viewDirectory)
            let rows = try await store.organizations.list().map {
                IndexModel.Row(name: $0.name, href: Site.organization.path($0.id), kind: $0.kind.label, country: $0.country ?? "")
            }
            let layout = LayoutModel(
                title: "Organisations", context: context, section: "organizations",
                notice: LayoutModel.notice(request.queryValues["notice"]))
            return try services.views.page(
                IndexModel(layout: layout, rows: rows, isEmpty: rows.isEmpty, canEdit: AccessPolicy.allows(user.principal, .editDirectory)),
                .organizationsIndex)
        }
        router.get(RouterPath(Site.newOrganization.pattern)) { _, context in
            try AccessPolicy.require(try context.requireUser().principal, .editDirectory)
            return try form(context, OrganizationInput(kind: "partner"), [], nil, .ok)
        }
        router.post(RouterPath(Site.organizations.pattern)) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .editDirectory)
            let input = Self.input(try await FormData.read(request, context: context))
            do {
                let org = try await store.organizations.create(try input.validate(), by: services.actor(user))
                return redirect(Site.organization.path(org.id), .created)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try form(context, input, error.fieldErrors, nil, .unprocessableContent)
            }
        }
        router.get(RouterPath(Site.organization.pattern)) { request, context in try await show(request, context) }
        router.get(RouterPath(Site.editOrganization.pattern)) { _, context in
            try AccessPolicy.require(try context.requireUser().principal, .editDirectory)
            let org = try await find(context.id("id"))
            return try form(context, OrganizationInput(org), [], org, .ok)
        }
        router.post(RouterPath(Site.editOrganization.pattern)) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .editDirectory)
            let org = try await find(context.id("id"))
            let data = try await FormData.read(request, context: context)
            let input = Self.input(data)
            do {
                _ = try await store.organizations.update(
                    org.id, try input.validate(), expectedVersion: data["version"].flatMap { Int($0) }, by: services.actor(user))
                return redirect(Site.organization.path(org.id), .updated)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try form(context, input, error.fieldErrors, org, .unprocessableContent)
            }
        }
        router.post(RouterPath(Site.deleteOrganization.pattern)) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .editDirectory)
            let org = try await find(context.id("id"))
            _ = try await FormData.read(request, context: context)
            try await store.organizations.delete(org.id, by: services.actor(user))
            return redirect(Site.organizations.pattern, .deleted)
        }
    }

    func find(_ id: UUID) async throws -> Organization {
        guard let org = try await store.organizations.find(id) else { throw DomainError.notFound("No such organisation.") }
        return org
    }

    static func input(_ form: FormData) -> OrganizationInput {
        OrganizationInput(name: form["name"], kind: form["kind"], country: form["country"], website: form["website"], notes: form["notes"])
    }

    func show(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .viewDirectory)
        let org = try await find(context.id("id"))
        let people = try await store.people.all(organizationIDs: [org.id]).map {
            ShowModel.PersonRow(
                name: $0.name, href: Site.person.path($0.id), title: $0.title ?? "", function: $0.function.label, level: $0.level.label)
        }
        var query = AllianceQuery()
        query.partnerID = org.id
        query.perPage = AllianceQuery.maxPerPage
        let alliances =
            org.kind == .partner
            ? try await store.alliances.list(query).items.map {
                ShowModel.AllianceRow(
                    name: $0.alliance.name, href: Site.alliance.path($0.alliance.id), phase: $0.alliance.phase.label,
                    status: $0.alliance.status.label)
            } : []
        let model = ShowModel(
            layout: LayoutModel(
                title: org.name, context: context, section: "organizations", notice: LayoutModel.notice(request.queryValues["notice"])),
            name: org.name, kind: org.kind.label, country: org.country ?? "—", website: org.website, notes: org.notes, people: people,
            alliances: alliances, hasAlliances: !alliances.isEmpty, canEdit: AccessPolicy.allows(user.principal, .editDirectory),
            editHref: Site.editOrganization.path(org.id), deleteHref: Site.deleteOrganization.path(org.id),
            newPersonHref: Site.newPerson.pattern + "?organization=" + org.id.uuidString.lowercased(),
            cultureHref: Site.culture.path(org.id))
        return try services.views.page(model, .organizationsShow)
    }

    func form(
        _ context: AppContext, _ input: OrganizationInput, _ errors: [FieldError], _ org: Organization?, _ status: HTTPResponse.Status
    )
        throws -> Response
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
        return try services.views.page(model, .form, status: status)
    }
}
