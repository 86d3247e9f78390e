import SQLKit

/// The decision register and the votes recorded on each decision.
struct M0016_CreateDecisions: Migration {
    let id = "0016_create_decisions"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE decisions (
                    id TEXT PRIMARY KEY,
                    body_id TEXT NOT NULL REFERENCES governance_bodies (id),
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    meeting_id TEXT REFERENCES meetings (id),
                    title TEXT NOT NULL,
                    details TEXT,
                    status TEXT NOT NULL,
                    escalation TEXT,
                    superseded_by TEXT REFERENCES decisions (id),
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS decisions_body ON decisions (body_id, created_at)",
                """
                CREATE TABLE decision_votes (
                    decision_id TEXT NOT NULL REFERENCES decisions (id),
                    person_id TEXT NOT NULL REFERENCES people (id),
                    side TEXT NOT NULL,
                    vote TEXT NOT NULL,
                    PRIMARY KEY (decision_id, person_id)
                )
                """,
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE decision_votes", "DROP TABLE decisions"])
    }
}
