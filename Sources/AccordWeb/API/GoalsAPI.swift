import AccordCore
import Foundation
import Hummingbird

/// /api/v1 goals and KPIs: goals, KPIs with their measurements and status, recording measurements, CSV.
struct GoalsAPI {
    let goals: GoalsService

    func goals(_ request: Request, _ context: AppContext) async throws -> Response {
        let (_, alliance) = try await allowed(context)
        let items = try await goals.goals(alliance).map(APIModels.GoalModel.init)
        return try APIResponse.whole(items)
    }

    func addGoal(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        var json = try await JSONBody.read(request, context: context, body: Self.goalCreate)
        let input = GoalInput(
            title: json.string("title"), term: json.string("term"), owner: json.string("ownerId"), status: json.string("status"))
        try json.check()
        let goal = try await goals.addGoal(input, in: alliance, by: user)
        return try APIResponse.json(APIModels.GoalModel(goal), status: .created, etag: goal.version)
    }

    func setGoalStatus(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let goal = try await goals.goal(try context.apiID("goalId"), of: alliance)
        var json = try await JSONBody.read(request, context: context, body: Self.goalStatusChange)
        let status = json.string("status")
        try json.check()
        try await goals.setGoalStatus(goal, to: status, in: alliance, by: user)
        let updated = try await goals.goal(goal.id, of: alliance)
        return try APIResponse.json(APIModels.GoalModel(updated), etag: updated.version)
    }

    func kpis(_ request: Request, _ context: AppContext) async throws -> Response {
        let (_, alliance) = try await allowed(context)
        let board = try await goals.board(alliance)
        let items = board.kpis.map { APIModels.KPIModel($0, board.measurements[$0.id] ?? []) }
        return try APIResponse.whole(items)
    }

    func addKPI(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        var json = try await JSONBody.read(request, context: context, body: Self.kpiCreate)
        let input = KPIInput(
            name: json.string("name"), category: json.string("category"), unit: json.string("unit"), target: json.string("target"),
            direction: json.string("direction"), goal: json.string("goalId"))
        try json.check()
        let kpi = try await goals.addKPI(input, in: alliance, by: user)
        return try APIResponse.json(APIModels.KPIModel(kpi, []), status: .created, etag: kpi.version)
    }

    func record(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let kpi = try await goals.kpi(try context.apiID("kpiId"), of: alliance)
        var json = try await JSONBody.read(request, context: context, body: Self.measurementSave)
        let input = MeasurementInput(on: json.string("on"), value: json.string("value"), note: json.string("note"))
        try json.check()
        try await goals.recordMeasurement(input, for: kpi, in: alliance, by: user)
        let series = try await goals.measurements(kpi)
        return try APIResponse.json(APIModels.KPIModel(kpi, series), etag: kpi.version)
    }

    func csv(_ request: Request, _ context: AppContext) async throws -> Response {
        let (_, alliance) = try await allowed(context)
        return GoalsController.csvResponse(try await goals.kpiCSV(alliance))
    }

    func allowed(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        try await goals.access.api(context)
    }
}

extension APIModels {
    struct GoalModel: Encodable, APIShaped {
        static let schemaName: String? = "Goal"
        let id: UUID
        let allianceId: UUID
        let title: String
        let term: GoalTerm
        let ownerId: UUID
        let status: GoalStatus
        let version: Int
        let createdAt: Date

        init(_ g: Goal) {
            (id, allianceId, title, term, ownerId, status) = (g.id, g.allianceID, g.title, g.term, g.ownerID, g.status)
            (version, createdAt) = (g.version, g.createdAt)
        }
    }

    struct MeasurementModel: Encodable, APIShaped {
        let on: LocalDate
        let value: String
        @Null var note: String?

        init(_ m: KPIMeasurement) {
            (on, value) = (m.on, Money.plain(m.value))
            note = m.note
        }
    }

    struct KPIModel: Encodable, APIShaped {
        static let schemaName: String? = "KPI"
        let id: UUID
        let allianceId: UUID
        @Null var goalId: UUID?
        let name: String
        let category: KPICategory
        let unit: String
        let target: String
        let direction: KPIDirection
        let status: KPIStatus
        let measurements: [MeasurementModel]
        let version: Int
        let createdAt: Date

        init(_ k: KPI, _ series: [KPIMeasurement]) {
            (id, allianceId, name, category, unit) = (k.id, k.allianceID, k.name, k.category, k.unit)
            goalId = k.goalID
            (target, direction) = (Money.plain(k.target), k.direction)
            status = KPIRules.status(k, latest: series.last)
            measurements = series.map(MeasurementModel.init)
            (version, createdAt) = (k.version, k.createdAt)
        }
    }
}

/// The request bodies of its operations.
extension GoalsAPI {
    static let goalCreate = APIBody(
        "GoalCreate",
        [
            .required("title", .text(max: 200)),
            .required("term", .code(GoalTerm.self)),
            .required("ownerId", .uuid.described("A person on the alliance's team")),
            .optional("status", .code(GoalStatus.self)),
        ])
    static let goalStatusChange = APIBody(
        "GoalStatusChange",
        [
            .required("status", .code(GoalStatus.self))
        ])
    static let kpiCreate = APIBody(
        "KPICreate",
        [
            .required("name", .text(max: 160)),
            .required("category", .code(KPICategory.self)),
            .required("unit", .text(max: 24)),
            .required(
                "target", .string.with("pattern", "^-?[0-9][0-9,]*(\\.[0-9]{1,2})?$").described("A number with at most two decimals")),
            .required("direction", .code(KPIDirection.self)),
            .optional("goalId", .uuid.nullable.described("One of the alliance's goals")),
        ])
    static let measurementSave = APIBody(
        "MeasurementSave",
        [
            .required("on", .date),
            .required("value", .string.with("pattern", "^-?[0-9][0-9,]*(\\.[0-9]{1,2})?$").described("A number with at most two decimals")),
            .optional("note", .text(max: 500).nullable),
        ], description: "A second measurement on the same day replaces the first; dates in the future are refused")
}
