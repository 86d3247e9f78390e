import AccordCore
import Foundation
import SQLKit

/// Counterpart pairs; each change audited in its transaction.
public struct SQLRelationshipRepository: RelationshipRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decode(_ row: any SQLRow) throws -> CounterpartPair {
        let valid = CounterpartInput.Valid(
            ourPersonID: try row.uuid("our_person_id"), partnerPersonID: try row.uuid("partner_person_id"), level: try row.choice("level"),
            function: try row.choice("function"), cadence: try row.choice("cadence"), lastContact: try row.localDate("last_contact"),
            strength: try row.int("strength"), notes: try row.optionalString("notes"))
        return CounterpartPair(
            id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), valid: valid, version: try row.int("version"),
            createdAt: try row.date("created_at"))
    }

    public func pairs(allianceID: UUID) async throws -> [CounterpartPair] {
        let rows = try await database.read { db in
            try await db.raw(
                "SELECT * FROM counterpart_pairs WHERE alliance_id = \(bind: allianceID.canonicalText) ORDER BY created_at, id"
            )
            .all().map(Self.decode)
        }
        return rows.sorted(by: RelationshipMap.order)
    }

    public func pair(id: UUID) async throws -> CounterpartPair? {
        try await database.read { db in
            try await db.raw("SELECT * FROM counterpart_pairs WHERE id = \(bind: id.canonicalText)").first().map(Self.decode)
        }
    }

    static func checkUnique(_ valid: CounterpartInput.Valid, allianceID: UUID, excluding id: UUID?, in db: any SQLDatabase) async throws {
        let row = try await db.raw(
            """
            SELECT id FROM counterpart_pairs WHERE alliance_id = \(bind: allianceID.canonicalText)
                AND our_person_id = \(bind: valid.ourPersonID.canonicalText) AND partner_person_id = \(bind: valid.partnerPersonID.canonicalText)
            """
        ).first()
        if let row, try row.uuid("id") != id {
            throw DomainError.invalid("partnerPersonID", "These two people are already a pair in this alliance.")
        }
    }

    public func create(allianceID: UUID, _ valid: CounterpartInput.Valid, by actor: AuditActor) async throws -> CounterpartPair {
        try await database.write(by: actor) { tx in
            try await Self.checkUnique(valid, allianceID: allianceID, excluding: nil, in: tx.db)
            let pair = CounterpartPair(id: tx.newID(), allianceID: allianceID, valid: valid, createdAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO counterpart_pairs (id, alliance_id, our_person_id, partner_person_id, level, function, cadence, last_contact,
                    strength, notes, version, created_at, updated_at)
                VALUES (\(bind: pair.id.canonicalText), \(bind: allianceID.canonicalText), \(bind: pair.ourPersonID.canonicalText),
                    \(bind: pair.partnerPersonID.canonicalText), \(bind: pair.level.rawValue), \(bind: pair.function.rawValue),
                    \(bind: pair.cadence.rawValue), \(bind: pair.lastContact?.description), \(bind: pair.strength), \(bind: pair.notes),
                    \(bind: 1), \(bind: Timestamp.format(tx.now)), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("counterpart_pair", pair.id, alliance: allianceID, .create, before: nil, after: pair)
            return pair
        }
    }

    public func update(_ id: UUID, _ valid: CounterpartInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws
        -> CounterpartPair
    {
        try await change(id, expectedVersion: expectedVersion, by: actor) { before, db in
            try await Self.checkUnique(valid, allianceID: before.allianceID, excluding: id, in: db)
            var after = before
            after.apply(valid)
            return after
        }
    }

    public func recordContact(_ id: UUID, on day: LocalDate, by actor: AuditActor) async throws -> CounterpartPair {
        try await change(id, expectedVersion: nil, by: actor) { before, _ in
            var after = before
            after.lastContact = max(day, before.lastContact ?? day)
            return after
        }
    }

    func change(
        _ id: UUID, expectedVersion: Int?, by actor: AuditActor, _ body: (CounterpartPair, any SQLDatabase) async throws -> CounterpartPair
    ) async throws -> CounterpartPair {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate(
                "counterpart_pairs", id: id, expected: expectedVersion, entity: "pair", missing: "No such pair."
            ) { _ in
                try await tx.rowForUpdate("counterpart_pairs", id: id).map(Self.decode)
            }
            var after = try await body(before, tx.db)
            after.version = before.version + 1
            try await tx.db.raw(
                """
                UPDATE counterpart_pairs SET our_person_id = \(bind: after.ourPersonID.canonicalText),
                    partner_person_id = \(bind: after.partnerPersonID.canonicalText), level = \(bind: after.level.rawValue),
                    function = \(bind: after.function.rawValue), cadence = \(bind: after.cadence.rawValue),
                    last_contact = \(bind: after.lastContact?.description), strength = \(bind: after.strength), notes = \(bind: after.notes),
                    version = \(bind: after.version), updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            try await tx.record("counterpart_pair", id, alliance: before.allianceID, .update, before: before, after: after)
            return after
        }
    }

    public func delete(_ id: UUID, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard let before = try await tx.rowForUpdate("counterpart_pairs", id: id).map(Self.decode) else {
                throw DomainError.notFound("No such pair.")
            }
            try await tx.db.raw("DELETE FROM counterpart_pairs WHERE id = \(bind: id.canonicalText)").run()
            try await tx.record("counterpart_pair", id, alliance: before.allianceID, .delete, before: before, after: nil)
        }
    }
}
