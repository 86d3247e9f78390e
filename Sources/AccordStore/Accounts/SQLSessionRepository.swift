import AccordCore
import Foundation
import SQLKit

/// Sessions live in the database so they survive restarts and work across instances.
public struct SQLSessionRepository: SessionRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    public func create(_ s: Session) async throws {
        _ = try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
                VALUES (\(bind: s.tokenHash), \(bind: s.userID.canonicalText), \(bind: s.csrfToken),
                    \(bind: Timestamp.format(s.createdAt)), \(bind: Timestamp.format(s.expiresAt)))
                """
            ).run()
        }
    }

    public func find(tokenHash: String, now: Date) async throws -> Session? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    "SELECT * FROM sessions WHERE token_hash = \(bind: tokenHash) AND expires_at > \(bind: Timestamp.format(now))"
                ).first()
            else { return nil }
            return Session(
                tokenHash: try row.string("token_hash"), userID: try row.uuid("user_id"), csrfToken: try row.string("csrf_token"),
                createdAt: try row.date("created_at"), expiresAt: try row.date("expires_at"))
        }
    }

    public func delete(tokenHash: String) async throws {
        try await database.transaction { db in try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run() }
    }

    public func deleteAll(userID: UUID) async throws {
        try await database.transaction { db in
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userID.canonicalText)").run()
        }
    }

    public func purgeExpired(now: Date) async throws {
        try await database.transaction { db in
            try await db.raw("DELETE FROM sessions WHERE expires_at <= \(bind: Timestamp.format(now))").run()
        }
    }
}

/// Failed sign-ins, counted per account and per address across all instances.
public struct SQLSignInAttemptRepository: SignInAttemptRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    public func reserve(account: String, address: String, throttle: SignInThrottle, now: Date) async throws -> SignInReservation? {
        try await database.transaction { db in
            let keys = [account, address]
            try await database.serialize(keys, in: db)
            let since = Timestamp.format(now.addingTimeInterval(-throttle.window))
            var counts: [Int] = []
            for key in keys {
                counts.append(
                    try await db.raw(
                        "SELECT COUNT(*) AS n FROM sign_in_failures WHERE throttle_key = \(bind: key) AND at > \(bind: since)"
                    ).first()?.int("n") ?? 0)
            }
            if throttle.isBlocked(accountFailures: counts[0], addressFailures: counts[1]) { return nil }
            let ids = try await insertFailures(keys: keys, at: now, in: db)
            return SignInReservation(account: account, rowIDs: ids)
        }
    }

    public func succeeded(_ reservation: SignInReservation) async throws {
        try await database.transaction { db in
            try await db.raw("DELETE FROM sign_in_failures WHERE id IN \(bindList(reservation.rowIDs))").run()
            try await db.raw("DELETE FROM sign_in_failures WHERE throttle_key = \(bind: reservation.account)").run()
        }
    }

    func insertFailures(keys: [String], at: Date, in db: any SQLDatabase) async throws -> [String] {
        var ids: [String] = []
        for key in keys {
            let id = database.ids.next().canonicalText
            try await db.raw(
                "INSERT INTO sign_in_failures (id, throttle_key, at) VALUES (\(bind: id), \(bind: key), \(bind: Timestamp.format(at)))"
            ).run()
            ids.append(id)
        }
        // Keep the table small: a day of history is plenty for any window.
        try await db.raw("DELETE FROM sign_in_failures WHERE at < \(bind: Timestamp.format(at.addingTimeInterval(-86_400)))").run()
        return ids
    }

    public func recordFailure(keys: [String], at: Date) async throws {
        _ = try await database.transaction { db in try await insertFailures(keys: keys, at: at, in: db) }
    }

    public func failures(key: String, since: Date) async throws -> Int {
        try await database.read { db in
            try await db.raw(
                "SELECT COUNT(*) AS n FROM sign_in_failures WHERE throttle_key = \(bind: key) AND at > \(bind: Timestamp.format(since))"
            ).first()?.int("n") ?? 0
        }
    }

    public func clear(key: String) async throws {
        try await database.transaction { db in
            try await db.raw("DELETE FROM sign_in_failures WHERE throttle_key = \(bind: key)").run()
        }
    }
}
