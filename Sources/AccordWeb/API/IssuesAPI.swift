import AccordCore
import Foundation
import Hummingbird

/// /api/v1 issue log: list (with each issue's ladder and clock), log, replace, escalate, resolve, reopen.
struct IssuesAPI {
    let issues: IssuesService

    func list(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let limits = try await issues.limits(alliance)
        let items = try await issues.issues(alliance, user).map { APIModels.IssueModel($0, limits, today: issues.today) }
        return try APIResponse.whole(items)
    }

    func get(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let issue = try await issues.issue(try context.apiID("issueId"), of: alliance, user)
        return try await response(issue, alliance)
    }

    func create(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        try AccessPolicy.require(user.principal, .manageIssues(alliance.id))
        let input = try await JSONBody.create(request, context, Self.issueCreate, Self.input)
        return try await response(try await issues.logIssue(input, in: alliance, by: user), alliance, status: .created)
    }

    func update(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let issue = try await issues.issue(try context.apiID("issueId"), of: alliance, user)
        try AccessPolicy.require(user.principal, .manageIssues(alliance.id))
        let (input, version) = try await JSONBody.replace(request, context, Self.issueUpdate, Self.input)
        return try await response(try await issues.updateIssue(issue, input, expectedVersion: version, in: alliance, by: user), alliance)
    }

    func escalate(_ request: Request, _ context: AppContext) async throws -> Response {
        try await move(request, context, Self.issueEscalation) { .escalate(note: $0) }
    }

    func resolve(_ request: Request, _ context: AppContext) async throws -> Response {
        try await move(request, context, Self.issueResolution) { .resolve(resolution: $0) }
    }

    func reopen(_ request: Request, _ context: AppContext) async throws -> Response {
        try await move(request, context, Self.issueReopening) { .reopen(note: $0) }
    }

    func move(_ request: Request, _ context: AppContext, _ body: APIBody, _ step: (String?) -> IssuesService.IssueMove) async throws
        -> Response
    {
        let (user, alliance) = try await allowed(context)
        let issue = try await issues.issue(try context.apiID("issueId"), of: alliance, user)
        try AccessPolicy.require(user.principal, .manageIssues(alliance.id))
        var json = try await JSONBody.read(request, context: context, body: body)
        let text = json.string(body.fields[0].name)
        try json.check()
        return try await response(try await issues.moveIssue(issue, step(text), in: alliance, by: user), alliance)
    }

    static func input(_ json: inout JSONBody) -> IssueInput {
        IssueInput(
            title: json.string("title"), details: json.string("details"), severity: json.string("severity"), owner: json.string("ownerId"),
            visibility: json.string("visibility"))
    }

    func response(_ issue: Issue, _ alliance: Alliance, status: HTTPResponse.Status = .ok) async throws -> Response {
        let limits = try await issues.limits(alliance)
        return try APIResponse.json(APIModels.IssueModel(issue, limits, today: issues.today), status: status, etag: issue.version)
    }

    func allowed(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        try await issues.access.api(context)
    }
}

extension APIModels {
    struct IssueStepModel: Encodable, APIShaped {
        let level: EscalationLevel
        let since: LocalDate
        @Null var until: LocalDate?
        let days: Int
        let limitDays: Int
        @Null var note: String?
        let by: String

        init(_ s: IssueStep, _ limits: EscalationLimits, today: LocalDate) {
            (level, since, days, limitDays, by) = (s.level, s.since, s.days(today: today), limits.limit(s.level), s.by)
            until = s.until
            note = s.note
        }
    }

    struct IssueModel: Encodable, APIShaped {
        static let schemaName: String? = "Issue"
        static let fieldNotes: [String: APIFieldNote] = ["overdue": .about("Open and longer at its level than the playbook's limit")]
        let id: UUID
        let allianceId: UUID
        let title: String
        @Null var details: String?
        let severity: IssueSeverity
        let ownerId: UUID
        let status: IssueStatus
        let visibility: Visibility
        let raisedOn: LocalDate
        let level: EscalationLevel
        let daysAtLevel: Int
        let overdue: Bool
        let steps: [IssueStepModel]
        @Null var resolution: String?
        @Null var resolvedOn: LocalDate?
        let version: Int
        let createdAt: Date

        init(_ i: Issue, _ limits: EscalationLimits, today: LocalDate) {
            (id, allianceId, title, severity, ownerId) = (i.id, i.allianceID, i.title, i.severity, i.ownerID)
            details = i.details
            (status, visibility, raisedOn, level) = (i.status, i.visibility, i.raisedOn, i.level)
            (daysAtLevel, overdue) = (i.daysAtLevel(today: today), i.isOverdue(limits, today: today))
            steps = i.steps.map { IssueStepModel($0, limits, today: today) }
            resolution = i.resolution
            resolvedOn = i.resolvedOn
            (version, createdAt) = (i.version, i.createdAt)
        }
    }
}

/// The request bodies of its operations.
extension IssuesAPI {
    static let issueCreate = APIBody(
        "IssueCreate",
        [
            .required("title", .text(max: 200)),
            .optional("details", .text(max: 4_000).nullable),
            .required("severity", .code(IssueSeverity.self)),
            .required("ownerId", .uuid.described("A person on the alliance's team")),
            .optional("visibility", .code(Visibility.self)),
        ])
    static let issueUpdate = issueCreate.replacing("IssueUpdate", version: .integer)
    static let issueEscalation = APIBody(
        "IssueEscalation",
        [
            .optional("note", .text(max: 1_000).nullable)
        ])
    static let issueResolution = APIBody(
        "IssueResolution",
        [
            .required("resolution", .text(max: 2_000))
        ])
    static let issueReopening = APIBody(
        "IssueReopening",
        [
            .optional("note", .text(max: 1_000).nullable)
        ])
}
