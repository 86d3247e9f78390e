import AccordCore
import Foundation
import Hummingbird

/// An alliance's obligations: the timeline of due dates, trigger events, the obligation form, and recording what
/// was executed.
struct ObligationsController {
    let views: Views
    let obligations: ObligationsService

    func register(_ router: Router<AppContext>) {
        router.get(Site.obligations) { request, context in
            let user = try context.requireUser()
            let alliance = try await obligations.access.visibleAlliance(Site.allianceID(in: context), user)
            return try await page(context, alliance, user: user, notice: LayoutModel.notice(request.queryValues["notice"]))
        }
        router.get(Site.obligationsCSV) { _, context in
            let user = try context.requireUser()
            return try await ObligationsAPI.csvResponse(
                obligations, try await obligations.access.visibleAlliance(Site.allianceID(in: context), user), user)
        }
        router.get(Site.newObligation) { _, context in
            let (_, alliance) = try await managed(context)
            return try await form(
                context, alliance, input: ObligationInput(dueMode: "fixed", recurrence: "once"), obligation: nil, errors: [])
        }
        router.post(Site.obligations) { request, context in try await save(request, context, existing: nil) }
        router.get(Site.editObligation) { _, context, ids in
            let (user, alliance) = try await managed(context)
            let item = try await obligations.obligation(ids.1, of: alliance, user)
            return try await form(context, alliance, input: ObligationFormPage.input(item), obligation: item, errors: [])
        }
        router.post(Site.editObligation) { request, context, ids in
            try await save(request, context, existing: ids.1)
        }
        router.post(Site.triggers) { request, context in try await saveTrigger(request, context, existing: nil) }
        router.post(Site.trigger) { request, context, ids in
            try await saveTrigger(request, context, existing: ids.1)
        }
        router.post(Site.obligationOccurrence) { request, context in
            let (user, alliance) = try await managed(context)
            let (_, obligationID, n) = try Site.obligationOccurrence.ids(in: context, limit: 10_000)
            let item = try await obligations.obligation(obligationID, of: alliance, user)
            let form = try await FormData.read(request, context: context)
            let input = ExecutionInput(
                state: form["state"], executedAmount: form["executedAmount"], executedOn: form["executedOn"], note: form["note"])
            do {
                try await obligations.recordExecution(item, occurrence: n, input, by: user)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await page(
                    context, alliance, user: user, notice: nil,
                    rowError: .init(key: "\(item.id.lowercaseText)-\(n)", errors: error.fieldErrors, input: input),
                    status: .unprocessableContent)
            }
            return redirect(Site.obligations.path(alliance.id), .executionSaved, fragment: "o-\(item.id.lowercaseText)-\(n)")
        }
    }

    func managed(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        let user = try context.requireUser()
        let alliance = try await obligations.access.visibleAlliance(Site.allianceID(in: context), user)
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        return (user, alliance)
    }

    func save(_ request: Request, _ context: AppContext, existing: UUID?) async throws -> Response {
        let (user, alliance) = try await managed(context)
        var current: Obligation?
        if let existing { current = try await obligations.obligation(existing, of: alliance, user) }
        let form = try await FormData.read(request, context: context)
        let input = ObligationFormPage.input(form)
        do {
            _ = try await obligations.saveObligation(input, in: alliance, existing: current, expectedVersion: form.version, by: user)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await self.form(context, alliance, input: input, obligation: current, errors: error.fieldErrors)
        }
        return redirect(Site.obligations.path(alliance.id), current == nil ? .obligationAdded : .obligationUpdated)
    }

    func saveTrigger(_ request: Request, _ context: AppContext, existing: UUID?) async throws -> Response {
        let (user, alliance) = try await managed(context)
        let form = try await FormData.read(request, context: context)
        let input = TriggerInput(name: form["name"], occurredOn: form["occurredOn"])
        do {
            _ = try await obligations.saveTrigger(input, in: alliance, existing: existing, expectedVersion: form.version, by: user)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await page(
                context, alliance, user: user, notice: nil,
                triggerError: .init(triggerID: existing, errors: error.fieldErrors, input: input), status: .unprocessableContent)
        }
        return redirect(Site.obligations.path(alliance.id), .triggerSaved, fragment: "triggers")
    }

    func form(_ context: AppContext, _ alliance: Alliance, input: ObligationInput, obligation: Obligation?, errors: [FieldError])
        async throws -> Response
    {
        let model = ObligationFormPage.model(
            layout: LayoutModel(title: obligation == nil ? "New obligation" : "Edit obligation", context: context, section: "alliances"),
            alliance: alliance, input: input, obligation: obligation,
            triggers: try await obligations.triggers(alliance, context.requireUser()),
            errors: errors)
        return try views.page(model, .form, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    func page(
        _ context: AppContext, _ alliance: Alliance, user: SignedIn, notice: String?, rowError: ObligationsPage.RowError? = nil,
        triggerError: ObligationsPage.TriggerError? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let view = try await obligations.view(alliance, user)
        let model = ObligationsPage(
            layout: LayoutModel(title: "Obligations: \(alliance.name)", context: context, section: "alliances", notice: notice),
            alliance: alliance, view: view, today: obligations.today,
            canManage: AccessPolicy.allows(user.principal, .manageObligations(alliance.id)), rowError: rowError,
            triggerError: triggerError)
        return try views.page(model, .obligationsIndex, status: status)
    }
}
