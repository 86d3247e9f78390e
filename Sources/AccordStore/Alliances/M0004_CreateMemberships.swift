import SQLKit

struct M0004_CreateMemberships: Migration {
    let id = "0004_create_memberships"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE memberships (
                    id TEXT PRIMARY KEY,
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    person_id TEXT NOT NULL REFERENCES people (id),
                    side TEXT NOT NULL,
                    role TEXT NOT NULL,
                    created_at TEXT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX IF NOT EXISTS memberships_unique ON memberships (alliance_id, person_id, role)",
                "CREATE INDEX IF NOT EXISTS memberships_person ON memberships (person_id)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE memberships"])
    }
}
