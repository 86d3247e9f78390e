import AccordCore
import Foundation
import Hummingbird

/// /api/v1 governance: bodies with charters and members, meetings with attendance and minutes, the decision register
/// with votes and escalation, and action items. The rules are the web pages' (`Services+Governance`).
struct GovernanceAPI {
    let governance: GovernanceService

    // MARK: Bodies

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
        let input = try await JSONBody.create(request, context, Self.bodyCreate, Self.bodyInput)
        let body = try await governance.saveBody(input, in: alliance, existing: nil, expectedVersion: nil, by: user)
        return try await bodyResponse(body, alliance, user, status: .created)
    }

    func updateBody(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let existing = try await governance.governanceBody(context.apiID("bodyId"), of: alliance, user)
        let (input, version) = try await JSONBody.replace(request, context, Self.bodyUpdate, Self.bodyInput)
        let body = try await governance.saveBody(input, in: alliance, existing: existing, expectedVersion: version, by: user)
        return try await bodyResponse(body, alliance, user)
    }

    func addMember(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let body = try await governance.governanceBody(context.apiID("bodyId"), of: alliance, user)
        var json = try await JSONBody.read(request, context: context, body: Self.bodyMemberCreate)
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
        var json = try await JSONBody.read(request, context: context, body: Self.meetingCreate)
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
        var json = try await JSONBody.read(request, context: context, body: Self.attendance)
        let ids = json.strings("personIds")
        try json.check(adding: ids == nil ? [FieldError(field: "personIds", message: "personIds is required.")] : [])
        try await governance.setAttendance(meeting, attendees: ids ?? [], by: user)
        return try await meetingResponse(meeting, body)
    }

    func saveMinutes(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (body, meeting) = try await governance.governanceMeeting(context.apiID("meetingId"), of: alliance, user)
        var json = try await JSONBody.read(request, context: context, body: Self.minutesSave)
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
        var json = try await JSONBody.read(request, context: context, body: Self.decisionCreate)
        let (title, details) = (json.string("title"), json.string("details"))
        try json.check()
        let decision = try await governance.proposeDecision(body, title: title, details: details, by: user)
        return try await decisionResponse(decision, body, status: .created)
    }

    func recordVotes(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (body, decision) = try await governance.governanceDecision(context.apiID("decisionId"), of: alliance, user)
        var json = try await JSONBody.read(request, context: context, body: Self.votes)
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
        var json = try await JSONBody.read(request, context: context, body: Self.decisionStatusChange)
        let status = json.string("status")
        try json.check()
        return try await decisionResponse(try await governance.moveDecision(decision, to: status, by: user), body)
    }

    func supersede(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (body, decision) = try await governance.governanceDecision(context.apiID("decisionId"), of: alliance, user)
        var json = try await JSONBody.read(request, context: context, body: Self.supersede)
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
            request, context: context, body: existing == nil ? Self.actionItemCreate : Self.actionItemUpdate)
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

/// The request bodies of its operations.
extension GovernanceAPI {
    static let bodyCreate = APIBody(
        "BodyCreate",
        [
            .required("name", .text(max: 120)),
            .required("kind", .code(BodyKind.self)),
            .optional("parentId", .uuid.nullable.described("A body of the same alliance this one reports to")),
            .optional("visibility", .code(Visibility.self).described("shared (default): partner users see it")),
            .optional("minMembersPerParty", .integer(min: 1, max: 20).described("Default 1")),
            .optional("maxMembersPerParty", .integer(min: 1, max: 20).described("Default 4")),
            .optional("parityRequired", .boolean.described("Default true")),
            .optional("quorumPerParty", .integer(min: 1, max: 20).described("Members of each party needed for a quorum; default 1")),
            .required("decisionRule", .code(DecisionRule.self)),
            .optional("minMeetingsPerYear", .integer(min: 0, max: 52).described("Default 4")),
            .optional("noticeDays", .integer(min: 0, max: 180).described("Default 30")),
            .optional(
                "escalation",
                APISchema.array(
                    of: APISchema.object([
                        .required("decidedBy", .text(max: 200)),
                        .required("days", .integer(min: 1, max: 365).described("Days this step has to decide")),
                        .optional("finalSay", .code(Side.self).nullable),
                        .optional(
                            "excludedMatters", APISchema.array(of: .text(max: 200)).described("Matters where the final say does not apply")),
                    ])
                ).with("maxItems", 6).described("The escalation ladder, in order")),
        ])
    static let bodyUpdate = bodyCreate.replacing("BodyUpdate")
    static let bodyMemberCreate = APIBody(
        "BodyMemberCreate",
        [
            .required("personId", .uuid.described("A person on the alliance's team; the side follows")),
            .required("role", .code(BodyRole.self)),
        ])
    static let meetingCreate = APIBody(
        "MeetingCreate",
        [
            .required("title", .text(max: 160)),
            .required("date", .date),
            .optional("time", .string.with("pattern", "^[0-9]{1,2}:[0-9]{2}$").described("HH:MM UTC; default 09:00")),
            .optional("location", .text(max: 200).nullable),
            .optional("agenda", APISchema.array(of: .text(max: 300)).with("maxItems", 40)),
            .optional(
                "noticeOverride",
                .text(max: 300).nullable.described("Why the meeting is called inside the charter's notice period; required to do so")),
        ])
    static let decisionCreate = APIBody(
        "DecisionCreate",
        [
            .required("title", .text(max: 300)),
            .optional("details", .text(max: 4_000).nullable),
        ])
    static let attendance = APIBody(
        "Attendance",
        [
            .required("personIds", APISchema.array(of: .uuid).described("Members of the body who attended"))
        ], description: "Replaces the attendance of a meeting that has taken place")
    static let minutesSave = APIBody(
        "MinutesSave",
        [
            .optional("minutes", .text(max: 20_000).nullable),
            .optional("status", .code(MinutesStatus.self)),
            .optional("documents", APISchema.array(of: .text(max: 500)).with("maxItems", 20).described("http(s) links")),
            .required("version", .integer.with("minimum", 1).described("The version you last read; a stale version gets 409.")),
        ])
    static let votes = APIBody(
        "Votes",
        [
            .required("meetingId", .uuid.described("A meeting of the body that has taken place")),
            .required(
                "votes",
                APISchema.array(of: APISchema.object([.required("personId", .uuid), .required("vote", .code(Vote.self))])).with(
                    "minItems", 1
                ).described("Votes of members who attended")),
        ])
    static let decisionStatusChange = APIBody(
        "DecisionStatusChange",
        [
            .required("status", .ref("DecisionMove"))
        ],
        description:
            "escalated: next step of the ladder; resolved: end a deadlock or escalation; deferred / proposed: put off or reopen a proposal")
    static let supersede = APIBody(
        "Supersede",
        [
            .required("successorId", .uuid.described("A later decision of the same body"))
        ])
    static let actionItemCreate = APIBody(
        "ActionItemCreate",
        [
            .required("title", .text(max: 300)),
            .required("ownerId", .uuid.described("A person on the alliance's team (either side)")),
            .required("dueOn", .date),
            .optional("status", .code(ActionStatus.self)),
            .optional("meetingId", .uuid.nullable.described("The meeting that made it")),
            .optional("decisionId", .uuid.nullable.described("The decision that made it (not with meetingId)")),
            .optional("visibility", .code(Visibility.self)),
        ])
    static let actionItemUpdate = actionItemCreate.replacing("ActionItemUpdate")
}
