import AccordCore
import Foundation
import SQLKit

extension SQLHealthRepository {
    public func tally(waveID: UUID) async throws -> WaveTally {
        var tally = try await tallies(waveIDs: [waveID], byFunction: true)[waveID] ?? WaveTally()
        let comments = try await database.read { db in
            try await db.raw(
                """
                SELECT r.side, r.function, a.comment AS text FROM health_responses r
                JOIN health_answers a ON a.response_id = r.id
                WHERE r.wave_id = \(bind: waveID.canonicalText) AND a.comment IS NOT NULL
                UNION ALL
                SELECT r.side, r.function, o.answer AS text FROM health_responses r
                JOIN health_open_answers o ON o.response_id = r.id WHERE r.wave_id = \(bind: waveID.canonicalText)
                """
            ).all()
        }
        for row in comments {
            let group = RespondentGroup(side: try row.choice("side"), function: try row.choice("function"))
            tally.comments[group, default: []].append(try row.string("text"))
        }
        return tally
    }

    /// Counts from `health_counts`: one row per wave, group and statement with the number of answers at each
    /// score, never one per person. Without `byFunction` the groups are whole sides, which is all trends and the
    /// portfolio need.
    public func tallies(waveIDs: [UUID], byFunction: Bool) async throws -> [UUID: WaveTally] {
        guard !waveIDs.isEmpty else { return [:] }
        let ids = bindList(waveIDs.map(\.canonicalText))
        let function = byFunction ? ", function" : ""
        return try await database.read { db in
            var tallies: [UUID: WaveTally] = [:]
            func group(_ row: any SQLRow) throws -> RespondentGroup {
                RespondentGroup(side: try row.choice("side"), function: byFunction ? try row.choice("function") : nil)
            }
            let people = try await db.raw(
                """
                SELECT wave_id, side\(unsafeRaw: function), COUNT(*) AS n FROM health_responses WHERE wave_id IN \(ids)
                GROUP BY wave_id, side\(unsafeRaw: function)
                """
            ).all()
            for row in people {
                tallies[try row.uuid("wave_id"), default: WaveTally()].respondents[try group(row)] = try row.int("n")
            }
            // Kept by each submission (migration 0013); per side, the functions are summed here.
            let answers = try await db.raw(
                byFunction
                    ? "SELECT wave_id, side, function, question_key, s1, s2, s3, s4, s5 FROM health_counts WHERE wave_id IN \(ids)"
                    : """
                    SELECT wave_id, side, question_key, CAST(SUM(s1) AS BIGINT) AS s1, CAST(SUM(s2) AS BIGINT) AS s2,
                        CAST(SUM(s3) AS BIGINT) AS s3, CAST(SUM(s4) AS BIGINT) AS s4, CAST(SUM(s5) AS BIGINT) AS s5
                    FROM health_counts WHERE wave_id IN \(ids) GROUP BY wave_id, side, question_key
                    """
            ).all()
            for row in answers {
                let counts = try ["s1", "s2", "s3", "s4", "s5"].map { try row.int($0) }
                tallies[try row.uuid("wave_id"), default: WaveTally()].add(
                    try group(row), question: try row.string("question_key"), counts: counts)
            }
            return tallies
        }
    }

    static func decodeAction(_ row: any SQLRow) throws -> HealthAction {
        guard let due = try row.localDate("due_on") else { throw StoreError.unexpected("action without a due date") }
        return HealthAction(
            id: try row.uuid("id"), waveID: try row.uuid("wave_id"), allianceID: try row.uuid("alliance_id"),
            dimensionKey: try row.string("dimension_key"), title: try row.string("title"), ownerID: try row.uuid("owner_id"),
            dueOn: due, status: try row.choice("status"), version: try row.int("version"), createdAt: try row.date("created_at"))
    }

    public func actions(waveIDs: [UUID]) async throws -> [HealthAction] {
        guard !waveIDs.isEmpty else { return [] }
        return try await database.read { db in
            try await db.raw(
                "SELECT * FROM health_actions WHERE wave_id IN \(bindList(waveIDs.map(\.canonicalText))) ORDER BY due_on, created_at, id"
            ).all().map(Self.decodeAction)
        }
    }

    public func actions(ownerID: UUID) async throws -> [HealthAction] {
        try await database.read { db in
            try await db.raw("SELECT * FROM health_actions WHERE owner_id = \(bind: ownerID.canonicalText) ORDER BY due_on, id").all()
                .map(Self.decodeAction)
        }
    }

    public func createAction(_ wave: HealthWave, _ valid: HealthActionInput.Valid, by actor: AuditActor) async throws -> HealthAction {
        try await database.write(by: actor) { tx in
            let action = HealthAction(
                id: tx.newID(), waveID: wave.id, allianceID: wave.allianceID, dimensionKey: valid.dimensionKey, title: valid.title,
                ownerID: valid.ownerID, dueOn: valid.dueOn, status: valid.status, version: 1, createdAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO health_actions
                    (id, wave_id, alliance_id, dimension_key, title, owner_id, due_on, status, version, created_at, updated_at)
                VALUES (\(bind: action.id.canonicalText), \(bind: wave.id.canonicalText), \(bind: wave.allianceID.canonicalText),
                    \(bind: action.dimensionKey), \(bind: action.title), \(bind: action.ownerID.canonicalText),
                    \(bind: action.dueOn.description), \(bind: action.status.rawValue), \(bind: 1), \(bind: Timestamp.format(tx.now)),
                    \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("health_action", action.id, alliance: wave.allianceID, .create, before: nil, after: action)
            return action
        }
    }

    public func updateAction(_ id: UUID, _ valid: HealthActionInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws
        -> HealthAction
    {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate(
                "health_actions", id: id, expected: expectedVersion, entity: "action", missing: "No such action."
            ) { _ in
                try await tx.rowForUpdate("health_actions", id: id).map(Self.decodeAction)
            }
            var after = before
            after.dimensionKey = valid.dimensionKey
            after.title = valid.title
            after.ownerID = valid.ownerID
            after.dueOn = valid.dueOn
            after.status = valid.status
            after.version += 1
            try await tx.db.raw(
                """
                UPDATE health_actions SET dimension_key = \(bind: after.dimensionKey), title = \(bind: after.title),
                    owner_id = \(bind: after.ownerID.canonicalText), due_on = \(bind: after.dueOn.description),
                    status = \(bind: after.status.rawValue), version = \(bind: after.version), updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            try await tx.record("health_action", id, alliance: before.allianceID, .update, before: before, after: after)
            return after
        }
    }
}
