import SQLKit

/// Indexes for late-work queries by alliance and across the portfolio (found with bench/run at 10,000 alliances).
struct M0022_AddGovernanceIndexes: Migration {
    let id = "0022_add_governance_indexes"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                "CREATE INDEX IF NOT EXISTS meetings_alliance_date ON meetings (alliance_id, meeting_date)",
                "CREATE INDEX IF NOT EXISTS meetings_date ON meetings (meeting_date)",
                "CREATE INDEX IF NOT EXISTS decisions_status_alliance ON decisions (status, alliance_id)",
                "CREATE INDEX IF NOT EXISTS decisions_body ON decisions (body_id)",
                "CREATE INDEX IF NOT EXISTS action_items_status_due ON action_items (status, due_on)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                "DROP INDEX meetings_alliance_date", "DROP INDEX meetings_date", "DROP INDEX decisions_status_alliance",
                "DROP INDEX decisions_body", "DROP INDEX action_items_status_due",
            ])
    }
}
