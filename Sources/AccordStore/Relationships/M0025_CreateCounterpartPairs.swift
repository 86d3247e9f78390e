import SQLKit

/// The relationship map: counterpart pairs (our person, theirs) per alliance.
struct M0025_CreateCounterpartPairs: Migration {
    let id = "0025_create_counterpart_pairs"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE counterpart_pairs (
                    id TEXT PRIMARY KEY,
                    alliance_id TEXT NOT NULL REFERENCES alliances (id),
                    our_person_id TEXT NOT NULL REFERENCES people (id),
                    partner_person_id TEXT NOT NULL REFERENCES people (id),
                    level TEXT NOT NULL,
                    function TEXT NOT NULL,
                    cadence TEXT NOT NULL,
                    last_contact TEXT,
                    strength INTEGER NOT NULL,
                    notes TEXT,
                    version BIGINT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    UNIQUE (alliance_id, our_person_id, partner_person_id)
                )
                """
            ])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE counterpart_pairs"])
    }
}
