import AccordCore
import AccordStore
import Foundation

/// Goals and KPI steps shared by the web page and the JSON API; changes need `manageObligations` on the alliance.
/// Goals and KPIs are joint: everyone who may see the alliance sees them.
struct GoalsService: Sendable {
    private let repository: any GoalRepository
    let access: AllianceAccess
    let clock: WallClock

    init(_ store: Store) {
        repository = store.goals
        access = AllianceAccess(store)
        clock = store.database.clock
    }

    var today: LocalDate { clock.today }

    /// The alliance's goals, KPIs and every KPI's measurements.
    struct Board {
        let goals: [Goal]
        let kpis: [KPI]
        let measurements: [UUID: [KPIMeasurement]]
    }

    func board(_ alliance: Alliance) async throws -> Board {
        let kpis = try await repository.kpis(allianceID: alliance.id)
        return Board(
            goals: try await repository.goals(allianceID: alliance.id), kpis: kpis,
            measurements: try await repository.measurements(kpiIDs: kpis.map(\.id)))
    }

    func goals(_ alliance: Alliance) async throws -> [Goal] { try await repository.goals(allianceID: alliance.id) }

    func measurements(_ kpi: KPI) async throws -> [KPIMeasurement] {
        try await repository.measurements(kpiIDs: [kpi.id])[kpi.id] ?? []
    }

    func addGoal(_ input: GoalInput, in alliance: Alliance, by user: SignedIn) async throws -> Goal {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let v = try input.validate(team: Set(try await access.team(alliance).map(\.person.id)))
        return try await repository.createGoal(
            allianceID: alliance.id, title: v.title, term: v.term, ownerID: v.ownerID, status: v.status, by: user.actor)
    }

    func goal(_ id: UUID, of alliance: Alliance) async throws -> Goal {
        guard let goal = try await repository.goals(allianceID: alliance.id).first(where: { $0.id == id }) else {
            throw DomainError.notFound("No such goal.")
        }
        return goal
    }

    func setGoalStatus(_ goal: Goal, to raw: String?, in alliance: Alliance, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        guard let status = GoalStatus(rawValue: raw ?? "") else {
            throw DomainError.invalid("status", "Status must be planned, in_progress, achieved or abandoned.")
        }
        try await repository.setGoalStatus(goal.id, status, by: user.actor)
    }

    func addKPI(_ input: KPIInput, in alliance: Alliance, by user: SignedIn) async throws -> KPI {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let valid = try input.validate(goals: Set(try await repository.goals(allianceID: alliance.id).map(\.id)))
        return try await repository.createKPI(allianceID: alliance.id, valid, by: user.actor)
    }

    func kpi(_ id: UUID, of alliance: Alliance) async throws -> KPI {
        guard let kpi = try await repository.kpis(allianceID: alliance.id).first(where: { $0.id == id }) else {
            throw DomainError.notFound("No such KPI.")
        }
        return kpi
    }

    func recordMeasurement(_ input: MeasurementInput, for kpi: KPI, in alliance: Alliance, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        try await repository.record(try input.validate(kpi, today: today), allianceID: alliance.id, by: user.actor)
    }

    func kpiCSV(_ alliance: Alliance) async throws -> String {
        let board = try await board(alliance)
        return KPIExport.csv(board.kpis, goals: board.goals, measurements: board.measurements)
    }
}
