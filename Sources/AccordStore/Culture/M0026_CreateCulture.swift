import SQLKit

/// Culture profiles (one per organisation, ours included) and the differences log with each partner.
struct M0026_CreateCulture: Migration {
    let id = "0026_create_culture"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE culture_profiles (
                    id TEXT PRIMARY KEY,
                    organization_id TEXT NOT NULL UNIQUE REFERENCES organizations (id),
                    scores TEXT NOT NULL,
                    time_zones TEXT,
                    languages TEXT,
                    working_norms TEXT,
                    version BIGINT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE culture_differences (
                    id TEXT PRIMARY KEY,
                    organization_id TEXT NOT NULL REFERENCES organizations (id),
                    scale TEXT,
                    difference TEXT NOT NULL,
                    risk TEXT NOT NULL,
                    leverage TEXT NOT NULL,
                    owner_id TEXT NOT NULL REFERENCES people (id),
                    status TEXT NOT NULL,
                    due_on TEXT,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS culture_differences_org ON culture_differences (organization_id)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE culture_differences", "DROP TABLE culture_profiles"])
    }
}
