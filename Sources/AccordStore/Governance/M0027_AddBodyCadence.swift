import AccordCore
import Foundation
import SQLKit

/// Each body's charter cadence (meetings a year) as a column, so late-work queries ask the database for the bodies
/// that met fewer times than that instead of decoding every charter (bench/run: `/governance` at 10,000 alliances).
struct M0027_AddBodyCadence: Migration {
    let id = "0027_add_body_cadence"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["ALTER TABLE governance_bodies ADD COLUMN min_meetings_per_year BIGINT NOT NULL DEFAULT 0"])
        let rows = try await db.raw("SELECT id, charter FROM governance_bodies").all()
        let decoder = JSONDecoder()
        for row in rows {
            let charter = try decoder.decode(Charter.self, from: Data(try row.decode(column: "charter", as: String.self).utf8))
            try await db.raw(
                """
                UPDATE governance_bodies SET min_meetings_per_year = \(bind: charter.minMeetingsPerYear)
                WHERE id = \(bind: try row.decode(column: "id", as: String.self))
                """
            ).run()
        }
        try await run(db, ["CREATE INDEX IF NOT EXISTS governance_bodies_cadence ON governance_bodies (min_meetings_per_year)"])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP INDEX governance_bodies_cadence", "ALTER TABLE governance_bodies DROP COLUMN min_meetings_per_year"])
    }
}
