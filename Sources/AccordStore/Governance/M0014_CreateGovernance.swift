import SQLKit

/// Governance bodies with their charters, and who sits on them.
struct M0014_CreateGovernance: Migration {
    let id = "0014_create_governance"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE governance_bodies (
                    id TEXT PRIMARY KEY,
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    parent_id TEXT REFERENCES governance_bodies (id),
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    charter TEXT NOT NULL,
                    visibility TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS governance_bodies_alliance ON governance_bodies (alliance_id)",
                """
                CREATE TABLE body_members (
                    id TEXT PRIMARY KEY,
                    body_id TEXT NOT NULL REFERENCES governance_bodies (id),
                    person_id TEXT NOT NULL REFERENCES people (id),
                    side TEXT NOT NULL,
                    role TEXT NOT NULL,
                    created_at TEXT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX IF NOT EXISTS body_members_person ON body_members (body_id, person_id)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE body_members", "DROP TABLE governance_bodies"])
    }
}
