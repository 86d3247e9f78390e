import AccordCore
import Foundation
import Hummingbird

/// An alliance's governance: bodies with their charters and members, and the warnings the charters raise.
struct GovernanceController {
    let views: Views
    let governance: GovernanceService

    /// What a new body's form starts with: a typical steering committee charter.
    static let starter = BodyInput(
        kind: BodyKind.steeringCommittee.rawValue, visibility: Visibility.shared.rawValue, minMembersPerParty: "2",
        maxMembersPerParty: "4", quorumPerParty: "1", decisionRule: DecisionRule.onePerParty.rawValue, minMeetingsPerYear: "4",
        noticeDays: "30",
        escalation: [
            EscalationStepInput(decidedBy: "Alliance managers", days: "15"),
            EscalationStepInput(decidedBy: "Chief executives", days: "30", excludedMatters: "Amending the agreement"),
        ])

    func register(_ router: Router<AppContext>) {
        router.get(Site.governance) { request, context in
            let user = try context.requireUser()
            let alliance = try await governance.access.visibleAlliance(Site.allianceID(in: context), user)
            if request.queryValues["new"] == "1" {
                try AccessPolicy.require(user.principal, .manageGovernance(alliance.id))
                return try await form(context, alliance, input: Self.starter, body: nil, errors: [])
            }
            return try await index(context, alliance, user: user, notice: LayoutModel.notice(request.queryValues["notice"]))
        }
        router.post(Site.governance) { request, context in try await save(request, context, bodyID: nil) }
        router.get(Site.editBody) { _, context, ids in
            let (_, alliance, body) = try await managed(context, bodyID: ids.1)
            return try await form(context, alliance, input: BodyInput(body), body: body, errors: [])
        }
        router.post(Site.editBody) { request, context, ids in
            try await save(request, context, bodyID: ids.1)
        }
        router.post(Site.bodyMembers) { request, context in try await addMember(request, context) }
        router.post(Site.removeBodyMember) { request, context, ids in
            let (user, alliance, body) = try await managed(context, bodyID: ids.1)
            _ = try await FormData.read(request, context: context)
            try await governance.removeBodyMember(ids.2, from: body, in: alliance, by: user)
            return redirect(Site.governance.path(alliance.id), .bodyMemberRemoved, fragment: "body-\(body.id.lowercaseText)")
        }
    }

    /// The alliance and body for a change; the body must belong to the alliance.
    func managed(_ context: AppContext, bodyID: UUID) async throws -> (SignedIn, Alliance, GovernanceBody) {
        let user = try context.requireUser()
        let alliance = try await governance.access.visibleAlliance(Site.allianceID(in: context), user)
        try AccessPolicy.require(user.principal, .manageGovernance(alliance.id))
        return (user, alliance, try await governance.governanceBody(bodyID, of: alliance, user))
    }

    func index(
        _ context: AppContext, _ alliance: Alliance, user: SignedIn, notice: String?, bodyError: (UUID, String)? = nil,
        meetingError: GovernancePage.MeetingError? = nil, itemError: GovernancePage.ItemError? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let o = try await governance.governanceOverview(alliance, user)
        let model = GovernancePage(
            layout: LayoutModel(title: "Governance: \(alliance.name)", context: context, section: "alliances", notice: notice),
            alliance: alliance, bodies: o.bodies, members: o.members, meetings: o.meetings, decisions: o.decisions, team: o.team,
            warnings: o.warnings, today: governance.today,
            canManage: AccessPolicy.allows(user.principal, .manageGovernance(alliance.id)), bodyError: bodyError,
            meetingError: meetingError,
            items: try await governance.visibleActionItems(alliance, user), sources: try await governance.actionSources(alliance, user),
            itemError: itemError)
        return try views.page(model, .governanceIndex, status: status)
    }

    func form(_ context: AppContext, _ alliance: Alliance, input: BodyInput, body: GovernanceBody?, errors: [FieldError]) async throws
        -> Response
    {
        let bodies = try await governance.visibleBodies(alliance, context.requireUser())
        let model = BodyFormPage.model(
            layout: LayoutModel(title: body == nil ? "New governance body" : "Edit body", context: context, section: "alliances"),
            alliance: alliance, input: input, body: body, bodies: bodies, errors: errors)
        return try views.page(model, .form, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    func save(_ request: Request, _ context: AppContext, bodyID: UUID?) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await governance.access.visibleAlliance(Site.allianceID(in: context), user)
        try AccessPolicy.require(user.principal, .manageGovernance(alliance.id))
        var existing: GovernanceBody?
        if let bodyID { existing = try await governance.governanceBody(bodyID, of: alliance, user) }
        let form = try await FormData.read(request, context: context)
        let input = BodyFormPage.input(form)
        do {
            _ = try await governance.saveBody(input, in: alliance, existing: existing, expectedVersion: form.version, by: user)
            return redirect(Site.governance.path(alliance.id), existing == nil ? .bodyCreated : .bodyUpdated)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await self.form(context, alliance, input: input, body: existing, errors: error.fieldErrors)
        }
    }

    func addMember(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance, body) = try await managed(context, bodyID: try Site.bodyMembers.ids(in: context).1)
        let form = try await FormData.read(request, context: context)
        do {
            _ = try await governance.addBodyMember(body, in: alliance, personID: form["personID"], role: form["role"], by: user)
            return redirect(Site.governance.path(alliance.id), .bodyMemberAdded, fragment: "body-\(body.id.lowercaseText)")
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            let message = error.fieldErrors.map(\.message).joined(separator: " ")
            return try await index(
                context, alliance, user: user, notice: nil, bodyError: (body.id, message), status: .unprocessableContent)
        }
    }
}
