import AccordCore
import Foundation
import Hummingbird

/// /api/v1 governance: bodies with charters and members, meetings with attendance and minutes, the decision register
/// with votes and escalation, and action items. The rules are the web pages' (`Services+Governance`).
struct GovernanceAPI {
    let governance: GovernanceService

    // MARK: Bodies

    static let bodyFields: Set<String> = [
        "name", "kind", "parentId", "visibility", "minMembersPerParty", "maxMembersPerParty", "parityRequired", "quorumPerParty",
        "decisionRule", "minMeetingsPerYear", "noticeDays", "escalation",
    ]

    struct StepInput: Decodable {
        let decidedBy: String
        let days: Int
        let finalSay: String?
        let excludedMatters: [String]?
    }

    func bodies(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let o = try await governance.governanceOverview(alliance, user)
        let items = o.bodies.map { APIModels.Body($0, members: o.members[$0.id] ?? [], warnings: o.warnings) }
        return try APIResponse.whole(items)
    }

    func body(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let body = try await governance.governanceBody(context.apiID("bodyId"), of: alliance, user)
        return try await bodyResponse(body, alliance, user)
    }

    func createBody(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let input = try await JSONBody.create(request, context, fields: Self.bodyFields, Self.bodyInput)
        let body = try await governance.saveBody(input, in: alliance, existing: nil, expectedVersion: nil, by: user)
        return try await bodyResponse(body, alliance, user, status: .created)
    }

    func updateBody(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let existing = try await governance.governanceBody(context.apiID("bodyId"), of: alliance, user)
        let (input, version) = try await JSONBody.replace(request, context, fields: Self.bodyFields, Self.bodyInput)
        let body = try await governance.saveBody(input, in: alliance, existing: existing, expectedVersion: version, by: user)
        return try await bodyResponse(body, alliance, user)
    }

    func addMember(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let body = try await governance.governanceBody(context.apiID("bodyId"), of: alliance, user)
        var json = try await JSONBody.read(request, context: context, allowed: ["personId", "role"])
        let (person, role) = (json.string("personId"), json.string("role"))
        try json.check()
        let member = try await governance.addBodyMember(body, in: alliance, personID: person, role: role, by: user)
        return try APIResponse.json(APIModels.BodyMemberModel(member), status: .created)
    }

    func removeMember(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let body = try await governance.governanceBody(context.apiID("bodyId"), of: alliance, user)
        try await governance.removeBodyMember(try context.apiID("memberId"), from: body, in: alliance, by: user)
        return APIResponse.noContent()
    }

    static func bodyInput(_ json: inout JSONBody) -> BodyInput {
        func number(_ key: String) -> String? { json.integer(key, required: false).map(String.init) }
        let steps = json.optionalDecode(
            "escalation", as: [StepInput].self,
            description: "an array of {decidedBy, days, finalSay: ours | partner | null, excludedMatters: [string]}")
        return BodyInput(
            name: json.string("name"), kind: json.string("kind"), parentID: json.string("parentId"),
            visibility: json.string("visibility"), minMembersPerParty: number("minMembersPerParty"),
            maxMembersPerParty: number("maxMembersPerParty"), parityRequired: json.bool("parityRequired") ?? true,
            quorumPerParty: number("quorumPerParty"), decisionRule: json.string("decisionRule"),
            minMeetingsPerYear: number("minMeetingsPerYear"), noticeDays: number("noticeDays"),
            escalation: (steps ?? []).map {
                EscalationStepInput(
                    decidedBy: $0.decidedBy, days: String($0.days), finalSay: $0.finalSay ?? "",
                    excludedMatters: ($0.excludedMatters ?? []).joined(separator: "; "))
            })
    }

    func bodyResponse(_ body: GovernanceBody, _ alliance: Alliance, _ user: SignedIn, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let o = try await governance.governanceOverview(alliance, user)
        return try APIResponse.json(
            APIModels.Body(body, members: o.members[body.id] ?? [], warnings: o.warnings), status: status, etag: body.version)
    }

    // MARK: Meetings

    func meetings(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let bodies = try await governance.visibleBodies(alliance, user)
        let items = try await governance.meetings(of: bodies).map { APIModels.MeetingModel($0) }
        return try APIResponse.whole(items)
    }

    func meeting(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (body, meeting) = try await governance.governanceMeeting(context.apiID("meetingId"), of: alliance, user)
        return try await meetingResponse(meeting, body)
    }

    func scheduleMeeting(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let body = try await governance.governanceBody(context.apiID("bodyId"), of: alliance, user)
        var json = try await JSONBody.read(
            request, context: context, allowed: ["title", "date", "time", "location", "agenda", "noticeOverride"])
        let agenda = json.strings("agenda")
        if agenda?.contains(where: { $0.contains(where: \.isNewline) }) == true {
            throw DomainError.invalid("agenda", "Each agenda item is one line.")
        }
        let input = MeetingInput(
            title: json.string("title"), date: json.string("date"), time: json.string("time"), location: json.string("location"),
            agenda: agenda?.joined(separator: "\n"), noticeOverride: json.string("noticeOverride"))
        try json.check()
        let meeting = try await governance.scheduleMeeting(input, for: body, by: user)
        return try await meetingResponse(meeting, body, status: .created)
    }

    func setAttendance(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (body, meeting) = try await governance.governanceMeeting(context.apiID("meetingId"), of: alliance, user)
        var json = try await JSONBody.read(request, context: context, allowed: ["personIds"])
        let ids = json.strings("personIds")
        try json.check(adding: ids == nil ? [FieldError(field: "personIds", message: "personIds is required.")] : [])
        try await governance.setAttendance(meeting, attendees: ids ?? [], by: user)
        return try await meetingResponse(meeting, body)
    }

    func saveMinutes(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (body, meeting) = try await governance.governanceMeeting(context.apiID("meetingId"), of: alliance, user)
        var json = try await JSONBody.read(request, context: context, allowed: ["minutes", "status", "documents", "version"])
        let documents = json.strings("documents")
        if documents?.contains(where: { $0.contains(where: \.isNewline) }) == true {
            throw DomainError.invalid("documents", "Each document link is one line.")
        }
        let input = MinutesInput(
            minutes: json.string("minutes"), status: json.string("status"), documents: documents?.joined(separator: "\n"))
        let version = json.integer("version", required: true)
        try json.check()
        let saved = try await governance.saveMinutes(meeting, input, expectedVersion: version, by: user)
        return try await meetingResponse(saved, body)
    }

    func meetingResponse(_ meeting: Meeting, _ body: GovernanceBody, status: HTTPResponse.Status = .ok) async throws -> Response {
        let current = try await governance.current(meeting)
        let members = try await governance.members(of: body)
        let attendance = try await governance.attendance(meeting)
        return try APIResponse.json(
            APIModels.MeetingModel(current, body: body, members: members, attendance: attendance), status: status, etag: current.version)
    }

    // MARK: Decisions

    struct VoteInput: Decodable {
        let personId: String
        let vote: String
    }

    func decisions(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let bodies = try await governance.visibleBodies(alliance, user)
        let byID = Dictionary(bodies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let today = governance.today
        let items = try await governance.decisions(of: bodies).map {
            APIModels.DecisionModel($0, body: byID[$0.bodyID], today: today)
        }
        return try APIResponse.whole(items)
    }

    func decision(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (body, decision) = try await governance.governanceDecision(context.apiID("decisionId"), of: alliance, user)
        return try await decisionResponse(decision, body)
    }

    func propose(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let body = try await governance.governanceBody(context.apiID("bodyId"), of: alliance, user)
        var json = try await JSONBody.read(request, context: context, allowed: ["title", "details"])
        let (title, details) = (json.string("title"), json.string("details"))
        try json.check()
        let decision = try await governance.proposeDecision(body, title: title, details: details, by: user)
        return try await decisionResponse(decision, body, status: .created)
    }

    func recordVotes(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (body, decision) = try await governance.governanceDecision(context.apiID("decisionId"), of: alliance, user)
        var json = try await JSONBody.read(request, context: context, allowed: ["meetingId", "votes"])
        let meeting = json.string("meetingId")
        let votes = json.decode("votes", as: [VoteInput].self, description: "an array of {personId, vote: approve | reject | abstain}")
        try json.check()
        var cast: [String: String] = [:]
        for vote in votes ?? [] {
            if cast[vote.personId] != nil { throw DomainError.invalid("votes", "Each member votes once.") }
            cast[vote.personId] = vote.vote.isEmpty ? "-" : vote.vote
        }
        let updated = try await governance.recordVotes(decision, meetingID: meeting, votes: cast, by: user)
        return try await decisionResponse(updated, body)
    }

    func setDecisionStatus(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (body, decision) = try await governance.governanceDecision(context.apiID("decisionId"), of: alliance, user)
        var json = try await JSONBody.read(request, context: context, allowed: ["status"])
        let status = json.string("status")
        try json.check()
        return try await decisionResponse(try await governance.moveDecision(decision, to: status, by: user), body)
    }

    func supersede(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (body, decision) = try await governance.governanceDecision(context.apiID("decisionId"), of: alliance, user)
        var json = try await JSONBody.read(request, context: context, allowed: ["successorId"])
        let successor = json.string("successorId")
        try json.check()
        return try await decisionResponse(try await governance.supersede(decision, by: successor, user: user), body)
    }

    func decisionResponse(_ decision: Decision, _ body: GovernanceBody, status: HTTPResponse.Status = .ok) async throws -> Response {
        let votes = try await governance.votes(decision)
        return try APIResponse.json(
            APIModels.DecisionModel(decision, body: body, today: governance.today, votes: votes), status: status, etag: decision.version)
    }

    // MARK: Action items

    static let itemFields: Set<String> = ["title", "ownerId", "dueOn", "status", "meetingId", "decisionId", "visibility"]

    func actionItems(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let today = governance.today
        let items = try await governance.visibleActionItems(alliance, user).map { APIModels.ActionItemModel($0, today: today) }
        return try APIResponse.whole(items)
    }

    func addActionItem(_ request: Request, _ context: AppContext) async throws -> Response {
        try await saveActionItem(request, context, existing: nil)
    }

    func updateActionItem(_ request: Request, _ context: AppContext) async throws -> Response {
        try await saveActionItem(request, context, existing: try context.apiID("actionId"))
    }

    func saveActionItem(_ request: Request, _ context: AppContext, existing: UUID?) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        if let existing, try await governance.visibleActionItems(alliance, user).contains(where: { $0.id == existing }) == false {
            throw DomainError.notFound("No such action item.")
        }
        var json = try await JSONBody.read(
            request, context: context, allowed: existing == nil ? Self.itemFields : Self.itemFields.union(["version"]))
        let (meeting, decision) = (json.string("meetingId"), json.string("decisionId"))
        var source: String?
        if let meeting, !meeting.isEmpty { source = "meeting:\(meeting)" }
        if let decision, !decision.isEmpty {
            if source != nil { throw DomainError.invalid("decisionId", "Give a meetingId or a decisionId, not both.") }
            source = "decision:\(decision)"
        }
        let input = ActionItemInput(
            title: json.string("title"), owner: json.string("ownerId"), dueOn: json.string("dueOn"), status: json.string("status"),
            source: source, visibility: json.string("visibility"))
        let version = existing == nil ? nil : json.integer("version", required: true)
        try json.check()
        let item: ActionItem
        do {
            item = try await governance.saveActionItem(input, in: alliance, existing: existing, expectedVersion: version, by: user)
        } catch DomainError.validation(let errors) {
            // The web form's single `source` choice is two fields here.
            let field = (source ?? "").hasPrefix("decision:") ? "decisionId" : "meetingId"
            throw DomainError.validation(errors.map { $0.field == "source" ? FieldError(field: field, message: $0.message) : $0 })
        }
        return try APIResponse.json(
            APIModels.ActionItemModel(item, today: governance.today), status: existing == nil ? .created : .ok, etag: item.version)
    }

    // MARK: Access

    func allowed(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        let user = try context.requireUser()
        return (user, try await governance.access.visibleAlliance(context.apiID("id"), user))
    }
}
