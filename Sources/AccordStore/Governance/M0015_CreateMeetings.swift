import SQLKit

/// Meetings of governance bodies and who attended them.
struct M0015_CreateMeetings: Migration {
    let id = "0015_create_meetings"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE meetings (
                    id TEXT PRIMARY KEY,
                    body_id TEXT NOT NULL REFERENCES governance_bodies (id),
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    title TEXT NOT NULL,
                    meeting_date TEXT NOT NULL,
                    start_minute BIGINT NOT NULL,
                    location TEXT,
                    agenda TEXT NOT NULL,
                    notice_override TEXT,
                    minutes TEXT,
                    minutes_status TEXT NOT NULL,
                    documents TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS meetings_body ON meetings (body_id, meeting_date)",
                """
                CREATE TABLE meeting_attendance (
                    meeting_id TEXT NOT NULL REFERENCES meetings (id),
                    person_id TEXT NOT NULL REFERENCES people (id),
                    side TEXT NOT NULL,
                    PRIMARY KEY (meeting_id, person_id)
                )
                """,
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE meeting_attendance", "DROP TABLE meetings"])
    }
}
