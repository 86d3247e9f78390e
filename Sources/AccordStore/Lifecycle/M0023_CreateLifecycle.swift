import SQLKit

/// Playbooks edited by administrators (the shipped defaults are not stored; `limits` are the issue escalation limits)
/// and the alliances' phase changes.
struct M0023_CreateLifecycle: Migration {
    let id = "0023_create_lifecycle"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE playbooks (
                    alliance_type TEXT PRIMARY KEY,
                    id TEXT NOT NULL,
                    cells TEXT NOT NULL,
                    checklists TEXT NOT NULL,
                    limits TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE lifecycle_changes (
                    id TEXT PRIMARY KEY,
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    from_phase TEXT NOT NULL,
                    to_phase TEXT NOT NULL,
                    from_transition TEXT,
                    to_transition TEXT,
                    effective_on TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    status TEXT NOT NULL,
                    checklist TEXT NOT NULL,
                    proposed_by TEXT NOT NULL,
                    decided_by TEXT,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    decided_at TEXT
                )
                """,
                "CREATE INDEX IF NOT EXISTS lifecycle_changes_alliance ON lifecycle_changes (alliance_id, created_at)",
                "CREATE INDEX IF NOT EXISTS lifecycle_changes_status ON lifecycle_changes (status)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE lifecycle_changes", "DROP TABLE playbooks"])
    }
}
