import AccordCore
import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit

/// The one handle to the data: SQLite by default, PostgreSQL when configured.
/// Reads run on a pooled connection; every write runs inside `transaction`, on one connection.
public final class AccordDatabase: Sendable {
    public enum Kind: String, Sendable { case sqlite, postgres }

    private enum Backend: Sendable {
        case sqlite(SQLiteConnectionPool)
        case postgres(PostgresClient, Task<Void, Never>)
    }

    public let kind: Kind
    public let url: DatabaseURL
    /// The time every write is stamped with (`write(by:)`'s `tx.now`); tests pin it.
    public let clock: WallClock
    /// Where new record ids come from (`tx.newID()`); tests pin it.
    public let ids: IDGenerator
    private let backend: Backend

    private init(kind: Kind, url: DatabaseURL, backend: Backend, clock: WallClock, ids: IDGenerator) {
        self.kind = kind
        self.url = url
        self.backend = backend
        self.clock = clock
        self.ids = ids
    }

    /// Opens the database and checks that it answers, so a bad URL fails at start-up with a clear message.
    public static func open(
        _ url: DatabaseURL, logger: Logger, clock: WallClock = .system, ids: IDGenerator = .timeOrdered
    ) async throws -> AccordDatabase {
        let database: AccordDatabase
        switch url {
        case .sqlite(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: directory) else {
                throw ConfigurationError(setting: "database URL", message: "the folder \(directory) does not exist")
            }
            let pool = SQLiteConnectionPool(path: path, maxConnections: 4, logger: logger)
            database = AccordDatabase(kind: .sqlite, url: url, backend: .sqlite(pool), clock: clock, ids: ids)
        case .postgres(let host, let port, let user, let password, let name):
            var configuration = PostgresClient.Configuration(
                host: host, port: port, username: user, password: password, database: name, tls: .disable)
            configuration.options.maximumConnections = 16
            configuration.options.connectTimeout = .seconds(5)
            // The pool's own chatter (for instance a lease queued before run() starts) is not worth a warning.
            var background = logger
            background.logLevel = .error
            let client = PostgresClient(configuration: configuration, backgroundLogger: background)
            let task = Task { await client.run() }
            database = AccordDatabase(kind: .postgres, url: url, backend: .postgres(client, task), clock: clock, ids: ids)
        }
        do {
            try await database.read { db in try await db.raw("SELECT 1 AS one").run() }
        } catch {
            await database.close()
            throw ConfigurationError(setting: "database URL", message: "cannot reach \(url): \(String(reflecting: error))")
        }
        return database
    }

    /// Runs `body` on one connection without a transaction (reads).
    public func read<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let pool):
            let connection = try await pool.checkout()
            do {
                let result = try await body(SQLiteSQL(connection: connection, logger: pool.logger))
                await pool.checkin(connection)
                return result
            } catch {
                await pool.checkin(connection)
                throw error
            }
        case .postgres(let client, _):
            return try await client.withConnection { connection in try await body(connection.sql()) }
        }
    }

    /// The one transaction helper: BEGIN, `body`, COMMIT on a single connection; ROLLBACK on any error.
    /// SQLite transactions run on the pool's single writer connection, one at a time.
    public func transaction<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let pool):
            let connection = try await pool.checkoutWriter()
            do {
                let result = try await Self.inTransaction(
                    SQLiteSQL(connection: connection, logger: pool.logger), begin: "BEGIN IMMEDIATE", body)
                await pool.checkinWriter()
                return result
            } catch {
                await pool.checkinWriter()
                throw error
            }
        case .postgres:
            return try await read { db in try await Self.inTransaction(db, begin: "BEGIN", body) }
        }
    }

    private static func inTransaction<T: Sendable>(
        _ db: any SQLDatabase, begin: String, _ body: (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    /// True when the database answers a trivial query.
    public func isReachable() async -> Bool {
        (try? await read { db in try await db.raw("SELECT 1 AS one").run() }) != nil
    }

    /// True when the database takes a write: one row of `readiness_probe` is rewritten and committed. Answering a
    /// query is not enough for readiness; a full disk or a read-only file answers queries and refuses every change.
    public func acceptsWrites() async -> Bool {
        let at = Timestamp.format(clock.now())
        return
            (try? await transaction { db in
                try await db.raw(
                    """
                    INSERT INTO readiness_probe (id, checked_at) VALUES ('probe', \(bind: at))
                    ON CONFLICT (id) DO UPDATE SET checked_at = \(bind: at)
                    """
                ).run()
            }) != nil
    }

    public func close() async {
        switch backend {
        case .sqlite(let pool):
            await pool.close()
        case .postgres(_, let task):
            task.cancel()
            _ = await task.value
        }
    }
}
