import SQLKit

/// Joint goals, KPIs with targets, and their dated measurements.
struct M0021_CreateGoals: Migration {
    let id = "0021_create_goals"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE goals (
                    id TEXT PRIMARY KEY,
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    title TEXT NOT NULL,
                    term TEXT NOT NULL,
                    owner_id TEXT NOT NULL REFERENCES people (id),
                    status TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS goals_alliance ON goals (alliance_id)",
                """
                CREATE TABLE kpis (
                    id TEXT PRIMARY KEY,
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    goal_id TEXT REFERENCES goals (id),
                    name TEXT NOT NULL,
                    category TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    target_hundredths BIGINT NOT NULL,
                    direction TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS kpis_alliance ON kpis (alliance_id)",
                """
                CREATE TABLE kpi_measurements (
                    kpi_id TEXT NOT NULL REFERENCES kpis (id),
                    measured_on TEXT NOT NULL,
                    value_hundredths BIGINT NOT NULL,
                    note TEXT,
                    PRIMARY KEY (kpi_id, measured_on)
                )
                """,
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE kpi_measurements", "DROP TABLE kpis", "DROP TABLE goals"])
    }
}
