import SQLKit

/// Answer counts per wave, side, function and statement, kept up to date by each submission in its own
/// transaction, so results read a few hundred rows instead of grouping every stored answer.
struct M0013_CreateHealthCounts: Migration {
    let id = "0013_create_health_counts"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE health_counts (
                    wave_id TEXT NOT NULL REFERENCES health_waves (id),
                    side TEXT NOT NULL,
                    function TEXT NOT NULL,
                    question_key TEXT NOT NULL,
                    s1 BIGINT NOT NULL,
                    s2 BIGINT NOT NULL,
                    s3 BIGINT NOT NULL,
                    s4 BIGINT NOT NULL,
                    s5 BIGINT NOT NULL,
                    PRIMARY KEY (wave_id, side, function, question_key)
                )
                """,
                """
                INSERT INTO health_counts (wave_id, side, function, question_key, s1, s2, s3, s4, s5)
                SELECT r.wave_id, r.side, r.function, a.question_key,
                    SUM(CASE WHEN a.score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN a.score = 2 THEN 1 ELSE 0 END),
                    SUM(CASE WHEN a.score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN a.score = 4 THEN 1 ELSE 0 END),
                    SUM(CASE WHEN a.score = 5 THEN 1 ELSE 0 END)
                FROM health_responses r JOIN health_answers a ON a.response_id = r.id
                GROUP BY r.wave_id, r.side, r.function, a.question_key
                """,
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE health_counts"])
    }
}
