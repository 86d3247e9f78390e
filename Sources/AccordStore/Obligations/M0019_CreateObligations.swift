import SQLKit

/// Trigger events, obligations with their due rule and recurrence, and what was executed per occurrence.
struct M0019_CreateObligations: Migration {
    let id = "0019_create_obligations"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE trigger_events (
                    id TEXT PRIMARY KEY,
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    name TEXT NOT NULL,
                    occurred_on TEXT,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS trigger_events_alliance ON trigger_events (alliance_id)",
                """
                CREATE TABLE obligations (
                    id TEXT PRIMARY KEY,
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    title TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    direction TEXT NOT NULL,
                    due_on TEXT,
                    trigger_id TEXT REFERENCES trigger_events (id),
                    offset_days BIGINT,
                    recurrence TEXT NOT NULL,
                    recurs_until TEXT,
                    open_ended BOOLEAN NOT NULL,
                    currency TEXT,
                    amount_hundredths BIGINT,
                    notes TEXT,
                    visibility TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS obligations_alliance ON obligations (alliance_id)",
                "CREATE INDEX IF NOT EXISTS obligations_trigger ON obligations (trigger_id)",
                """
                CREATE TABLE obligation_executions (
                    obligation_id TEXT NOT NULL REFERENCES obligations (id),
                    occurrence BIGINT NOT NULL,
                    state TEXT NOT NULL,
                    executed_hundredths BIGINT,
                    executed_currency TEXT,
                    executed_on TEXT,
                    note TEXT,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY (obligation_id, occurrence)
                )
                """,
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE obligation_executions", "DROP TABLE obligations", "DROP TABLE trigger_events"])
    }
}
