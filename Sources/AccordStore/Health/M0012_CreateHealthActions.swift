import SQLKit

/// Action plans for a wave's weak or disputed dimensions.
struct M0012_CreateHealthActions: Migration {
    let id = "0012_create_health_actions"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE health_actions (
                    id TEXT PRIMARY KEY,
                    wave_id TEXT NOT NULL REFERENCES health_waves (id),
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    dimension_key TEXT NOT NULL,
                    title TEXT NOT NULL,
                    owner_id TEXT NOT NULL REFERENCES people (id),
                    due_on TEXT NOT NULL,
                    status TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS health_actions_wave ON health_actions (wave_id)",
                "CREATE INDEX IF NOT EXISTS health_waves_instrument ON health_waves (instrument_id)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                "DROP INDEX IF EXISTS health_waves_instrument", "DROP TABLE health_actions",
            ])
    }
}
