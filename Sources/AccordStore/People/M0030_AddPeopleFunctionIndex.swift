import SQLKit

/// The people of one organisation with one function (the lifecycle page's candidates for a coverage gap), found
/// without reading every person of the organisation.
struct M0030_AddPeopleFunctionIndex: Migration {
    let id = "0030_add_people_function_index"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["CREATE INDEX IF NOT EXISTS people_organization_function ON people (organization_id, function)"])
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP INDEX people_organization_function"])
    }
}
