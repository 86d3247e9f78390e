import Foundation
import SQLKit

extension AccordDatabase {
    /// The `name` column of the rows of `table` with these ids, by id, read 500 ids at a time.
    func names(table: String, ids: [UUID]) async throws -> [UUID: String] {
        try await column("name", of: table, ids: ids)
    }

    /// One text column of the rows of `table` with these ids, by id, read 500 ids at a time.
    func column(_ column: String, of table: String, ids: [UUID]) async throws -> [UUID: String] {
        let unique = Array(Set(ids)).map(\.canonicalText)
        var names: [UUID: String] = [:]
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = Array(unique[start..<min(start + 500, unique.count)])
            let rows = try await read { db in
                try await db.raw("SELECT id, \(unsafeRaw: column) FROM \(unsafeRaw: table) WHERE id IN \(bindList(chunk))").all()
            }
            for row in rows { names[try row.uuid("id")] = try row.string(column) }
        }
        return names
    }
}
