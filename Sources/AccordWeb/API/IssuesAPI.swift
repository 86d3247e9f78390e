import AccordCore
import Foundation
import Hummingbird

/// /api/v1 issue log: list (with each issue's ladder and clock), log, replace, escalate, resolve, reopen.
struct IssuesAPI {
    let issues: IssuesService

    static let fields: Set<String> = ["title", "details", "severity", "ownerId", "visibility"]

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
        let input = try await JSONBody.create(request, context, fields: Self.fields, Self.input)
        return try await response(try await issues.logIssue(input, in: alliance, by: user), alliance, status: .created)
    }

    func update(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let issue = try await issues.issue(try context.apiID("issueId"), of: alliance, user)
        try AccessPolicy.require(user.principal, .manageIssues(alliance.id))
        let (input, version) = try await JSONBody.replace(request, context, fields: Self.fields, Self.input)
        return try await response(try await issues.updateIssue(issue, input, expectedVersion: version, in: alliance, by: user), alliance)
    }

    func escalate(_ request: Request, _ context: AppContext) async throws -> Response {
        try await move(request, context, key: "note") { .escalate(note: $0) }
    }

    func resolve(_ request: Request, _ context: AppContext) async throws -> Response {
        try await move(request, context, key: "resolution") { .resolve(resolution: $0) }
    }

    func reopen(_ request: Request, _ context: AppContext) async throws -> Response {
        try await move(request, context, key: "note") { .reopen(note: $0) }
    }

    func move(_ request: Request, _ context: AppContext, key: String, _ step: (String?) -> IssuesService.IssueMove) async throws -> Response
    {
        let (user, alliance) = try await allowed(context)
        let issue = try await issues.issue(try context.apiID("issueId"), of: alliance, user)
        try AccessPolicy.require(user.principal, .manageIssues(alliance.id))
        var json = try await JSONBody.read(request, context: context, allowed: [key])
        let text = json.string(key)
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
