import AccordCore
import AccordStore
import Foundation
import Hummingbird

/// The decision register: proposals, votes under the charter's rule, the escalation ladder and its clocks.
struct DecisionsController {
    let services: Services
    var store: Store { services.store }
    var governance: GovernanceController { GovernanceController(services: services) }

    func register(_ router: Router<AppContext>) {
        router.post(RouterPath(Site.bodyDecisions.pattern)) { request, context in
            let (user, alliance, body) = try await governance.managed(context)
            let form = try await FormData.read(request, context: context)
            var v = Validator()
            let title = v.text(form["title"], "title", "Decision", max: 300)
            let details = v.optionalText(form["details"], "details", "Details", max: 4000)
            do {
                try v.check()
            } catch let error as DomainError {
                return try await governance.index(
                    context, alliance, user: user, notice: nil,
                    bodyError: (body.id, error.fieldErrors.map(\.message).joined(separator: " ")),
                    status: .unprocessableContent)
            }
            let decision = try await store.governance.proposeDecision(body, title: title, details: details, by: services.actor(user))
            return redirect(Site.decision.path(alliance.id, decision.id) + "?notice=decision-proposed")
        }
        router.get(RouterPath(Site.decision.pattern)) { request, context in
            let found = try await visible(context)
            return try await page(context, found, notice: LayoutModel.notice(request.queryValues["notice"]), errors: [])
        }
        router.post(RouterPath(Site.decisionVotes.pattern)) { request, context in
            let found = try await managed(context)
            let form = try await FormData.read(request, context: context)
            var votes: [UUID: Vote] = [:]
            for (key, value) in form.values where key.hasPrefix("vote.") && !value.isEmpty {
                guard let person = UUID(uuidString: String(key.dropFirst(5))), let vote = Vote(rawValue: value) else {
                    return try await page(
                        context, found, notice: nil,
                        errors: [FieldError(field: "votes", message: "Each vote is approve, reject or abstain.")],
                        status: .unprocessableContent)
                }
                votes[person] = vote
            }
            do {
                guard let meeting = UUID(uuidString: form["meetingID"] ?? "") else {
                    throw DomainError.invalid("meetingID", "Choose the meeting where the votes were cast.")
                }
                _ = try await store.governance.recordVotes(
                    found.decision.id, meetingID: meeting, votes: votes, today: services.today, by: services.actor(found.user))
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await page(context, found, notice: nil, errors: error.fieldErrors, status: .unprocessableContent)
            }
            return redirect(Site.decision.path(found.alliance.id, found.decision.id) + "?notice=votes-recorded")
        }
        router.post(RouterPath(Site.decisionStatus.pattern)) { request, context in
            let found = try await managed(context)
            let form = try await FormData.read(request, context: context)
            guard let status = DecisionStatus(rawValue: form["status"] ?? ""),
                [.escalated, .resolved, .deferred, .proposed].contains(status)
            else { throw DomainError.invalid("status", "Status must be escalated, resolved, deferred or proposed.") }
            _ = try await store.governance.moveDecision(
                found.decision.id, to: status, today: services.today, by: services.actor(found.user))
            return redirect(Site.decision.path(found.alliance.id, found.decision.id) + "?notice=decision-updated")
        }
        router.post(RouterPath(Site.decisionSupersede.pattern)) { request, context in
            let found = try await managed(context)
            let form = try await FormData.read(request, context: context)
            do {
                guard let successor = UUID(uuidString: form["successorID"] ?? "") else {
                    throw DomainError.invalid("successorID", "Choose the decision that replaces this one.")
                }
                _ = try await store.governance.supersede(found.decision.id, by: successor, actor: services.actor(found.user))
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await page(context, found, notice: nil, errors: error.fieldErrors, status: .unprocessableContent)
            }
            return redirect(Site.decision.path(found.alliance.id, found.decision.id) + "?notice=decision-updated")
        }
    }

    struct Found {
        let user: SignedIn
        let alliance: Alliance
        let body: GovernanceBody
        let decision: Decision
    }

    func visible(_ context: AppContext) async throws -> Found {
        let user = try context.requireUser()
        let alliance = try await services.visibleAlliance(context.id("id"), user)
        guard let decision = try await store.governance.decision(id: try context.id("decision")), decision.allianceID == alliance.id,
            let body = try await store.governance.body(id: decision.bodyID), AccessPolicy.canSee(body.visibility, user.principal)
        else { throw DomainError.notFound("No such decision.") }
        return Found(user: user, alliance: alliance, body: body, decision: decision)
    }

    func managed(_ context: AppContext) async throws -> Found {
        let found = try await visible(context)
        try AccessPolicy.require(found.user.principal, .manageGovernance(found.alliance.id))
        return found
    }

    func page(_ context: AppContext, _ found: Found, notice: String?, errors: [FieldError], status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let body = found.body
        let members = (try await store.governance.members(bodyIDs: [body.id])[body.id] ?? []).filter(\.role.isVoting)
        let people = try await store.people.find(ids: members.map(\.personID))
        let meetings = try await store.governance.meetings(bodyIDs: [body.id])
        let others = try await store.governance.decisions(bodyIDs: [body.id]).filter { $0.id != found.decision.id }
        let model = DecisionPage(
            layout: LayoutModel(title: found.decision.title, context: context, section: "alliances", notice: notice),
            alliance: found.alliance,
            body: body, decision: found.decision, votes: try await store.governance.votes(decisionID: found.decision.id), members: members,
            people: people, meetings: meetings, others: others, today: services.today,
            canManage: AccessPolicy.allows(found.user.principal, .manageGovernance(found.alliance.id)), errors: errors)
        return try services.views.page(model, "governance/decision", status: status)
    }
}
