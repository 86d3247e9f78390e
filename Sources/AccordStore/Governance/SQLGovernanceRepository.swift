import AccordCore
import Foundation
import SQLKit

public struct SQLGovernanceRepository: GovernanceRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decodeBody(_ row: any SQLRow) throws -> GovernanceBody {
        GovernanceBody(
            id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), parentID: try row.optionalUUID("parent_id"),
            name: try row.string("name"), kind: try row.choice("kind"),
            charter: try JSONDecoder().decode(Charter.self, from: Data(try row.string("charter").utf8)),
            visibility: try row.choice("visibility"), version: try row.int("version"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }

    static func decodeMember(_ row: any SQLRow) throws -> BodyMember {
        BodyMember(
            id: try row.uuid("id"), bodyID: try row.uuid("body_id"), personID: try row.uuid("person_id"), side: try row.choice("side"),
            role: try row.choice("role"), createdAt: try row.date("created_at"))
    }

    public func bodies(allianceID: UUID) async throws -> [GovernanceBody] {
        try await database.read { db in
            try await db.raw(
                "SELECT * FROM governance_bodies WHERE alliance_id = \(bind: allianceID.canonicalText) ORDER BY created_at, id"
            ).all().map(Self.decodeBody)
        }
    }

    public func bodies(allianceIDs: [UUID]?) async throws -> [GovernanceBody] {
        if allianceIDs?.isEmpty == true { return [] }
        return try await database.read { db in
            try await db.raw("SELECT * FROM governance_bodies\(Self.allianceFilter(allianceIDs, where: true)) ORDER BY created_at, id")
                .all().map(Self.decodeBody)
        }
    }

    /// ` WHERE alliance_id IN (...)` (or ` AND ...`), or nothing for every alliance.
    static func allianceFilter(_ ids: [UUID]?, where first: Bool, column: String = "alliance_id") -> SQLQueryString {
        guard let ids else { return "" }
        var filter = SQLQueryString(first ? " WHERE " : " AND ")
        filter.appendInterpolation(unsafeRaw: column + " IN ")
        return filter + bindList(ids.map(\.canonicalText))
    }

    public func bodies(ids: [UUID]) async throws -> [GovernanceBody] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { db in
            try await db.raw("SELECT * FROM governance_bodies WHERE id IN \(bindList(ids.map(\.canonicalText)))").all().map(Self.decodeBody)
        }
    }

    public func cadenceCandidates(allianceIDs: [UUID]?, from: LocalDate, through: LocalDate, sharedOnly: Bool) async throws
        -> [CadenceCandidate]
    {
        if allianceIDs?.isEmpty == true { return [] }
        // One index range of `meetings_body` per body: cheaper than grouping a year of every body's meetings.
        var bodies: SQLQueryString = "FROM governance_bodies b WHERE b.min_meetings_per_year > 0"
        if sharedOnly { bodies = bodies + " AND b.visibility = \(bind: Visibility.shared.rawValue)" }
        bodies = bodies + Self.allianceFilter(allianceIDs, where: false, column: "b.alliance_id")
        let held: SQLQueryString = """
            (SELECT COUNT(*) FROM meetings m WHERE m.body_id = b.id AND m.meeting_date >= \(bind: from.description)
                AND m.meeting_date <= \(bind: through.description)) AS held
            """
        let query: SQLQueryString =
            "SELECT c.* FROM (SELECT b.id, b.alliance_id, b.name, b.created_at, b.min_meetings_per_year, b.visibility, " + held + " "
            + bodies + ") c WHERE c.min_meetings_per_year > c.held ORDER BY c.created_at, c.id"
        let rows = try await database.read { db in try await db.raw(query).all() }
        return try rows.map { row in
            CadenceCandidate(
                id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), name: try row.string("name"),
                createdAt: try row.date("created_at"), minMeetingsPerYear: try row.int("min_meetings_per_year"),
                visibility: try row.choice("visibility"), held: try row.int("held"))
        }
    }

    /// The first `limit` rows of `from` in `order` (all of them when nil) with how many there are in all; counted
    /// with a second statement only when the first page is full.
    static func first<T: Sendable>(
        _ limit: Int?, select: String, _ from: SQLQueryString, order: String, in db: any SQLDatabase, _ decode: (any SQLRow) throws -> T
    ) async throws -> Page<T> {
        var query = SQLQueryString("SELECT " + select + " ") + from + SQLQueryString(" ORDER BY " + order)
        if let limit { query = query + SQLQueryString(" LIMIT " + String(max(0, limit))) }
        let items = try await db.raw(query).all().map(decode)
        guard let limit, items.count >= limit else {
            return Page(items: items, total: items.count, page: 1, perPage: limit ?? max(items.count, 1))
        }
        let total = try await db.raw("SELECT COUNT(*) AS n " + from).first().map { try $0.int("n") } ?? items.count
        return Page(items: items, total: total, page: 1, perPage: limit)
    }

    public func body(id: UUID) async throws -> GovernanceBody? {
        try await database.read { db in
            try await db.raw("SELECT * FROM governance_bodies WHERE id = \(bind: id.canonicalText)").first().map(Self.decodeBody)
        }
    }

    /// The parent must belong to the alliance and must not be the body or below it.
    static func checkParent(_ parentID: UUID?, of bodyID: UUID?, allianceID: UUID, in db: any SQLDatabase) async throws {
        guard let parentID else { return }
        let bodies = try await db.raw("SELECT * FROM governance_bodies WHERE alliance_id = \(bind: allianceID.canonicalText)").all()
            .map(decodeBody)
        guard bodies.contains(where: { $0.id == parentID }) else {
            throw DomainError.invalid("parentID", "Parent body must be a body of this alliance.")
        }
        var current: UUID? = parentID
        var seen: Set<UUID> = []
        while let id = current, seen.insert(id).inserted {
            if id == bodyID { throw DomainError.invalid("parentID", "A body cannot sit under itself or one of its subcommittees.") }
            current = bodies.first { $0.id == id }?.parentID
        }
    }

    public func createBody(allianceID: UUID, _ valid: BodyInput.Valid, by actor: AuditActor) async throws -> GovernanceBody {
        try await database.write(by: actor) { tx in
            try await Self.checkParent(valid.parentID, of: nil, allianceID: allianceID, in: tx.db)
            let body = GovernanceBody(
                id: tx.newID(), allianceID: allianceID, parentID: valid.parentID, name: valid.name, kind: valid.kind,
                charter: valid.charter,
                visibility: valid.visibility, version: 1, createdAt: tx.now, updatedAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO governance_bodies (id, alliance_id, parent_id, name, kind, charter, min_meetings_per_year, visibility, version,
                    created_at, updated_at)
                VALUES (\(bind: body.id.canonicalText), \(bind: allianceID.canonicalText), \(bind: body.parentID?.canonicalText), \(bind: body.name),
                    \(bind: body.kind.rawValue), \(bind: AuditChange.snapshot(body.charter)), \(bind: body.charter.minMeetingsPerYear),
                    \(bind: body.visibility.rawValue), \(bind: 1), \(bind: Timestamp.format(tx.now)), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("governance_body", body.id, alliance: allianceID, .create, before: nil, after: body)
            return body
        }
    }

    public func updateBody(_ id: UUID, _ valid: BodyInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> GovernanceBody
    {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate(
                "governance_bodies", id: id, expected: expectedVersion, entity: "body", missing: "No such body."
            ) { _ in
                try await tx.rowForUpdate("governance_bodies", id: id).map(Self.decodeBody)
            }
            try await Self.checkParent(valid.parentID, of: id, allianceID: before.allianceID, in: tx.db)
            var after = before
            (after.name, after.kind, after.parentID, after.charter, after.visibility) = (
                valid.name, valid.kind, valid.parentID, valid.charter, valid.visibility
            )
            after.version += 1
            after.updatedAt = tx.now
            try await tx.db.raw(
                """
                UPDATE governance_bodies SET name = \(bind: after.name), kind = \(bind: after.kind.rawValue),
                    parent_id = \(bind: after.parentID?.canonicalText), charter = \(bind: AuditChange.snapshot(after.charter)),
                    min_meetings_per_year = \(bind: after.charter.minMeetingsPerYear), visibility = \(bind: after.visibility.rawValue), version = \(bind: after.version),
                    updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            try await tx.record("governance_body", id, alliance: before.allianceID, .update, before: before, after: after)
            return after
        }
    }

    public func members(bodyIDs: [UUID]) async throws -> [UUID: [BodyMember]] {
        guard !bodyIDs.isEmpty else { return [:] }
        let members = try await database.read { db in
            try await db.raw(
                "SELECT * FROM body_members WHERE body_id IN \(bindList(bodyIDs.map(\.canonicalText))) ORDER BY created_at, id"
            ).all().map(Self.decodeMember)
        }
        let order: [BodyRole] = [.chair, .coChair, .member, .secretary]
        return Dictionary(grouping: members, by: \.bodyID).mapValues { list in
            list.sorted {
                (order.firstIndex(of: $0.role)!, $0.side.rawValue) < (order.firstIndex(of: $1.role)!, $1.side.rawValue)
            }
        }
    }

    public func seats(personID: UUID) async throws -> [BodyMember] {
        try await database.read { db in
            try await db.raw("SELECT * FROM body_members WHERE person_id = \(bind: personID.canonicalText) ORDER BY created_at, id").all()
                .map(Self.decodeMember)
        }
    }

    public func addMember(_ bodyID: UUID, personID: UUID, side: Side, role: BodyRole, by actor: AuditActor) async throws -> BodyMember {
        try await database.write(by: actor) { tx in
            guard
                let body = try await tx.rowForUpdate("governance_bodies", id: bodyID).map(Self.decodeBody)
            else { throw DomainError.notFound("No such body.") }
            return try await Self.insertMember(body, personID: personID, side: side, role: role, in: tx)
        }
    }

    /// Seats a person on a locked body, within its charter's maximum; audited.
    static func insertMember(_ body: GovernanceBody, personID: UUID, side: Side, role: BodyRole, in tx: AuditedTransaction) async throws
        -> BodyMember
    {
        let members = try await tx.db.raw("SELECT * FROM body_members WHERE body_id = \(bind: body.id.canonicalText)").all()
            .map(Self.decodeMember)
        try GovernanceChecks.checkAdd(body, members, personID: personID, side: side, role: role)
        let member = BodyMember(id: tx.newID(), bodyID: body.id, personID: personID, side: side, role: role, createdAt: tx.now)
        try await tx.db.raw(
            """
            INSERT INTO body_members (id, body_id, person_id, side, role, created_at)
            VALUES (\(bind: member.id.canonicalText), \(bind: body.id.canonicalText), \(bind: personID.canonicalText), \(bind: side.rawValue),
                \(bind: role.rawValue), \(bind: Timestamp.format(tx.now)))
            """
        ).run()
        try await tx.record("body_member", member.id, alliance: body.allianceID, .create, before: nil, after: member)
        return member
    }

    public func removeMember(_ memberID: UUID, from bodyID: UUID, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard
                let member = try await tx.db.raw(
                    "SELECT * FROM body_members WHERE id = \(bind: memberID.canonicalText) AND body_id = \(bind: bodyID.canonicalText)"
                ).first().map(Self.decodeMember),
                let body = try await tx.db.raw("SELECT * FROM governance_bodies WHERE id = \(bind: bodyID.canonicalText)").first().map(
                    Self.decodeBody)
            else { throw DomainError.notFound("No such member.") }
            try await Self.deleteMember(member, allianceID: body.allianceID, in: tx)
        }
    }

    static func deleteMember(_ member: BodyMember, allianceID: UUID, in tx: AuditedTransaction) async throws {
        try await tx.db.raw("DELETE FROM body_members WHERE id = \(bind: member.id.canonicalText)").run()
        try await tx.record("body_member", member.id, alliance: allianceID, .delete, before: member, after: nil)
    }
}
