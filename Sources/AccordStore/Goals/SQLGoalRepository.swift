import AccordCore
import Foundation
import SQLKit

public struct SQLGoalRepository: GoalRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decodeGoal(_ row: any SQLRow) throws -> Goal {
        Goal(
            id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), title: try row.string("title"), term: try row.choice("term"),
            ownerID: try row.uuid("owner_id"), status: try row.choice("status"), version: try row.int("version"),
            createdAt: try row.date("created_at"))
    }

    static func decodeKPI(_ row: any SQLRow) throws -> KPI {
        KPI(
            id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), goalID: try row.optionalUUID("goal_id"),
            name: try row.string("name"), category: try row.choice("category"), unit: try row.string("unit"),
            target: try row.int64("target_hundredths"), direction: try row.choice("direction"), version: try row.int("version"),
            createdAt: try row.date("created_at"))
    }

    public func goals(allianceID: UUID) async throws -> [Goal] {
        try await database.read { db in
            try await db.raw("SELECT * FROM goals WHERE alliance_id = \(bind: allianceID.canonicalText) ORDER BY created_at, id").all()
                .map(Self.decodeGoal)
        }
    }

    public func createGoal(allianceID: UUID, title: String, term: GoalTerm, ownerID: UUID, status: GoalStatus, by actor: AuditActor)
        async throws -> Goal
    {
        try await database.write(by: actor) { tx in
            let goal = Goal(
                id: tx.newID(), allianceID: allianceID, title: title, term: term, ownerID: ownerID, status: status, version: 1,
                createdAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO goals (id, alliance_id, title, term, owner_id, status, version, created_at, updated_at)
                VALUES (\(bind: goal.id.canonicalText), \(bind: allianceID.canonicalText), \(bind: title), \(bind: term.rawValue),
                    \(bind: ownerID.canonicalText), \(bind: status.rawValue), \(bind: 1), \(bind: Timestamp.format(tx.now)),
                    \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("goal", goal.id, alliance: allianceID, .create, before: nil, after: goal)
            return goal
        }
    }

    public func setGoalStatus(_ id: UUID, _ status: GoalStatus, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard let before = try await tx.rowForUpdate("goals", id: id).map(Self.decodeGoal) else {
                throw DomainError.notFound("No such goal.")
            }
            var after = before
            (after.status, after.version) = (status, before.version + 1)
            try await tx.db.raw(
                """
                UPDATE goals SET status = \(bind: status.rawValue), version = \(bind: after.version), updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            try await tx.record("goal", id, alliance: before.allianceID, .update, before: before, after: after)
        }
    }

    public func kpis(allianceID: UUID) async throws -> [KPI] {
        try await database.read { db in
            try await db.raw("SELECT * FROM kpis WHERE alliance_id = \(bind: allianceID.canonicalText) ORDER BY created_at, id").all()
                .map(Self.decodeKPI)
        }
    }

    public func createKPI(allianceID: UUID, _ valid: KPIInput.Valid, by actor: AuditActor) async throws -> KPI {
        try await database.write(by: actor) { tx in
            if let goal = valid.goalID {
                let row = try await tx.db.raw("SELECT alliance_id FROM goals WHERE id = \(bind: goal.canonicalText)").first()
                guard let row, try row.uuid("alliance_id") == allianceID else {
                    throw DomainError.invalid("goalID", "The goal must be one of this alliance's goals.")
                }
            }
            let kpi = KPI(
                id: tx.newID(), allianceID: allianceID, goalID: valid.goalID, name: valid.name, category: valid.category, unit: valid.unit,
                target: valid.target, direction: valid.direction, version: 1, createdAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO kpis (id, alliance_id, goal_id, name, category, unit, target_hundredths, direction, version, created_at, updated_at)
                VALUES (\(bind: kpi.id.canonicalText), \(bind: allianceID.canonicalText), \(bind: kpi.goalID?.canonicalText), \(bind: kpi.name),
                    \(bind: kpi.category.rawValue), \(bind: kpi.unit), \(bind: kpi.target), \(bind: kpi.direction.rawValue), \(bind: 1),
                    \(bind: Timestamp.format(tx.now)), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("kpi", kpi.id, alliance: allianceID, .create, before: nil, after: kpi)
            return kpi
        }
    }

    public func measurements(kpiIDs: [UUID]) async throws -> [UUID: [KPIMeasurement]] {
        guard !kpiIDs.isEmpty else { return [:] }
        let rows = try await database.read { db in
            try await db.raw(
                "SELECT * FROM kpi_measurements WHERE kpi_id IN \(bindList(kpiIDs.map(\.canonicalText))) ORDER BY measured_on"
            ).all()
        }
        var result: [UUID: [KPIMeasurement]] = [:]
        for row in rows {
            guard let day = try row.localDate("measured_on") else { continue }
            let m = KPIMeasurement(
                kpiID: try row.uuid("kpi_id"), on: day, value: try row.int64("value_hundredths"), note: try row.optionalString("note"))
            result[m.kpiID, default: []].append(m)
        }
        return result
    }

    public func record(_ measurement: KPIMeasurement, allianceID: UUID, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            let key = (measurement.kpiID.canonicalText, measurement.on.description)
            let row = try await tx.db.raw(
                "SELECT * FROM kpi_measurements WHERE kpi_id = \(bind: key.0) AND measured_on = \(bind: key.1)"
            ).first()
            let before = try row.map {
                KPIMeasurement(
                    kpiID: measurement.kpiID, on: measurement.on, value: try $0.int64("value_hundredths"),
                    note: try $0.optionalString("note"))
            }
            try await tx.db.raw("DELETE FROM kpi_measurements WHERE kpi_id = \(bind: key.0) AND measured_on = \(bind: key.1)").run()
            try await tx.db.raw(
                """
                INSERT INTO kpi_measurements (kpi_id, measured_on, value_hundredths, note)
                VALUES (\(bind: key.0), \(bind: key.1), \(bind: measurement.value), \(bind: measurement.note))
                """
            ).run()
            try await tx.record(
                "kpi_measurement", measurement.kpiID, alliance: allianceID, before == nil ? .create : .update, before: before,
                after: measurement)
        }
    }
}
