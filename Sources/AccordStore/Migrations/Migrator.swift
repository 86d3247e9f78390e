import Foundation
import Logging
import SQLKit

/// Applies pending migrations in order, each in its own transaction, recording it in `schema_migrations`.
public struct Migrator: Sendable {
    let database: AccordDatabase
    let migrations: [any Migration]

    public init(database: AccordDatabase, migrations: [any Migration] = AllMigrations.list) {
        self.database = database
        self.migrations = migrations
    }

    /// Returns the ids of the migrations it applied.
    @discardableResult
    public func migrate(logger: Logger) async throws -> [String] {
        try await database.transaction { db in
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            ).run()
        }
        var applied: [String] = []
        for migration in migrations {
            let done = try await database.transaction { db in
                // PostgreSQL: serialise concurrent start-ups of several instances.
                if database.kind == .postgres {
                    try await db.raw("SELECT pg_advisory_xact_lock(7340002)").run()
                }
                let rows = try await db.raw("SELECT id FROM schema_migrations WHERE id = \(bind: migration.id)").all()
                if !rows.isEmpty { return false }
                try await migration.up(db, kind: database.kind)
                try await db.raw(
                    "INSERT INTO schema_migrations (id, applied_at) VALUES (\(bind: migration.id), \(bind: Timestamp.format(Date())))"
                ).run()
                return true
            }
            if done {
                logger.info("applied migration", metadata: ["migration": .string(migration.id)])
                applied.append(migration.id)
            }
        }
        return applied
    }

    /// Ids of migrations already applied.
    public func applied() async throws -> [String] {
        try await database.read { db in
            try await db.raw("SELECT id FROM schema_migrations ORDER BY id").all().map { try $0.decode(column: "id", as: String.self) }
        }
    }

    /// Reverts the most recent migration.
    public func revertLast(logger: Logger) async throws -> String? {
        let done = try await applied()
        guard let last = done.last, let migration = migrations.first(where: { $0.id == last }) else { return nil }
        try await database.transaction { db in
            try await migration.down(db, kind: database.kind)
            try await db.raw("DELETE FROM schema_migrations WHERE id = \(bind: last)").run()
        }
        logger.info("reverted migration", metadata: ["migration": .string(last)])
        return last
    }
}
