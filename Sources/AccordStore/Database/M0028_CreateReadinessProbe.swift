import AccordCore
import Foundation
import SQLKit

/// One row that `/readyz` rewrites, so readiness reports whether the database accepts writes (a full disk, a
/// read-only file or a read-only PostgreSQL make it fail), not only whether it answers a query.
struct M0028_CreateReadinessProbe: Migration {
    let id = "0028_create_readiness_probe"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["CREATE TABLE readiness_probe (id TEXT PRIMARY KEY, checked_at TEXT NOT NULL)"])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE readiness_probe"])
    }
}
