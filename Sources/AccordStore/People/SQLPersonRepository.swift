import AccordCore
import Foundation
import SQLKit

public struct SQLPersonRepository: PersonRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decode(_ row: any SQLRow) throws -> Person {
        Person(
            id: try row.uuid("id"), organizationID: try row.uuid("organization_id"), name: try row.string("name"),
            email: try row.string("email"), title: try row.optionalString("title"), function: try row.choice("function"),
            level: try row.choice("level"), version: try row.int("version"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }

    public func list(organizationID: UUID?, text: String?, page: Int, perPage: Int) async throws -> Page<Person> {
        var filter = SQLQueryString("WHERE 1 = 1")
        if let organizationID {
            filter.appendInterpolation(unsafeRaw: " AND organization_id = ")
            filter.appendInterpolation(bind: organizationID.canonicalText)
        }
        if let text, !text.isEmpty {
            let pattern = "%" + text.lowercased() + "%"
            filter.appendInterpolation(unsafeRaw: " AND (lower(name) LIKE ")
            filter.appendInterpolation(bind: pattern)
            filter.appendInterpolation(unsafeRaw: " OR lower(email) LIKE ")
            filter.appendInterpolation(bind: pattern)
            filter.appendInterpolation(unsafeRaw: ")")
        }
        return try await database.read { [filter] db in
            let total = try await db.raw("SELECT COUNT(*) AS n FROM people \(filter)").first()?.int("n") ?? 0
            let rows = try await db.raw(
                "SELECT * FROM people \(filter) ORDER BY lower(name), id LIMIT \(bind: perPage) OFFSET \(bind: (page - 1) * perPage)"
            ).all()
            return Page(items: try rows.map(Self.decode), total: total, page: page, perPage: perPage)
        }
    }

    public func all(organizationIDs: [UUID]) async throws -> [Person] {
        guard !organizationIDs.isEmpty else { return [] }
        return try await database.read { db in
            try await db.select().column("*").from("people")
                .where("organization_id", .in, organizationIDs.map(\.canonicalText))
                .orderBy(SQLFunction("lower", args: SQLIdentifier("name")))
                .all().map(Self.decode)
        }
    }

    public func names(in scope: PeopleScope, matching text: String?, limit: Int?) async throws -> [NamedID] {
        try await database.read { db in
            try await db.raw(
                "SELECT id, name FROM people WHERE \(Self.within(scope))\(NameMatch.clause("name", text)) ORDER BY lower(name), id\(NameMatch.limit(limit))"
            ).all().map { NamedID(id: try $0.uuid("id"), name: try $0.string("name")) }
        }
    }

    public func count(in scope: PeopleScope, upTo limit: Int) async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM (SELECT 1 FROM people WHERE \(Self.within(scope)) LIMIT \(bind: limit)) d")
                .first()?.int("n") ?? 0
        }
    }

    /// The people of a scope, as a condition.
    static func within(_ scope: PeopleScope) -> SQLQueryString {
        switch scope {
        case .organization(let id): "organization_id = \(bind: id.canonicalText)"
        case .kind(let kind): "organization_id IN (SELECT id FROM organizations WHERE kind = \(bind: kind.rawValue))"
        case .everyone: "1 = 1"
        }
    }

    public func teamCandidates(allianceID: UUID, organizationIDs: [UUID], matching text: String?, limit: Int) async throws
        -> [Person]
    {
        guard !organizationIDs.isEmpty else { return [] }
        return try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM people WHERE organization_id IN \(bindList(organizationIDs.map(\.canonicalText)))
                AND \(Self.notOnTeam(allianceID))\(NameMatch.clause("name", text))
                ORDER BY lower(name), id\(NameMatch.limit(limit))
                """
            ).all().map(Self.decode)
        }
    }

    public func teamCandidateCount(allianceID: UUID, organizationIDs: [UUID], upTo limit: Int) async throws -> Int {
        guard !organizationIDs.isEmpty else { return 0 }
        return try await database.read { db in
            try await db.raw(
                """
                SELECT COUNT(*) AS n FROM (SELECT 1 FROM people WHERE organization_id IN \(bindList(organizationIDs.map(\.canonicalText)))
                AND \(Self.notOnTeam(allianceID)) LIMIT \(bind: limit)) d
                """
            ).first()?.int("n") ?? 0
        }
    }

    /// People who are not on the alliance's team yet (the team picker's and the coverage gaps' candidates).
    static func notOnTeam(_ allianceID: UUID) -> SQLQueryString {
        "id NOT IN (SELECT person_id FROM memberships WHERE alliance_id = \(bind: allianceID.canonicalText))"
    }

    public func functionCandidates(
        allianceID: UUID, organizationID: UUID, function: BusinessFunction, levels: [Level], limit: Int
    ) async throws -> Page<Person> {
        var rank = SQLQueryString("CASE level")
        for (index, level) in levels.enumerated() {
            rank.appendInterpolation(unsafeRaw: " WHEN ")
            rank.appendInterpolation(bind: level.rawValue)
            rank.appendInterpolation(unsafeRaw: " THEN \(index)")
        }
        rank.appendInterpolation(unsafeRaw: " ELSE \(levels.count) END")
        let filter: SQLQueryString = """
            FROM people WHERE organization_id = \(bind: organizationID.canonicalText) AND function = \(bind: function.rawValue)
            AND \(Self.notOnTeam(allianceID))
            """
        return try await database.read { [rank] db in
            let people = try await db.raw("SELECT * \(filter) ORDER BY \(rank), lower(name), id LIMIT \(bind: limit)").all().map(
                Self.decode)
            let total =
                people.count < limit ? people.count : try await db.raw("SELECT COUNT(*) AS n \(filter)").first()?.int("n") ?? people.count
            return Page(items: people, total: total, page: 1, perPage: limit)
        }
    }

    public func find(_ id: UUID) async throws -> Person? {
        try await database.read { db in try await Self.find(id, in: db) }
    }

    static func find(_ id: UUID, in db: any SQLDatabase) async throws -> Person? {
        try await db.raw("SELECT * FROM people WHERE id = \(bind: id.canonicalText)").first().map(decode)
    }

    public func names(ids: [UUID]) async throws -> [UUID: String] {
        try await database.names(table: "people", ids: ids)
    }

    public func find(ids: [UUID]) async throws -> [UUID: Person] {
        guard !ids.isEmpty else { return [:] }
        let people = try await database.read { db in
            try await db.select().column("*").from("people").where("id", .in, Set(ids).map(\.canonicalText)).all().map(Self.decode)
        }
        return Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func create(_ valid: PersonInput.Valid, by actor: AuditActor) async throws -> Person {
        try await database.write(by: actor) { tx in
            try await Self.checkRules(valid, excluding: nil, in: tx.db)
            let person = Person(
                id: tx.newID(), organizationID: valid.organizationID, name: valid.name, email: valid.email, title: valid.title,
                function: valid.function, level: valid.level, createdAt: tx.now, updatedAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO people (id, organization_id, name, email, title, function, level, version, created_at, updated_at)
                VALUES (\(bind: person.id.canonicalText), \(bind: person.organizationID.canonicalText), \(bind: person.name),
                    \(bind: person.email), \(bind: person.title), \(bind: person.function.rawValue), \(bind: person.level.rawValue),
                    1, \(bind: Timestamp.format(tx.now)), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("person", person.id, .create, before: nil, after: person)
            return person
        }
    }

    public func update(_ id: UUID, _ valid: PersonInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> Person {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate(
                "people", id: id, expected: expectedVersion, entity: "person", missing: "No such person."
            ) { db in
                try await Self.find(id, in: db)
            }
            try await Self.checkRules(valid, excluding: id, in: tx.db)
            if before.organizationID != valid.organizationID {
                let teams = try await tx.db.raw("SELECT COUNT(*) AS n FROM memberships WHERE person_id = \(bind: id.canonicalText)").first()
                if try teams?.int("n") ?? 0 > 0 {
                    throw DomainError.invalid(
                        "organizationID", "\(before.name) is on alliance teams; remove them from those teams before moving them.")
                }
            }
            var after = before
            after.apply(valid)
            after.version += 1
            after.updatedAt = tx.now
            try await tx.db.raw(
                """
                UPDATE people SET organization_id = \(bind: after.organizationID.canonicalText), name = \(bind: after.name),
                    email = \(bind: after.email), title = \(bind: after.title), function = \(bind: after.function.rawValue),
                    level = \(bind: after.level.rawValue), version = \(bind: after.version),
                    updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            try await tx.record("person", id, .update, before: before, after: after)
            return after
        }
    }

    public func delete(_ id: UUID, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard let before = try await Self.find(id, in: tx.db) else { throw DomainError.notFound("No such person.") }
            let key = id.canonicalText
            let uses = try await tx.db.raw(
                """
                SELECT (SELECT COUNT(*) FROM memberships WHERE person_id = \(bind: key))
                     + (SELECT COUNT(*) FROM users WHERE person_id = \(bind: key))
                     + (SELECT COUNT(*) FROM alliances WHERE our_sponsor_id = \(bind: key) OR our_manager_id = \(bind: key)
                        OR partner_sponsor_id = \(bind: key) OR partner_manager_id = \(bind: key))
                     + (SELECT COUNT(*) FROM health_invitations WHERE person_id = \(bind: key))
                     + (SELECT COUNT(*) FROM health_actions WHERE owner_id = \(bind: key))
                     + (SELECT COUNT(*) FROM body_members WHERE person_id = \(bind: key))
                     + (SELECT COUNT(*) FROM meeting_attendance WHERE person_id = \(bind: key))
                     + (SELECT COUNT(*) FROM decision_votes WHERE person_id = \(bind: key))
                     + (SELECT COUNT(*) FROM action_items WHERE owner_id = \(bind: key))
                     + (SELECT COUNT(*) FROM goals WHERE owner_id = \(bind: key))
                     + (SELECT COUNT(*) FROM issues WHERE owner_id = \(bind: key))
                     + (SELECT COUNT(*) FROM counterpart_pairs WHERE our_person_id = \(bind: key) OR partner_person_id = \(bind: key))
                     + (SELECT COUNT(*) FROM culture_differences WHERE owner_id = \(bind: key)) AS n
                """
            ).first()
            if try uses?.int("n") ?? 0 > 0 {
                throw DomainError.conflict(
                    "\(before.name) is on alliance teams or governance bodies, was asked in a health check, owns an action, goal or issue, is on a relationship map or has a user account; "
                        + "those records keep the person.")
            }
            try await tx.db.raw("DELETE FROM people WHERE id = \(bind: key)").run()
            try await tx.record("person", id, .delete, before: before, after: nil as Person?)
        }
    }

    static func checkRules(_ valid: PersonInput.Valid, excluding id: UUID?, in db: any SQLDatabase) async throws {
        guard try await SQLOrganizationRepository.find(valid.organizationID, in: db) != nil else {
            throw DomainError.invalid("organizationID", "Organisation is not a known organisation.")
        }
        let clash = try await db.raw(
            "SELECT id FROM people WHERE email = \(bind: valid.email) AND id <> \(bind: id?.canonicalText ?? "")"
        ).first()
        if clash != nil { throw DomainError.invalid("email", "Someone with the email \(valid.email) is already recorded.") }
    }
}
