import AccordCore
import Foundation
import SQLKit

public struct SQLOrganizationRepository: OrganizationRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decode(_ row: any SQLRow) throws -> Organization {
        Organization(
            id: try row.uuid("id"), name: try row.string("name"), kind: try row.choice("kind"),
            country: try row.optionalString("country"), website: try row.optionalString("website"),
            notes: try row.optionalString("notes"), version: try row.int("version"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    public func list() async throws -> [Organization] {
        try await database.read { db in
            try await db.raw("SELECT * FROM organizations ORDER BY kind DESC, lower(name)").all().map(Self.decode)
        }
    }

    public func list(matching text: String?, page: Int, perPage: Int) async throws -> Page<Organization> {
        try await database.read { db in
            let total =
                try await db.raw("SELECT COUNT(*) AS n FROM organizations WHERE 1 = 1\(NameMatch.clause("name", text))").first()?.int("n")
                ?? 0
            let rows = try await db.raw(
                """
                SELECT * FROM organizations WHERE 1 = 1\(NameMatch.clause("name", text)) ORDER BY kind DESC, lower(name), id
                LIMIT \(bind: perPage) OFFSET \(bind: (page - 1) * perPage)
                """
            ).all()
            return Page(items: try rows.map(Self.decode), total: total, page: page, perPage: perPage)
        }
    }

    public func names(kind: OrganizationKind?, matching text: String?, limit: Int?) async throws -> [NamedID] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT id, name FROM organizations WHERE \(Self.ofKind(kind))\(NameMatch.clause("name", text))
                ORDER BY lower(name), id\(NameMatch.limit(limit))
                """
            ).all().map { NamedID(id: try $0.uuid("id"), name: try $0.string("name")) }
        }
    }

    public func count(kind: OrganizationKind?, upTo limit: Int) async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM (SELECT 1 FROM organizations WHERE \(Self.ofKind(kind)) LIMIT \(bind: limit)) d")
                .first()?.int("n") ?? 0
        }
    }

    /// Organisations of one kind, or (nil) all of them, as a condition.
    static func ofKind(_ kind: OrganizationKind?) -> SQLQueryString {
        kind.map { "kind = \(bind: $0.rawValue)" } ?? "1 = 1"
    }

    public func names(ids: [UUID]) async throws -> [UUID: String] {
        try await database.names(table: "organizations", ids: ids)
    }

    public func find(_ id: UUID) async throws -> Organization? {
        try await database.read { db in try await Self.find(id, in: db) }
    }

    static func find(_ id: UUID, in db: any SQLDatabase) async throws -> Organization? {
        try await db.raw("SELECT * FROM organizations WHERE id = \(bind: id.canonicalText)").first().map(decode)
    }

    public func ours() async throws -> Organization? {
        try await database.read { db in
            try await db.raw("SELECT * FROM organizations WHERE kind = 'ours' LIMIT 1").first().map(Self.decode)
        }
    }

    public func create(_ valid: OrganizationInput.Valid, by actor: AuditActor) async throws -> Organization {
        try await database.write(by: actor) { tx in
            try await Self.checkRules(valid, excluding: nil, in: tx.db)
            let org = Organization(
                id: tx.newID(), name: valid.name, kind: valid.kind, country: valid.country, website: valid.website,
                notes: valid.notes, createdAt: tx.now, updatedAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO organizations (id, name, kind, country, website, notes, version, created_at, updated_at)
                VALUES (\(bind: org.id.canonicalText), \(bind: org.name), \(bind: org.kind.rawValue), \(bind: org.country),
                    \(bind: org.website), \(bind: org.notes), 1, \(bind: Timestamp.format(tx.now)), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("organization", org.id, .create, before: nil, after: org)
            return org
        }
    }

    public func update(_ id: UUID, _ valid: OrganizationInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws
        -> Organization
    {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate(
                "organizations", id: id, expected: expectedVersion, entity: "organisation", missing: "No such organisation."
            ) { db in
                try await Self.find(id, in: db)
            }
            try await Self.checkRules(valid, excluding: id, in: tx.db)
            if before.kind != valid.kind {
                let used = try await tx.db.raw("SELECT COUNT(*) AS n FROM alliances WHERE partner_id = \(bind: id.canonicalText)").first()
                if try used?.int("n") ?? 0 > 0, valid.kind == .ours {
                    throw DomainError.invalid("kind", "This organisation is the partner in alliances, so it cannot become our company.")
                }
            }
            var after = before
            after.apply(valid)
            after.version += 1
            after.updatedAt = tx.now
            try await tx.db.raw(
                """
                UPDATE organizations SET name = \(bind: after.name), kind = \(bind: after.kind.rawValue),
                    country = \(bind: after.country), website = \(bind: after.website), notes = \(bind: after.notes),
                    version = \(bind: after.version), updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            try await tx.record("organization", id, .update, before: before, after: after)
            return after
        }
    }

    public func delete(_ id: UUID, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard let before = try await Self.find(id, in: tx.db) else { throw DomainError.notFound("No such organisation.") }
            let uses = try await tx.db.raw(
                """
                SELECT (SELECT COUNT(*) FROM people WHERE organization_id = \(bind: id.canonicalText))
                     + (SELECT COUNT(*) FROM alliances WHERE partner_id = \(bind: id.canonicalText))
                     + (SELECT COUNT(*) FROM culture_profiles WHERE organization_id = \(bind: id.canonicalText))
                     + (SELECT COUNT(*) FROM culture_differences WHERE organization_id = \(bind: id.canonicalText)) AS n
                """
            ).first()
            if try uses?.int("n") ?? 0 > 0 {
                throw DomainError.conflict("\(before.name) still has people, alliances or a culture profile, which are kept.")
            }
            try await tx.db.raw("DELETE FROM organizations WHERE id = \(bind: id.canonicalText)").run()
            try await tx.record("organization", id, .delete, before: before, after: nil as Organization?)
        }
    }

    /// Names are unique (ignoring case) and there is exactly one "our company".
    static func checkRules(_ valid: OrganizationInput.Valid, excluding id: UUID?, in db: any SQLDatabase) async throws {
        let other = id?.canonicalText ?? ""
        let sameName = try await db.raw(
            "SELECT id FROM organizations WHERE lower(name) = lower(\(bind: valid.name)) AND id <> \(bind: other)"
        ).first()
        if sameName != nil { throw DomainError.invalid("name", "An organisation named \(valid.name) already exists.") }
        if valid.kind == .ours {
            let ours = try await db.raw("SELECT id FROM organizations WHERE kind = 'ours' AND id <> \(bind: other)").first()
            if ours != nil { throw DomainError.invalid("kind", "Our company is already recorded; there can be only one.") }
        }
    }
}
