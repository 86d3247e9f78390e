import SQLKit

struct M0002_CreatePeople: Migration {
    let id = "0002_create_people"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE people (
                    id TEXT PRIMARY KEY,
                    organization_id TEXT NOT NULL REFERENCES organizations (id),
                    name TEXT NOT NULL,
                    email TEXT NOT NULL,
                    title TEXT,
                    function TEXT NOT NULL,
                    level TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX IF NOT EXISTS people_email ON people (email)",
                "CREATE INDEX IF NOT EXISTS people_organization ON people (organization_id, name)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE people"])
    }
}
