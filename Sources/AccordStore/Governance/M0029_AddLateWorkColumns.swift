import AccordCore
import Foundation
import SQLKit

/// Columns for late work across the portfolio, so the database finds and orders what is late instead of every
/// escalated decision and open issue being decoded (bench/run: `/governance?scope=all` at 10,000 alliances): each
/// escalated decision's current deadline, and the day each issue reached its current level.
struct M0029_AddLateWorkColumns: Migration {
    let id = "0029_add_late_work_columns"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["ALTER TABLE decisions ADD COLUMN escalation_deadline TEXT", "ALTER TABLE issues ADD COLUMN level_since TEXT"])
        let decoder = JSONDecoder()
        for row in try await db.raw("SELECT id, escalation FROM decisions WHERE escalation IS NOT NULL").all() {
            let state = try decoder.decode(EscalationState.self, from: Data(try row.decode(column: "escalation", as: String.self).utf8))
            try await db.raw(
                """
                UPDATE decisions SET escalation_deadline = \(bind: state.deadline.description)
                WHERE id = \(bind: try row.decode(column: "id", as: String.self))
                """
            ).run()
        }
        for row in try await db.raw("SELECT id, raised_on, steps FROM issues").all() {
            let steps = try decoder.decode([IssueStep].self, from: Data(try row.decode(column: "steps", as: String.self).utf8))
            let raised = try row.decode(column: "raised_on", as: String.self)
            let since = steps.last?.since.description ?? raised
            try await db.raw(
                "UPDATE issues SET level_since = \(bind: since) WHERE id = \(bind: try row.decode(column: "id", as: String.self))"
            ).run()
        }
        try await run(db, ["CREATE INDEX IF NOT EXISTS decisions_escalation_deadline ON decisions (status, escalation_deadline)"])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                "DROP INDEX decisions_escalation_deadline", "ALTER TABLE decisions DROP COLUMN escalation_deadline",
                "ALTER TABLE issues DROP COLUMN level_since",
            ])
    }
}
