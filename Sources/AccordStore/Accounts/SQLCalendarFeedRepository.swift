import AccordCore
import Foundation
import SQLKit

public struct SQLCalendarFeedRepository: CalendarFeedRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decode(_ row: any SQLRow) throws -> CalendarFeed {
        CalendarFeed(userID: try row.uuid("user_id"), createdAt: try row.date("created_at"))
    }

    public func feed(userID: UUID) async throws -> CalendarFeed? {
        try await database.read { db in
            try await db.raw("SELECT * FROM calendar_feeds WHERE user_id = \(bind: userID.canonicalText)").first().map(Self.decode)
        }
    }

    public func userID(tokenHash: String) async throws -> UUID? {
        try await database.read { db in
            try await db.raw("SELECT * FROM calendar_feeds WHERE token_hash = \(bind: tokenHash)").first().map(Self.decode)?.userID
        }
    }

    public func reset(userID: UUID, tokenHash: String, by actor: AuditActor) async throws -> CalendarFeed {
        try await database.write(by: actor) { tx in
            let before = try await tx.db.raw("SELECT * FROM calendar_feeds WHERE user_id = \(bind: userID.canonicalText)").first()
                .map(Self.decode)
            let after = CalendarFeed(userID: userID, createdAt: tx.now)
            try await tx.db.raw("DELETE FROM calendar_feeds WHERE user_id = \(bind: userID.canonicalText)").run()
            try await tx.db.raw(
                """
                INSERT INTO calendar_feeds (user_id, token_hash, created_at)
                VALUES (\(bind: userID.canonicalText), \(bind: tokenHash), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("calendar_feed", userID, before == nil ? .create : .update, before: before, after: after)
            return after
        }
    }

    public func revoke(userID: UUID, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard
                let before = try await tx.db.raw("SELECT * FROM calendar_feeds WHERE user_id = \(bind: userID.canonicalText)").first()
                    .map(Self.decode)
            else { return }
            try await tx.db.raw("DELETE FROM calendar_feeds WHERE user_id = \(bind: userID.canonicalText)").run()
            try await tx.record("calendar_feed", userID, .delete, before: before, after: nil as CalendarFeed?)
        }
    }
}
