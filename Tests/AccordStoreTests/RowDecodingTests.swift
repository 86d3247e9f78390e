import AccordCore
import AccordStore
import Foundation
import SQLKit
import Testing

/// Rows read their plain columns directly on SQLite (`SQLiteSQL`) and everything else through the Codable decoder:
/// both databases give the same values, and a column of the wrong kind is an error, never a crash.
@Suite struct RowDecodingTests {
    @Test(arguments: TestDatabase.available)
    func plainAndOtherColumnsDecodeAlikeOnBothDatabases(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            try await store.database.read { db in
                let row = try #require(
                    try await db.raw(
                        """
                        SELECT 'text' AS s, CAST(NULL AS TEXT) AS n, CAST(42 AS BIGINT) AS i, CAST(NULL AS BIGINT) AS ni,
                        CAST(2.5 AS DOUBLE PRECISION) AS f, CAST(1 AS BOOLEAN) AS b, \(bind: "bound") AS bound,
                        CAST(\(bind: 7) AS BIGINT) AS seven
                        """
                    ).first())
                #expect(try row.decode(column: "s", as: String.self) == "text")
                #expect(try row.decode(column: "s", as: String?.self) == "text")
                #expect(try row.decode(column: "n", as: String?.self) == nil)
                #expect(try row.decode(column: "i", as: Int.self) == 42)
                #expect(try row.decode(column: "i", as: Int?.self) == 42)
                #expect(try row.decode(column: "i", as: Int64.self) == 42)
                #expect(try row.decode(column: "ni", as: Int?.self) == nil)
                #expect(try row.decode(column: "ni", as: Int64?.self) == nil)
                #expect(try row.decode(column: "f", as: Double.self) == 2.5)
                #expect(try row.decode(column: "b", as: Bool.self) == true)
                #expect(try row.decode(column: "bound", as: String.self) == "bound")
                #expect(try row.decode(column: "seven", as: Int.self) == 7)
                #expect(try row.decodeNil(column: "n"))
                #expect(try !row.decodeNil(column: "s"))
                #expect(throws: (any Error).self) { try row.decode(column: "s", as: Int.self) }
                #expect(throws: (any Error).self) { try row.decode(column: "missing", as: String.self) }
            }
        }
    }
}
