import SQLKit

/// The portfolio's other sort columns (type, phase, status, tier, effective date, value), each with the id that
/// breaks ties, written as `AllianceRows.sortExpression` writes them: the list walks the index in order and stops
/// after one page instead of sorting every alliance (at 100,000 alliances a sort by value took 0.5 s).
struct M0031_AddAllianceColumnSortIndexes: Migration {
    let id = "0031_add_alliance_column_sort_indexes"

    static let indexes = [
        ("alliances_type_id", "type"), ("alliances_phase_id", "phase"), ("alliances_status_id", "status"),
        ("alliances_tier_id", "tier"), ("alliances_effective_id", "COALESCE(effective_date, '0000-00-00')"),
        ("alliances_value_id", "COALESCE(value_hundredths, -1)"),
    ]

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, Self.indexes.map { "CREATE INDEX IF NOT EXISTS \($0.0) ON alliances (\($0.1), id)" })
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, Self.indexes.map { "DROP INDEX IF EXISTS \($0.0)" })
    }
}
