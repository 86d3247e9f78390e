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
