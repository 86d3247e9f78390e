import AccordCore
import Crypto
import Foundation
import SQLKit

/// Appends audit rows. Called only inside `AccordDatabase.transaction`, so the change and its
/// record commit or roll back together. Appends are serialised (SQLite's write lock, a PostgreSQL
/// advisory lock), so the chain has no forks.
enum AuditLog {
    static func append(
        _ change: AuditChange, by actor: AuditActor, at now: Date, in db: any SQLDatabase, kind: AccordDatabase.Kind
    ) async throws {
        if kind == .postgres {
            try await db.raw("SELECT pg_advisory_xact_lock(7340001)").run()
        }
        let last = try await db.raw("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first()
        let sequence = (try last?.int64("seq") ?? 0) + 1
        let previous = try last?.string("hash") ?? AuditRecord.genesisHash
        let at = AuditClock.truncate(now)
        let text = AuditRecord.canonicalText(
            sequence: sequence, at: at, actorID: actor.userID, actorName: actor.name, change: change, previousHash: previous)
        let hash = digest(text)
        try await db.raw(
            """
            INSERT INTO audit_log (seq, at, actor_id, actor_name, entity, entity_id, alliance_id, action,
                before_json, after_json, prev_hash, hash)
            VALUES (\(bind: sequence), \(bind: Timestamp.format(at)), \(bind: actor.userID?.canonicalText), \(bind: actor.name),
                \(bind: change.entity), \(bind: change.entityID.canonicalText), \(bind: change.allianceID?.canonicalText),
                \(bind: change.action.rawValue), \(bind: change.before), \(bind: change.after), \(bind: previous), \(bind: hash))
            """
        ).run()
    }

    static func digest(_ text: String) -> String {
        FastText.hex(SHA256.hash(data: Data(text.utf8)))
    }

    static func decode(_ row: any SQLRow) throws -> AuditRecord {
        let change = AuditChange(
            entity: try row.string("entity"), entityID: try row.uuid("entity_id"), allianceID: try row.optionalUUID("alliance_id"),
            action: try row.choice("action"), before: try row.optionalString("before_json"), after: try row.optionalString("after_json"))
        return AuditRecord(
            sequence: try row.int64("seq"), at: try row.date("at"), actorID: try row.optionalUUID("actor_id"),
            actorName: try row.string("actor_name"), change: change, previousHash: try row.string("prev_hash"),
            hash: try row.string("hash"))
    }
}

/// A transaction that records what it changes. Repositories write through this and nothing else.
public struct AuditedTransaction: Sendable {
    public let db: any SQLDatabase
    let kind: AccordDatabase.Kind
    let actor: AuditActor
    /// The database clock's time when the transaction began, to the millisecond: every stamp it writes.
    public let now: Date
    let ids: IDGenerator

    /// A new record id from the database's generator.
    public func newID() -> UUID { ids.next() }

    public func record(_ change: AuditChange) async throws {
        try await AuditLog.append(change, by: actor, at: now, in: db, kind: kind)
    }

    public func record<T: Encodable>(
        _ entity: String, _ id: UUID, alliance: UUID? = nil, _ action: AuditAction, before: T?, after: T?
    ) async throws {
        var beforeText: String?
        var afterText: String?
        if let before { beforeText = AuditChange.snapshot(before) }
        if let after { afterText = AuditChange.snapshot(after) }
        try await record(
            AuditChange(entity: entity, entityID: id, allianceID: alliance, action: action, before: beforeText, after: afterText))
    }
}

extension AccordDatabase {
    /// Serialises transactions on `keys` (see `AuditedTransaction.serialize`); call inside `transaction`.
    func serialize(_ keys: [String], in db: any SQLDatabase) async throws {
        guard kind == .postgres else { return }
        try await Self.advisoryLock(keys, in: db)
    }

    /// Transaction-scoped advisory locks, taken in one order so two holders of overlapping keys cannot deadlock.
    /// The two-integer form lives apart from the audit chain's single-integer lock.
    static func advisoryLock(_ keys: [String], in db: any SQLDatabase) async throws {
        for key in Set(keys).sorted() {
            try await db.raw("SELECT pg_advisory_xact_lock(734, hashtext(\(bind: key)))").run()
        }
    }

    /// Every write of business data goes through here: one transaction, with its audit records inside it.
    public func write<T: Sendable>(
        by actor: AuditActor, now: Date? = nil, _ body: (AuditedTransaction) async throws -> T
    ) async throws -> T {
        try await transaction { db in
            try await body(
                AuditedTransaction(db: db, kind: kind, actor: actor, now: AuditClock.truncate(now ?? clock.now()), ids: ids))
        }
    }
}

extension AuditedTransaction {
    /// The one optimistic-concurrency check of every versioned record. It first takes the record's lock (on
    /// PostgreSQL an advisory lock on `table` + `key`, which also covers a record not stored yet, and the row lock
    /// every UPDATE of the row takes), then reads the record with `read`, so the version it compares is the latest
    /// committed one. Of writers racing from the same version exactly one passes; the others get a conflict and
    /// write nothing. SQLite already runs one writer at a time. Returns nil when `read` finds nothing.
    func lockedForUpdate<T: Versioned>(
        _ table: String, column: String = "id", key: String, expected: Int?, entity: String,
        read: (any SQLDatabase) async throws -> T?
    ) async throws -> T? {
        if kind == .postgres {
            try await serialize("\(table):\(key)")
            try await db.raw(
                "SELECT 1 AS locked FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) = \(bind: key) FOR UPDATE"
            ).run()
        }
        guard let current = try await read(db) else { return nil }
        try current.requireVersion(expected, entity: entity)
        return current
    }

    /// `lockedForUpdate` for a record found by its id, which must exist.
    func lockedForUpdate<T: Versioned>(
        _ table: String, id: UUID, expected: Int?, entity: String, missing: String,
        read: (any SQLDatabase) async throws -> T?
    ) async throws -> T {
        guard let found = try await lockedForUpdate(table, key: id.canonicalText, expected: expected, entity: entity, read: read) else {
            throw DomainError.notFound(missing)
        }
        return found
    }

    /// Serialises the transactions that check one invariant spanning rows ("at least one active administrator",
    /// "one waiting phase change per alliance"): on PostgreSQL a transaction-scoped advisory lock on `key`, so the
    /// reads that follow see every committed change of the others. SQLite already runs one writer at a time.
    func serialize(_ key: String) async throws {
        guard kind == .postgres else { return }
        try await AccordDatabase.advisoryLock([key], in: db)
    }

    /// One row read in order to change it: locked until the transaction ends on PostgreSQL (SQLite already runs
    /// one writer at a time).
    func rowForUpdate(_ table: String, id: UUID) async throws -> (any SQLRow)? {
        try await db.raw(
            "SELECT * FROM \(unsafeRaw: table) WHERE id = \(bind: id.canonicalText)\(unsafeRaw: kind == .postgres ? " FOR UPDATE" : "")"
        ).first()
    }
}
