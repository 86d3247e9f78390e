import AccordCore
import Foundation
import Hummingbird

/// An alliance's lifecycle: start a phase change or transition, settle its stage gate, accept the proposed team and
/// steering committee changes, close coverage gaps, and read the phase history.
struct LifecycleController {
    let views: Views
    let lifecycle: LifecycleService

    func register(_ router: Router<AppContext>) {
        router.get(Site.lifecycle) { request, context in
            let user = try context.requireUser()
            let alliance = try await lifecycle.access.visibleAlliance(Site.allianceID(in: context), user)
            return try await page(context, alliance, user: user, notice: LayoutModel.notice(request.queryValues["notice"]))
        }
        router.post(Site.lifecycle) { request, context in
            let (user, alliance, form) = try await read(request, context, Permission.changeLifecycle)
            let input = LifecycleChangeInput(
                toPhase: form["toPhase"], toTransition: form["toTransition"], effectiveOn: form["effectiveOn"], reason: form["reason"])
            do {
                _ = try await lifecycle.proposeLifecycleChange(input, in: alliance, by: user)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                let typed = LifecyclePage.Form(
                    toPhase: form["toPhase"] ?? "", toTransition: form["toTransition"] ?? "", effectiveOn: form["effectiveOn"] ?? "",
                    reason: form["reason"] ?? "")
                return try await page(context, alliance, user: user, form: typed, errors: error.fieldErrors)
            }
            return redirect(Site.lifecycle.path(alliance.id), .phaseProposed)
        }
        router.post(Site.lifecycleComplete) { request, context, ids in
            let (user, alliance, form) = try await read(request, context, Permission.changeLifecycle)
            let change = try await lifecycle.lifecycleChange(ids.1, of: alliance)
            let input = Self.completion(form)
            do {
                _ = try await lifecycle.completeLifecycleChange(change, input, in: alliance, by: user)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                let typed = LifecyclePage.Form(done: input.done, waivers: input.waivers, accepted: input.accepted)
                return try await page(context, alliance, user: user, form: typed, errors: error.fieldErrors)
            }
            return redirect(Site.lifecycle.path(alliance.id), .phaseCompleted)
        }
        router.post(Site.lifecycleCancel) { request, context, ids in
            let (user, alliance, _) = try await read(request, context, Permission.changeLifecycle)
            let change = try await lifecycle.lifecycleChange(ids.1, of: alliance)
            _ = try await lifecycle.cancelLifecycleChange(change, in: alliance, by: user)
            return redirect(Site.lifecycle.path(alliance.id), .phaseCancelled)
        }
        router.post(Site.lifecycleTeam) { request, context in
            let (user, alliance, form) = try await read(request, context, Permission.manageTeam)
            do {
                _ = try await lifecycle.team.add(
                    MembershipInput(personID: form["personID"], role: MembershipRole.functionalLead.rawValue), to: alliance, by: user)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await page(context, alliance, user: user, errors: error.fieldErrors)
            }
            return redirect(Site.lifecycle.path(alliance.id), .gapClosed)
        }
    }

    /// The checklist ticks (`done.N`), waivers (`waiver.N`) and accepted proposals (`accept.<key>`).
    static func completion(_ form: FormData) -> CompletionInput {
        var input = CompletionInput()
        for (key, value) in form.values(prefixed: "done.", "waiver.", "accept.") {
            let blank = value.trimmingCharacters(in: .whitespaces).isEmpty
            if key.hasPrefix("done."), !blank, let i = Int(key.dropFirst(5)) { input.done.insert(i) }
            if key.hasPrefix("waiver."), !blank, let i = Int(key.dropFirst(7)) { input.waivers[i] = value }
            if key.hasPrefix("accept."), !blank { input.accepted.insert(String(key.dropFirst(7))) }
        }
        return input
    }

    func read(_ request: Request, _ context: AppContext, _ permission: (UUID) -> Permission) async throws -> (SignedIn, Alliance, FormData)
    {
        let user = try context.requireUser()
        let alliance = try await lifecycle.access.visibleAlliance(Site.allianceID(in: context), user)
        try AccessPolicy.require(user.principal, permission(alliance.id))
        return (user, alliance, try await FormData.read(request, context: context))
    }

    func page(
        _ context: AppContext, _ alliance: Alliance, user: SignedIn, notice: String? = nil, form: LifecyclePage.Form = .init(),
        errors: [FieldError] = []
    ) async throws -> Response {
        let state = try await lifecycle.lifecycleState(alliance, user)
        let model = LifecyclePage(
            layout: LayoutModel(title: "Lifecycle: \(alliance.name)", context: context, section: "alliances", notice: notice),
            alliance: alliance, state: state, principal: user.principal, today: lifecycle.today, form: form, errors: errors)
        return try views.page(model, .lifecycleIndex, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
