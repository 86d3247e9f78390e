import SQLKit

/// Reminder rules per obligation, the claim of each reminder sent (its key is the exactly-once guarantee), and
/// in-app notifications.
struct M0020_CreateReminders: Migration {
    let id = "0020_create_reminders"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE reminder_rules (
                    obligation_id TEXT PRIMARY KEY REFERENCES obligations (id),
                    recipients TEXT NOT NULL,
                    lead_days TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE reminder_deliveries (
                    obligation_id TEXT NOT NULL REFERENCES obligations (id),
                    occurrence BIGINT NOT NULL,
                    lead_days BIGINT NOT NULL,
                    person_id TEXT NOT NULL REFERENCES people (id),
                    claim TEXT NOT NULL,
                    claimed_at TEXT NOT NULL,
                    PRIMARY KEY (obligation_id, occurrence, lead_days, person_id)
                )
                """,
                """
                CREATE TABLE notifications (
                    id TEXT PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES people (id),
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    link TEXT,
                    created_at TEXT NOT NULL,
                    read_at TEXT
                )
                """,
                "CREATE INDEX IF NOT EXISTS notifications_person ON notifications (person_id, created_at)",
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE notifications", "DROP TABLE reminder_deliveries", "DROP TABLE reminder_rules"])
    }
}
