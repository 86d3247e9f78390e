import AccordCore
import Foundation
import SQLKit

public struct SQLUserRepository: UserRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decode(_ row: any SQLRow) throws -> User {
        User(
            id: try row.uuid("id"), email: try row.string("email"), name: try row.string("name"), role: try row.choice("role"),
            personID: try row.optionalUUID("person_id"), active: try row.bool("active"), version: try row.int("version"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    public func list() async throws -> [User] {
        try await database.read { db in try await db.raw("SELECT * FROM users ORDER BY lower(name)").all().map(Self.decode) }
    }

    public func find(_ id: UUID) async throws -> User? {
        try await database.read { db in try await Self.find(id, in: db) }
    }

    static func find(_ id: UUID, in db: any SQLDatabase) async throws -> User? {
        try await db.raw("SELECT * FROM users WHERE id = \(bind: id.canonicalText)").first().map(decode)
    }

    public func find(email: String) async throws -> User? {
        try await database.read { db in
            try await db.raw("SELECT * FROM users WHERE email = \(bind: email.lowercased())").first().map(Self.decode)
        }
    }

    public func passwordHash(for id: UUID) async throws -> String? {
        try await database.read { db in
            try await db.raw("SELECT password_hash FROM users WHERE id = \(bind: id.canonicalText)").first()?.string("password_hash")
        }
    }

    public func create(_ valid: UserInput.Valid, passwordHash: String, by actor: AuditActor) async throws -> User {
        try await database.write(by: actor) { tx in
            try await Self.checkRules(valid, excluding: nil, in: tx.db)
            let user = User(
                id: tx.newID(), email: valid.email, name: valid.name, role: valid.role, personID: valid.personID, active: valid.active,
                createdAt: tx.now, updatedAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO users (id, email, name, role, person_id, password_hash, active, version, created_at, updated_at)
                VALUES (\(bind: user.id.canonicalText), \(bind: user.email), \(bind: user.name), \(bind: user.role.rawValue),
                    \(bind: user.personID?.canonicalText), \(bind: passwordHash), \(bind: user.active), 1,
                    \(bind: Timestamp.format(tx.now)), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("user", user.id, .create, before: nil, after: user)
            return user
        }
    }

    public func update(_ id: UUID, _ valid: UserInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> User {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate("users", id: id, expected: expectedVersion, entity: "user", missing: "No such user.")
            { db in
                try await Self.find(id, in: db)
            }
            try await Self.checkRules(valid, excluding: id, in: tx.db)
            if before.role == .administrator, valid.role != .administrator || !valid.active {
                // Two administrators demoting each other at once: the second waits here and then counts the first's change.
                try await tx.serialize("active administrators")
                let admins =
                    try await tx.db.raw(
                        "SELECT COUNT(*) AS n FROM users WHERE role = 'administrator' AND active = \(bind: true) AND id <> \(bind: id.canonicalText)"
                    ).first()?.int("n") ?? 0
                if admins == 0 { throw DomainError.invalid("role", "Accord needs at least one active administrator.") }
            }
            var after = before
            (after.email, after.name, after.role, after.personID, after.active) = (
                valid.email, valid.name, valid.role, valid.personID, valid.active
            )
            after.version += 1
            after.updatedAt = tx.now
            try await tx.db.raw(
                """
                UPDATE users SET email = \(bind: after.email), name = \(bind: after.name), role = \(bind: after.role.rawValue),
                    person_id = \(bind: after.personID?.canonicalText), active = \(bind: after.active), version = \(bind: after.version),
                    updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            if !after.active || after.role != before.role {
                try await tx.db.raw("DELETE FROM sessions WHERE user_id = \(bind: id.canonicalText)").run()
            }
            try await tx.record("user", id, .update, before: before, after: after)
            return after
        }
    }

    public func setPassword(_ id: UUID, passwordHash: String, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard let user = try await Self.find(id, in: tx.db) else { throw DomainError.notFound("No such user.") }
            try await tx.db.raw(
                "UPDATE users SET password_hash = \(bind: passwordHash), updated_at = \(bind: Timestamp.format(tx.now)) WHERE id = \(bind: id.canonicalText)"
            ).run()
            // A new password ends every way in that the old one opened: browser sessions and API tokens.
            try await tx.db.raw("DELETE FROM sessions WHERE user_id = \(bind: id.canonicalText)").run()
            let tokens =
                try await tx.db.raw("SELECT COUNT(*) AS n FROM api_tokens WHERE user_id = \(bind: id.canonicalText)").first()?
                .int("n") ?? 0
            try await tx.db.raw("DELETE FROM api_tokens WHERE user_id = \(bind: id.canonicalText)").run()
            // The hash itself never enters the audit trail.
            try await tx.record(
                AuditChange(
                    entity: "user", entityID: id, allianceID: nil, action: .update, before: nil,
                    after: AuditChange.snapshot(["password": "changed", "email": user.email, "apiTokensRevoked": String(tokens)])))
        }
    }

    /// Emails are unique; a linked person must exist, and partner users must be linked to a partner's person.
    static func checkRules(_ valid: UserInput.Valid, excluding id: UUID?, in db: any SQLDatabase) async throws {
        let clash = try await db.raw(
            "SELECT id FROM users WHERE email = \(bind: valid.email) AND id <> \(bind: id?.canonicalText ?? "")"
        ).first()
        if clash != nil { throw DomainError.invalid("email", "A user with the email \(valid.email) already exists.") }
        guard let personID = valid.personID else { return }
        guard let person = try await SQLPersonRepository.find(personID, in: db) else {
            throw DomainError.invalid("personID", "Person is not a known person.")
        }
        let org = try await SQLOrganizationRepository.find(person.organizationID, in: db)
        if valid.role == .partner, org?.kind != .partner {
            throw DomainError.invalid("personID", "Partner users must be linked to a person at a partner organisation.")
        }
        if valid.role != .partner, org?.kind == .partner {
            throw DomainError.invalid("role", "\(person.name) works for a partner, so the role must be Partner user.")
        }
    }
}
