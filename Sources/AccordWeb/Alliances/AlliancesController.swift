import AccordCore
import Foundation
import Hummingbird

/// The portfolio list, the alliance page, its create/edit/delete forms and its team.
struct AlliancesController {
    let views: Views
    let alliances: AlliancesService
    /// What the portfolio and the alliance page show of the other features.
    let governance: GovernanceService
    let lifecycle: LifecycleService
    let health: HealthService

    func register(_ router: Router<AppContext>) {
        router.get(Site.home) { _, _ in redirect(Site.alliances.pattern) }
        router.get(Site.alliances) { request, context in try await index(request, context) }
        router.get(Site.newAlliance) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .createAlliance)
            var input = AllianceInput()
            (input.status, input.phase, input.tier, input.transition) = ("launching", "initiation", "tier_2", "start_up")
            // The person creating an alliance usually runs it: name them, so they can keep editing it.
            if user.user.role == .allianceManager { input.ourManagerID = user.user.personID?.canonicalText }
            return try await form(context, input: input, errors: [], alliance: nil, status: .ok)
        }
        router.post(Site.alliances) { request, context in try await create(request, context) }
        router.get(Site.alliance) { request, context in
            try await show(
                context, id: try Site.allianceID(in: context), notice: LayoutModel.notice(request.queryValues["notice"]),
                personSearch: try ChoiceField.typed(request.queryValues["person_q"], field: "person_q"))
        }
        router.get(Site.editAlliance) { _, context in
            let (_, alliance) = try await alliances.access.page(context)
            try AccessPolicy.require(try context.requireUser().principal, .editAlliance(alliance.id))
            return try await form(context, input: AllianceInput(alliance), errors: [], alliance: alliance, status: .ok)
        }
        router.post(Site.editAlliance) { request, context in try await update(request, context) }
        router.post(Site.deleteAlliance) { request, context in
            let (user, alliance) = try await alliances.access.page(context)
            try AccessPolicy.require(user.principal, .deleteAlliance(alliance.id))
            _ = try await FormData.read(request, context: context)
            try await alliances.delete(alliance, by: user)
            return redirect(Site.alliances.pattern, .deleted)
        }
        for (route, kind) in [(Site.partnerChoices, AlliancesService.FilterKind.partner), (Site.managerChoices, .manager)] {
            router.get(route) { request, context in
                let user = try context.requireUser()
                try AccessPolicy.require(user.principal, .viewPortfolio)
                let names = try await alliances.filterChoices(kind, matching: try ChoiceJSON.text(request), user)
                return try ChoiceJSON.response(names.map { ($0.id, $0.name) })
            }
        }
        AllianceTeamController(team: alliances.team, access: alliances.access, alliancePages: self).register(router)
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
            partner = try await alliances.partnerFilter(
                id: query.partnerID, typed: try ChoiceField.typed(params["partner_name"], field: "partner_name"))
            manager = try await alliances.managerFilter(
                id: query.managerID, typed: try ChoiceField.typed(params["manager_name"], field: "manager_name"))
            query.partnerID = partner?.chosen
            query.managerID = manager?.chosen
        }
        let matchesNothing = partner?.matchesNothing == true || manager?.matchesNothing == true
        let page =
            matchesNothing ? Page(items: [], total: 0, page: 1, perPage: query.perPage) : try await alliances.list(query, user)
        let late = try await governance.governanceAttention(allianceIDs: page.items.map(\.alliance.id), user.principal)
        let model = AllianceListPage(
            layout: LayoutModel(title: "Portfolio", context: context, section: "alliances", notice: LayoutModel.notice(params["notice"])),
            page: page, query: query, params: params, partner: partner, manager: manager,
            canCreate: AccessPolicy.allows(user.principal, .createAlliance), showPartnerFilters: internalUser,
            health: AccessPolicy.allows(user.principal, .viewHealthPortfolio)
                ? try await health.healthSnapshots(page.items.map(\.alliance.id)) : nil,
            governance: late.byAlliance)
        return views.page(model)
    }

    func show(
        _ context: AppContext, id: UUID, notice: String?, memberError: String? = nil, personSearch: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await alliances.access.visibleAlliance(id, user)
        let o = try await alliances.overview(alliance, user)
        let model = AllianceShowPage(
            layout: LayoutModel(title: alliance.name, context: context, section: "alliances", notice: notice), alliance: alliance,
            partner: o.partner, members: o.members, people: o.people,
            picker: try await alliances.team.picker(alliance, search: personSearch, user), history: o.history,
            historyNames: AllianceHistory(names: o.historyNames), principal: user.principal,
            memberError: memberError,
            attention: try await governance.governanceAttention(allianceIDs: [id], user.principal).attention,
            lifecycleFlag: try await lifecycle.lifecycleFlag(alliance, members: o.members, people: o.people, user.principal))
        return views.page(model, status: status)
    }

    /// The form, shown afresh (`posted` nil) or again after a refused save, with the choices `posted` resolved to.
    func form(
        _ context: AppContext, input: AllianceInput, errors: [FieldError], alliance: Alliance?, status: HTTPResponse.Status,
        posted: AllianceFormPage? = nil
    ) async throws -> Response {
        var input = input
        let page: AllianceFormPage
        if let posted { page = posted } else { page = try await alliances.formChoices(nil, &input).0 }
        let heading = alliance.map { "Edit \($0.name)" } ?? "New alliance"
        let model = page.model(
            layout: LayoutModel(title: heading, context: context, section: "alliances"), input: input, errors: errors,
            action: alliance.map { Site.editAlliance.path($0.id) } ?? Site.alliances.pattern, heading: heading,
            cancel: alliance.map { Site.alliance.path($0.id) } ?? Site.alliances.pattern, version: alliance?.version)
        return try views.page(model, .form, status: status)
    }

    func create(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .createAlliance)
        let posted = try await FormData.read(request, context: context)
        var input = AllianceFormPage.input(from: posted)
        let (choices, unresolved) = try await alliances.formChoices(posted, &input)
        do {
            let alliance = try await alliances.create(try FormChoice.validate(unresolved, input.validate), by: user)
            return redirect(Site.alliance.path(alliance.id), .created)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await form(
                context, input: input, errors: error.fieldErrors, alliance: nil, status: .unprocessableContent, posted: choices)
        }
    }

    func update(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await alliances.access.page(context)
        try AccessPolicy.require(user.principal, .editAlliance(alliance.id))
        let form = try await FormData.read(request, context: context)
        var input = AllianceFormPage.input(from: form)
        let (choices, unresolved) = try await alliances.formChoices(form, &input)
        do {
            _ = try await alliances.update(
                alliance, try FormChoice.validate(unresolved, input.validate), expectedVersion: form["version"].flatMap { Int($0) },
                by: user)
            return redirect(Site.alliance.path(alliance.id), .updated)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await self.form(
                context, input: input, errors: error.fieldErrors, alliance: alliance, status: .unprocessableContent, posted: choices)
        }
    }
}
