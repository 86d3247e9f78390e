import SQLKit

/// Relationship health: instrument versions, waves, invitations (token hashes, drafts) and responses.
/// Responses are stored with side and function only, never with the invitation or person they came from.
struct M0011_CreateHealth: Migration {
    let id = "0011_create_health"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE health_instruments (
                    id TEXT PRIMARY KEY,
                    instrument_key TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    name TEXT NOT NULL,
                    definition TEXT NOT NULL,
                    created_at TEXT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX IF NOT EXISTS health_instruments_version ON health_instruments (instrument_key, version)",
                """
                CREATE TABLE health_waves (
                    id TEXT PRIMARY KEY,
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    instrument_id TEXT NOT NULL REFERENCES health_instruments (id),
                    title TEXT NOT NULL,
                    opens_on TEXT NOT NULL,
                    closes_on TEXT NOT NULL,
                    status TEXT NOT NULL,
                    created_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS health_waves_alliance ON health_waves (alliance_id, opens_on)",
                """
                CREATE TABLE health_invitations (
                    id TEXT PRIMARY KEY,
                    wave_id TEXT NOT NULL REFERENCES health_waves (id),
                    person_id TEXT NOT NULL REFERENCES people (id),
                    side TEXT NOT NULL,
                    function TEXT NOT NULL,
                    token_hash TEXT NOT NULL,
                    draft TEXT,
                    submitted BOOLEAN NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX IF NOT EXISTS health_invitations_token ON health_invitations (token_hash)",
                "CREATE UNIQUE INDEX IF NOT EXISTS health_invitations_person ON health_invitations (wave_id, person_id)",
                """
                CREATE TABLE health_responses (
                    id TEXT PRIMARY KEY,
                    wave_id TEXT NOT NULL REFERENCES health_waves (id),
                    side TEXT NOT NULL,
                    function TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS health_responses_wave ON health_responses (wave_id)",
                """
                CREATE TABLE health_answers (
                    response_id TEXT NOT NULL REFERENCES health_responses (id),
                    question_key TEXT NOT NULL,
                    score BIGINT NOT NULL,
                    comment TEXT,
                    PRIMARY KEY (response_id, question_key)
                )
                """,
                """
                CREATE TABLE health_open_answers (
                    response_id TEXT NOT NULL REFERENCES health_responses (id),
                    question_index BIGINT NOT NULL,
                    answer TEXT NOT NULL,
                    PRIMARY KEY (response_id, question_index)
                )
                """,
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                "DROP TABLE health_open_answers", "DROP TABLE health_answers", "DROP TABLE health_responses",
                "DROP TABLE health_invitations", "DROP TABLE health_waves", "DROP TABLE health_instruments",
            ])
    }
}
