import SQLKit

/// One calendar feed per user, found by the hash of its secret URL token.
struct M0018_CreateCalendarFeeds: Migration {
    let id = "0018_create_calendar_feeds"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE calendar_feeds (
                    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                    token_hash TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL
                )
                """
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE calendar_feeds"])
    }
}
