import Foundation
import SQLKit

/// The name search of choice lists and search-as-you-type fields: a case-insensitive "contains" that treats `%`,
/// `_` and `\` in what the user typed as themselves, the same on SQLite and PostgreSQL.
enum NameMatch {
    /// The LIKE pattern for `text`, lowercased, its wildcards escaped with a backslash.
    static func pattern(_ text: String) -> String {
        var escaped = ""
        for character in text.lowercased() {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }

    /// ` AND lower(column) LIKE ... ESCAPE '\'` when there is text to match, nothing otherwise.
    static func clause(_ column: String, _ text: String?) -> SQLQueryString {
        guard let text, !text.isEmpty else { return "" }
        var clause = SQLQueryString(" AND lower(")
        clause.appendInterpolation(unsafeRaw: column)
        clause.appendInterpolation(unsafeRaw: ") LIKE ")
        clause.appendInterpolation(bind: pattern(text))
        clause.appendInterpolation(unsafeRaw: " ESCAPE '\\'")
        return clause
    }

    /// ` LIMIT n` when a limit is given.
    static func limit(_ limit: Int?) -> SQLQueryString {
        guard let limit else { return "" }
        var clause = SQLQueryString(" LIMIT ")
        clause.appendInterpolation(bind: max(0, limit))
        return clause
    }
}

extension AccordDatabase {
    /// The `name` column of the rows of `table` with these ids, by id, read 500 ids at a time.
    func names(table: String, ids: [UUID]) async throws -> [UUID: String] {
        let unique = Array(Set(ids)).map(\.uuidString)
        var names: [UUID: String] = [:]
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = Array(unique[start..<min(start + 500, unique.count)])
            let rows = try await read { db in
                try await db.raw("SELECT id, name FROM \(unsafeRaw: table) WHERE id IN \(bindList(chunk))").all()
            }
            for row in rows { names[try row.uuid("id")] = try row.string("name") }
        }
        return names
    }
}
