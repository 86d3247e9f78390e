import AccordCore
import AccordStore
import Foundation
import Hummingbird

/// The portfolio list, the alliance page, its create/edit/delete forms and its team.
struct AlliancesController {
    let services: Services
    var store: Store { services.store }

    func register(_ router: Router<AppContext>) {
        router.get(RouterPath(Site.home.pattern)) { _, _ in redirect(Site.alliances.pattern) }
        router.get(RouterPath(Site.alliances.pattern)) { request, context in try await index(request, context) }
        router.get(RouterPath(Site.newAlliance.pattern)) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .createAlliance)
            var input = AllianceInput()
            (input.status, input.phase, input.tier, input.transition) = ("launching", "initiation", "tier_2", "start_up")
            // The person creating an alliance usually runs it: name them, so they can keep editing it.
            if user.user.role == .allianceManager { input.ourManagerID = user.user.personID?.uuidString }
            return try await form(context, input: input, errors: [], alliance: nil, status: .ok)
        }
        router.post(RouterPath(Site.alliances.pattern)) { request, context in try await create(request, context) }
        router.get(RouterPath(Site.alliance.pattern)) { request, context in
            try await show(
                context, id: try context.id("id"), notice: LayoutModel.notice(request.queryValues["notice"]),
                personSearch: try ChoiceField.typed(request.queryValues["person_q"], field: "person_q"))
        }
        router.get(RouterPath(Site.editAlliance.pattern)) { _, context in
            let user = try context.requireUser()
            let alliance = try await services.visibleAlliance(context.id("id"), user)
            try AccessPolicy.require(user.principal, .editAlliance(alliance.id))
            return try await form(context, input: AllianceInput(alliance), errors: [], alliance: alliance, status: .ok)
        }
        router.post(RouterPath(Site.editAlliance.pattern)) { request, context in try await update(request, context) }
        router.post(RouterPath(Site.deleteAlliance.pattern)) { request, context in
            let user = try context.requireUser()
            let alliance = try await services.visibleAlliance(context.id("id"), user)
            try AccessPolicy.require(user.principal, .deleteAlliance(alliance.id))
            _ = try await FormData.read(request, context: context)
            try await store.alliances.delete(alliance.id, by: services.actor(user))
            return redirect(Site.alliances.pattern, .deleted)
        }
        router.get(RouterPath(Site.partnerChoices.pattern)) { request, context in
            let text = try choiceSearch(request, context)
            return try ChoiceJSON.response(
                try await store.organizations.names(kind: .partner, matching: text, limit: ChoiceField.matchLimit).map { ($0.id, $0.name) })
        }
        router.get(RouterPath(Site.managerChoices.pattern)) { request, context in
            let text = try choiceSearch(request, context)
            return try ChoiceJSON.response(
                try await store.alliances.managerChoices(matching: text, limit: ChoiceField.matchLimit).map { ($0.id, $0.name) })
        }
        AllianceTeamController(services: services).register(router)
    }

    /// The typed text of a portfolio filter's completion; the partner and manager filters are internal users' only.
    private func choiceSearch(_ request: Request, _ context: AppContext) throws -> String? {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .viewPortfolio)
        guard user.principal.role.isInternal else { throw DomainError.forbidden("Only your own organisation's users filter by partner.") }
        return try ChoiceJSON.text(request)
    }

    func index(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .viewPortfolio)
        let params = request.queryValues
        var query = try AccessPolicy.scoped(try AllianceQuery.parse(params), for: user.principal)
        let internalUser = user.principal.role.isInternal
        var partner: ChoiceField?
        var manager: ChoiceField?
        if internalUser {
            // Select lists while they are short, search fields (by name, typed or completed) once they are long.
            partner = try await ChoiceField.resolve(
                id: query.partnerID, typed: try ChoiceField.typed(params["partner_name"], field: "partner_name"), noun: "partner",
                blank: "All partners",
                count: { try await store.organizations.count(kind: .partner, upTo: $0) },
                lookup: { try await store.organizations.names(kind: .partner, matching: $0, limit: $1) },
                name: { try await store.organizations.find($0)?.name })
            manager = try await ChoiceField.resolve(
                id: query.managerID, typed: try ChoiceField.typed(params["manager_name"], field: "manager_name"), noun: "alliance manager",
                blank: "All managers",
                count: { try await store.alliances.managerCount(upTo: $0) },
                lookup: { try await store.alliances.managerChoices(matching: $0, limit: $1) },
                name: { try await store.people.find($0)?.name })
            query.partnerID = partner?.chosen
            query.managerID = manager?.chosen
        }
        let matchesNothing = partner?.matchesNothing == true || manager?.matchesNothing == true
        let page =
            matchesNothing ? Page(items: [], total: 0, page: 1, perPage: query.perPage) : try await store.alliances.list(query)
        let (attention, bodies) = try await GovernanceService(store).governanceAttention(
            allianceIDs: page.items.map(\.alliance.id), user.principal)
        let model = AllianceListPage(
            layout: LayoutModel(title: "Portfolio", context: context, section: "alliances", notice: LayoutModel.notice(params["notice"])),
            page: page, query: query, params: params, partner: partner, manager: manager,
            canCreate: AccessPolicy.allows(user.principal, .createAlliance), showPartnerFilters: internalUser,
            health: AccessPolicy.allows(user.principal, .viewHealthPortfolio)
                ? try await HealthService(services).healthSnapshots(page.items.map(\.alliance.id)) : nil,
            governance: attention.byAlliance(bodies: bodies))
        return services.views.page(model)
    }

    func show(
        _ context: AppContext, id: UUID, notice: String?, memberError: String? = nil, personSearch: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await services.visibleAlliance(id, user)
        guard let partner = try await store.organizations.find(alliance.partnerID) else { throw DomainError.notFound("No such partner.") }
        let members = try await store.alliances.members(of: id)
        let named = [alliance.ourSponsorID, alliance.ourManagerID, alliance.partnerSponsorID, alliance.partnerManagerID].compactMap { $0 }
        let people = try await store.people.find(ids: members.map(\.personID) + named)
        var picker: TeamPicker?
        if AccessPolicy.allows(user.principal, .manageTeam(id)) {
            let team = AllianceTeamController(services: services)
            picker = try await TeamPicker.resolve(
                search: personSearch, count: { try await team.candidateCount(alliance, upTo: $0) },
                candidates: { try await team.candidates(alliance, matching: $0, limit: $1) })
        }
        let history =
            AccessPolicy.allows(user.principal, .viewAllianceHistory(id)) ? try await store.audit.history(allianceID: id, limit: 100) : []
        let referenced = AllianceHistory.referencedIDs(history)
        var names = try await store.people.find(ids: referenced).mapValues(\.name)
        names.merge(try await store.organizations.names(ids: referenced)) { person, _ in person }
        let model = AllianceShowPage(
            layout: LayoutModel(title: alliance.name, context: context, section: "alliances", notice: notice), alliance: alliance,
            partner: partner, members: members, people: people, picker: picker, history: history,
            historyNames: AllianceHistory(names: names), principal: user.principal,
            memberError: memberError,
            attention: try await GovernanceService(store).governanceAttention(allianceIDs: [id], user.principal).0,
            lifecycleFlag: try await LifecycleService(store).lifecycleFlag(alliance, members: members, people: people, user.principal))
        return services.views.page(model, status: status)
    }

    func form(_ context: AppContext, input: AllianceInput, errors: [FieldError], alliance: Alliance?, status: HTTPResponse.Status)
        async throws -> Response
    {
        let organizations = try await store.organizations.list()
        let partners = organizations.filter { $0.kind == .partner }
        let ours = organizations.filter { $0.kind == .ours }.map(\.id)
        let page = AllianceFormPage(
            partners: partners, ourPeople: try await store.people.all(organizationIDs: ours),
            partnerPeople: try await store.people.all(organizationIDs: partners.map(\.id)),
            organizationNames: Dictionary(uniqueKeysWithValues: organizations.map { ($0.id, $0.name) }))
        let heading = alliance.map { "Edit \($0.name)" } ?? "New alliance"
        let model = page.model(
            layout: LayoutModel(title: heading, context: context, section: "alliances"), input: input, errors: errors,
            action: alliance.map { Site.editAlliance.path($0.id) } ?? Site.alliances.pattern, heading: heading,
            cancel: alliance.map { Site.alliance.path($0.id) } ?? Site.alliances.pattern, version: alliance?.version)
        return try services.views.page(model, .form, status: status)
    }

    func create(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .createAlliance)
        let input = AllianceFormPage.input(from: try await FormData.read(request, context: context))
        do {
            let alliance = try await store.alliances.create(try input.validate(), by: services.actor(user))
            return redirect(Site.alliance.path(alliance.id), .created)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await form(context, input: input, errors: error.fieldErrors, alliance: nil, status: .unprocessableContent)
        }
    }

    func update(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await services.visibleAlliance(context.id("id"), user)
        try AccessPolicy.require(user.principal, .editAlliance(alliance.id))
        let form = try await FormData.read(request, context: context)
        let input = AllianceFormPage.input(from: form)
        do {
            _ = try await store.alliances.update(
                alliance.id, try input.validate(), expectedVersion: form["version"].flatMap { Int($0) }, by: services.actor(user))
            return redirect(Site.alliance.path(alliance.id), .updated)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await self.form(context, input: input, errors: error.fieldErrors, alliance: alliance, status: .unprocessableContent)
        }
    }
}

extension AppContext {
    /// A UUID path parameter; anything else is a page that does not exist.
    func id(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw DomainError.notFound("There is no such record.")
        }
        return id
    }
}
