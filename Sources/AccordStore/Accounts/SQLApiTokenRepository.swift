import AccordCore
import Foundation
import SQLKit

public struct SQLApiTokenRepository: ApiTokenRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decode(_ row: any SQLRow) throws -> ApiToken {
        ApiToken(
            id: try row.uuid("id"), userID: try row.uuid("user_id"), name: try row.string("name"), prefix: try row.string("prefix"),
            createdAt: try row.date("created_at"), expiresAt: try row.optionalString("expires_at").map(Timestamp.parse),
            lastUsedAt: try row.optionalString("last_used_at").map(Timestamp.parse),
            revokedAt: try row.optionalString("revoked_at").map(Timestamp.parse))
    }

    public func create(userID: UUID, _ valid: ApiTokenInput.Valid, tokenHash: String, prefix: String, by actor: AuditActor) async throws
        -> ApiToken
    {
        try await database.write(by: actor) { tx in
            let token = ApiToken(
                id: tx.newID(), userID: userID, name: valid.name, prefix: prefix, createdAt: tx.now, expiresAt: valid.expiresAt)
            try await tx.db.raw(
                """
                INSERT INTO api_tokens (id, user_id, name, prefix, token_hash, created_at, expires_at)
                VALUES (\(bind: token.id.canonicalText), \(bind: userID.canonicalText), \(bind: token.name), \(bind: prefix),
                    \(bind: tokenHash), \(bind: Timestamp.format(tx.now)), \(bind: token.expiresAt.map(Timestamp.format)))
                """
            ).run()
            try await tx.record("api_token", token.id, .create, before: nil, after: token)
            return token
        }
    }

    public func list(userID: UUID) async throws -> [ApiToken] {
        try await database.read { db in
            try await db.raw("SELECT * FROM api_tokens WHERE user_id = \(bind: userID.canonicalText) ORDER BY created_at DESC")
                .all().map(Self.decode)
        }
    }

    public func find(tokenHash: String) async throws -> ApiToken? {
        try await database.read { db in
            try await db.raw("SELECT * FROM api_tokens WHERE token_hash = \(bind: tokenHash)").first().map(Self.decode)
        }
    }

    public func revoke(_ id: UUID, userID: UUID, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard
                let before = try await tx.db.raw(
                    "SELECT * FROM api_tokens WHERE id = \(bind: id.canonicalText) AND user_id = \(bind: userID.canonicalText)"
                ).first().map(Self.decode)
            else { throw DomainError.notFound("No such token.") }
            if before.revokedAt != nil { return }
            var after = before
            after.revokedAt = tx.now
            try await tx.db.raw(
                "UPDATE api_tokens SET revoked_at = \(bind: Timestamp.format(tx.now)) WHERE id = \(bind: id.canonicalText)"
            ).run()
            try await tx.record("api_token", id, .update, before: before, after: after)
        }
    }

    /// Bookkeeping, not business data: no audit record.
    public func markUsed(_ id: UUID, at: Date) async throws {
        try await database.transaction { db in
            try await db.raw("UPDATE api_tokens SET last_used_at = \(bind: Timestamp.format(at)) WHERE id = \(bind: id.canonicalText)")
                .run()
        }
    }
}
