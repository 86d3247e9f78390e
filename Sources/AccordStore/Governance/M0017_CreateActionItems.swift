import SQLKit

/// Governance action items with their owner, due date and the meeting or decision that made them.
struct M0017_CreateActionItems: Migration {
    let id = "0017_create_action_items"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE action_items (
                    id TEXT PRIMARY KEY,
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    title TEXT NOT NULL,
                    owner_id TEXT NOT NULL REFERENCES people (id),
                    due_on TEXT NOT NULL,
                    status TEXT NOT NULL,
                    meeting_id TEXT REFERENCES meetings (id),
                    decision_id TEXT REFERENCES decisions (id),
                    visibility TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS action_items_alliance ON action_items (alliance_id, due_on)",
                "CREATE INDEX IF NOT EXISTS action_items_owner ON action_items (owner_id, due_on)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE action_items"])
    }
}
