import SQLKit

struct M0007_CreateSignInAttempts: Migration {
    let id = "0007_create_sign_in_attempts"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                "CREATE TABLE sign_in_failures (id TEXT PRIMARY KEY, throttle_key TEXT NOT NULL, at TEXT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS sign_in_failures_key ON sign_in_failures (throttle_key, at)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE sign_in_failures"])
    }
}
