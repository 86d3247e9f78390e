import SQLKit

struct M0001_CreateOrganizations: Migration {
    let id = "0001_create_organizations"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE organizations (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    country TEXT,
                    website TEXT,
                    notes TEXT,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX IF NOT EXISTS organizations_name ON organizations (lower(name))",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE organizations"])
    }
}
