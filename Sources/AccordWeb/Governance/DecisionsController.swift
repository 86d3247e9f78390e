import AccordCore
import Foundation
import Hummingbird

/// The decision register: proposals, votes under the charter's rule, the escalation ladder and its clocks.
struct DecisionsController {
    let views: Views
    let governance: GovernanceService

    var bodiesPage: GovernanceController { GovernanceController(views: views, governance: governance) }

    func register(_ router: Router<AppContext>) {
        router.post(Site.bodyDecisions) { request, context, ids in
            let (user, alliance, body) = try await bodiesPage.managed(context, bodyID: ids.1)
            let form = try await FormData.read(request, context: context)
            do {
                let decision = try await governance.proposeDecision(body, title: form["title"], details: form["details"], by: user)
                return redirect(Site.decision.path(alliance.id, decision.id), .decisionProposed)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await bodiesPage.index(
                    context, alliance, user: user, notice: nil,
                    bodyError: (body.id, error.fieldErrors.map(\.message).joined(separator: " ")),
                    status: .unprocessableContent)
            }
        }
        router.get(Site.decision) { request, context in
            let found = try await visible(context, Site.decision)
            return try await page(context, found, notice: LayoutModel.notice(request.queryValues["notice"]), errors: [])
        }
        router.post(Site.decisionVotes) { request, context in
            try await change(request, context, Site.decisionVotes, notice: .votesRecorded) { form, found in
                var votes: [String: String] = [:]
                for (key, value) in form.values(prefixed: "vote.") { votes[String(key.dropFirst(5))] = value }
                _ = try await governance.recordVotes(found.decision, meetingID: form["meetingID"], votes: votes, by: found.user)
            }
        }
        router.post(Site.decisionStatus) { request, context in
            try await change(request, context, Site.decisionStatus, notice: .decisionUpdated) { form, found in
                _ = try await governance.moveDecision(found.decision, to: form["status"], by: found.user)
            }
        }
        router.post(Site.decisionSupersede) { request, context in
            try await change(request, context, Site.decisionSupersede, notice: .decisionUpdated) { form, found in
                _ = try await governance.supersede(found.decision, by: form["successorID"], user: found.user)
            }
        }
    }

    /// Applies a change from the decision page; field errors show on the page with 422.
    func change(
        _ request: Request, _ context: AppContext, _ route: SiteRoute<(UUID, UUID)>, notice: Notice,
        _ apply: (FormData, Found) async throws -> Void
    ) async throws -> Response {
        let found = try await managed(context, route)
        let form = try await FormData.read(request, context: context)
        do {
            try await apply(form, found)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            // A refused vote form comes back with every choice it held.
            var submitted = DecisionPage.SubmittedVotes(meetingID: form["meetingID"])
            for (key, value) in form.values(prefixed: "vote.") { submitted.votes[String(key.dropFirst(5)).lowercased()] = value }
            return try await page(
                context, found, notice: nil, errors: error.fieldErrors, submitted: submitted, status: .unprocessableContent)
        }
        return redirect(Site.decision.path(found.alliance.id, found.decision.id), notice)
    }

    struct Found {
        let user: SignedIn
        let alliance: Alliance
        let body: GovernanceBody
        let decision: Decision
    }

    /// The decision `route` names, if the user may see its body.
    func visible(_ context: AppContext, _ route: SiteRoute<(UUID, UUID)>) async throws -> Found {
        let user = try context.requireUser()
        let alliance = try await governance.access.visibleAlliance(Site.allianceID(in: context), user)
        let (body, decision) = try await governance.governanceDecision(try route.ids(in: context).1, of: alliance, user)
        return Found(user: user, alliance: alliance, body: body, decision: decision)
    }

    func managed(_ context: AppContext, _ route: SiteRoute<(UUID, UUID)>) async throws -> Found {
        let found = try await visible(context, route)
        try AccessPolicy.require(found.user.principal, .manageGovernance(found.alliance.id))
        return found
    }

    func page(
        _ context: AppContext, _ found: Found, notice: String?, errors: [FieldError],
        submitted: DecisionPage.SubmittedVotes = DecisionPage.SubmittedVotes(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let body = found.body
        let members = try await governance.members(of: body).filter(\.role.isVoting)
        let people = try await governance.people(members.map(\.personID))
        let meetings = try await governance.meetings(of: [body])
        let others = try await governance.decisions(of: [body]).filter { $0.id != found.decision.id }
        let model = DecisionPage(
            layout: LayoutModel(title: found.decision.title, context: context, section: "alliances", notice: notice),
            alliance: found.alliance,
            body: body, decision: found.decision, votes: try await governance.votes(found.decision), members: members,
            people: people, meetings: meetings, others: others, today: governance.today,
            canManage: AccessPolicy.allows(found.user.principal, .manageGovernance(found.alliance.id)), errors: errors,
            submitted: submitted)
        return try views.page(model, .governanceDecision, status: status)
    }
}
