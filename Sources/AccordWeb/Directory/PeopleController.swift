import AccordCore
import Foundation
import Hummingbird

/// People at our company and at partners: a searchable, paged directory, a page each, and forms.
struct PeopleController {
    let views: Views
    let directory: DirectoryService

    struct IndexModel: PageModel {

        /// Where the breadcrumb or form leads (the route table, not a path written in the template).

        let peopleHref = Site.people.pattern
        struct Row: Sendable {
            let name: String
            let href: String
            let organization: String
            let title: String
            let function: String
            let level: String
        }
        let layout: LayoutModel
        let rows: [Row]
        let isEmpty: Bool
        let text: String
        let organizationChoice: ChoiceInputModel
        let summary: String
        let previousHref: String?
        let nextHref: String?
        let canEdit: Bool
        let newHref = Site.newPerson.pattern
    }

    struct ShowModel: PageModel {

        /// Where the breadcrumb or form leads (the route table, not a path written in the template).

        let peopleHref = Site.people.pattern
        struct AllianceRow: Sendable {
            let name: String
            let href: String
        }
        let layout: LayoutModel
        let name: String
        let email: String
        let title: String
        let organization: String
        let organizationHref: String
        let function: String
        let level: String
        let alliances: [AllianceRow]
        let hasAlliances: Bool
        let canEdit: Bool
        let editHref: String
        let deleteHref: String
    }

    func register(_ router: Router<AppContext>) {
        router.get(Site.people) { request, context in try await index(request, context) }
        router.get(Site.person) { request, context in try await show(request, context) }
        router.get(Site.peopleChoices) { request, context in
            let user = try context.requireUser()
            let scope = try DirectoryChoices.scope(among: request.queryValues["among"])
            return try ChoiceJSON.response(try await directory.personSuggestions(scope, matching: try ChoiceJSON.text(request), user))
        }
        RecordForms(
            records: directory.people, list: Site.people, new: Site.newPerson, show: Site.person, edit: Site.editPerson,
            delete: Site.deletePerson, id: \.id, blank: { PersonInput(organizationID: $0.queryValues["organization"]) },
            input: Self.input, current: PersonInput.init,
            choose: { [directory] form, input in
                let organization = try await FormChoice.resolve(
                    form, "organizationID", label: "Organisation", current: nil,
                    directory.organizationSource(blank: Self.chooseOrganization))
                input.organizationID = organization.value
                return [organization.error].compactMap { $0 }
            }, form: form
        ).register(router)
    }

    static func input(_ form: FormData) -> PersonInput {
        PersonInput(
            organizationID: form["organizationID"], name: form["name"], email: form["email"], title: form["title"],
            function: form["function"], level: form["level"])
    }

    func index(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .viewDirectory)
        let params = request.queryValues
        var v = Validator()
        let linked = v.optionalID(params["organization"], "organization", "Organisation")
        let text = v.optionalText(params["q"], "q", "Search", max: 100)
        let page = v.page(params["page"])
        try v.check()
        // A select list of organisations while few, a search field (typed, completed, or a match picked) once many.
        let picked = params["organization_pick"].flatMap(UUID.init(canonical:))
        let choice = try await ChoiceField.resolve(
            id: picked ?? linked,
            typed: picked == nil ? try ChoiceField.typed(params["organization_name"], field: "organization_name") : nil,
            directory.organizationSource(blank: "All organisations"))
        let organization = choice.chosen
        let result =
            choice.matchesNothing
            ? Page(items: [], total: 0, page: 1, perPage: 50)
            : try await directory.people(organization: organization, text: text, page: page, perPage: 50, user)
        let names = try await directory.organizationNames(result.items.map(\.organizationID))
        func link(_ page: Int) -> String {
            DirectoryPaging.href(Site.people, page: page, [("organization", organization?.lowercaseText), ("q", text)])
        }
        let model = IndexModel(
            layout: LayoutModel(title: "People", context: context, section: "people", notice: LayoutModel.notice(params["notice"])),
            rows: result.items.map {
                IndexModel.Row(
                    name: $0.name, href: Site.person.path($0.id), organization: names[$0.organizationID] ?? "", title: $0.title ?? "",
                    function: $0.function.label, level: $0.level.label)
            }, isEmpty: result.items.isEmpty, text: text ?? "",
            organizationChoice: ChoiceInputModel(
                choice, id: "people-org", name: "organization", label: "Organisation", placeholder: "All organisations: type a name",
                filter: true),
            summary: result.total == 0 ? "No people" : "Showing \(result.firstIndex)–\(result.lastIndex) of \(result.total) people",
            previousHref: result.hasPrevious ? link(page - 1) : nil, nextHref: result.hasNext ? link(page + 1) : nil,
            canEdit: AccessPolicy.allows(user.principal, .editDirectory))
        return try views.page(model, .peopleIndex)
    }

    func show(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let person = try await directory.people.find(Site.person.id(in: context), user)
        let org = try await directory.organization(of: person)
        let alliances = try await directory.alliances(of: person).map {
            ShowModel.AllianceRow(name: $0.name, href: Site.alliance.path($0.id))
        }
        let model = ShowModel(
            layout: LayoutModel(
                title: person.name, context: context, section: "people", notice: LayoutModel.notice(request.queryValues["notice"])),
            name: person.name, email: person.email, title: person.title ?? "—", organization: org?.name ?? "",
            organizationHref: Site.organization.path(person.organizationID), function: person.function.label, level: person.level.label,
            alliances: alliances, hasAlliances: !alliances.isEmpty, canEdit: AccessPolicy.allows(user.principal, .editDirectory),
            editHref: Site.editPerson.path(person.id), deleteHref: Site.deletePerson.path(person.id))
        return try views.page(model, .peopleShow)
    }

    static let chooseOrganization = "Choose an organisation"

    func form(
        _ context: AppContext, _ input: PersonInput, _ errors: [FieldError], _ person: Person?, _ status: HTTPResponse.Status,
        _ posted: FormData?
    ) async throws -> Response {
        try AccessPolicy.require(try context.requireUser().principal, .viewDirectory)
        let organization = try await FormChoice.resolve(
            posted, "organizationID", label: "Organisation", current: input.organizationID,
            directory.organizationSource(blank: Self.chooseOrganization))
        let heading = person.map { "Edit \($0.name)" } ?? "New person"
        let model = FormModel(
            layout: LayoutModel(title: heading, context: context, section: "people"), heading: heading,
            action: person.map { Site.editPerson.path($0.id) } ?? Site.people.pattern, submitLabel: "Save person",
            cancelHref: person.map { Site.person.path($0.id) } ?? Site.people.pattern, version: person?.version,
            fieldsets: [
                FieldsetModel(
                    legend: "Person",
                    fields: [
                        FieldModel(.text, "name", "Name", value: input.name, errors: errors, required: true, maxLength: 120),
                        FieldModel(.email, "email", "Email", value: input.email, errors: errors, required: true, maxLength: 254),
                        .choice(
                            organization.field, "organizationID", "Organisation", errors: errors, required: true,
                            placeholder: "Type the organisation's name"),
                        FieldModel(.text, "title", "Job title", value: input.title, errors: errors, maxLength: 120),
                        FieldModel(
                            .select, "function", "Function", value: input.function, errors: errors, required: true,
                            options: OptionModel.list(BusinessFunction.self, selected: input.function, blank: "Choose a function")),
                        FieldModel(
                            .select, "level", "Level", value: input.level, errors: errors, required: true,
                            options: OptionModel.list(Level.self, selected: input.level, blank: "Choose a level")),
                    ])
            ], errors: errors)
        return try views.page(model, .form, status: status)
    }
}
