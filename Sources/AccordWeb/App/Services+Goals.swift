import AccordCore
import AccordStore
import Foundation

/// Goals and KPI steps shared by the web page and the JSON API; changes need `manageObligations` on the alliance.
extension Services {
    func addGoal(_ input: GoalInput, in alliance: Alliance, by user: SignedIn) async throws -> Goal {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let v = try input.validate(team: Set(try await allianceTeam(alliance).map(\.person.id)))
        return try await store.goals.createGoal(
            allianceID: alliance.id, title: v.title, term: v.term, ownerID: v.ownerID, status: v.status, by: actor(user))
    }

    func goal(_ id: UUID, of alliance: Alliance) async throws -> Goal {
        guard let goal = try await store.goals.goals(allianceID: alliance.id).first(where: { $0.id == id }) else {
            throw DomainError.notFound("No such goal.")
        }
        return goal
    }

    func setGoalStatus(_ goal: Goal, to raw: String?, in alliance: Alliance, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        guard let status = GoalStatus(rawValue: raw ?? "") else {
            throw DomainError.invalid("status", "Status must be planned, in_progress, achieved or abandoned.")
        }
        try await store.goals.setGoalStatus(goal.id, status, by: actor(user))
    }

    func addKPI(_ input: KPIInput, in alliance: Alliance, by user: SignedIn) async throws -> KPI {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let valid = try input.validate(goals: Set(try await store.goals.goals(allianceID: alliance.id).map(\.id)))
        return try await store.goals.createKPI(allianceID: alliance.id, valid, by: actor(user))
    }

    func kpi(_ id: UUID, of alliance: Alliance) async throws -> KPI {
        guard let kpi = try await store.goals.kpis(allianceID: alliance.id).first(where: { $0.id == id }) else {
            throw DomainError.notFound("No such KPI.")
        }
        return kpi
    }

    func recordMeasurement(_ input: MeasurementInput, for kpi: KPI, in alliance: Alliance, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        try await store.goals.record(try input.validate(kpi, today: today), allianceID: alliance.id, by: actor(user))
    }

    func kpiCSV(_ alliance: Alliance) async throws -> String {
        let kpis = try await store.goals.kpis(allianceID: alliance.id)
        return KPIExport.csv(
            kpis, goals: try await store.goals.goals(allianceID: alliance.id),
            measurements: try await store.goals.measurements(kpiIDs: kpis.map(\.id)))
    }
}
