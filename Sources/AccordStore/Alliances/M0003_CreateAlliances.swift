import SQLKit

struct M0003_CreateAlliances: Migration {
    let id = "0003_create_alliances"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE alliances (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    partner_id TEXT NOT NULL REFERENCES organizations (id),
                    type TEXT NOT NULL,
                    status TEXT NOT NULL,
                    phase TEXT NOT NULL,
                    transition TEXT,
                    tier TEXT NOT NULL,
                    our_sponsor_id TEXT REFERENCES people (id),
                    our_manager_id TEXT REFERENCES people (id),
                    partner_sponsor_id TEXT REFERENCES people (id),
                    partner_manager_id TEXT REFERENCES people (id),
                    products TEXT,
                    territories TEXT,
                    effective_date TEXT,
                    term_end_date TEXT,
                    renewal_notice_date TEXT,
                    value_hundredths BIGINT,
                    value_currency TEXT,
                    description TEXT,
                    internal_notes TEXT,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS alliances_name ON alliances (lower(name))",
                "CREATE INDEX IF NOT EXISTS alliances_partner ON alliances (partner_id)",
                "CREATE INDEX IF NOT EXISTS alliances_manager ON alliances (our_manager_id)",
                "CREATE INDEX IF NOT EXISTS alliances_filters ON alliances (type, status, phase)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE alliances"])
    }
}
