import SQLKit

/// The issue log: each issue with the escalation ladder it climbed (`steps`, JSON) and its current level.
struct M0024_CreateIssues: Migration {
    let id = "0024_create_issues"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE issues (
                    id TEXT PRIMARY KEY,
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    title TEXT NOT NULL,
                    details TEXT,
                    severity TEXT NOT NULL,
                    owner_id TEXT NOT NULL REFERENCES people (id),
                    status TEXT NOT NULL,
                    visibility TEXT NOT NULL,
                    raised_on TEXT NOT NULL,
                    level TEXT NOT NULL,
                    steps TEXT NOT NULL,
                    resolution TEXT,
                    resolved_on TEXT,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS issues_alliance ON issues (alliance_id)",
                "CREATE INDEX IF NOT EXISTS issues_open ON issues (status, alliance_id)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE issues"])
    }
}
