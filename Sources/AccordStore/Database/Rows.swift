import AccordCore
import Foundation
import SQLKit

/// Timestamps are stored as ISO 8601 text in UTC with milliseconds: readable, sortable, exact.
public enum Timestamp {
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Rounds to the millisecond first: formatters truncate, and 0.122999 must print as .123.
    public static func format(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = (ms.quotientAndRemainder(dividingBy: 1000))
        let whole = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        let base = Date.ISO8601FormatStyle().format(Date(timeIntervalSince1970: TimeInterval(whole.0)))
        return String(base.dropLast()) + String(format: ".%03lldZ", whole.1)
    }

    public static func parse(_ text: String) throws -> Date {
        try style.parse(text)
    }
}

extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func int64(_ column: String) throws -> Int64 { try decode(column: column, as: Int64.self) }
    func optionalInt64(_ column: String) throws -> Int64? { try decode(column: column, as: Int64?.self) }
    func bool(_ column: String) throws -> Bool { try decode(column: column, as: Bool.self) }

    func uuid(_ column: String) throws -> UUID {
        let text = try string(column)
        guard let id = UUID(uuidString: text) else { throw StoreError.unexpected("column \(column) holds '\(text)', not a UUID") }
        return id
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        try optionalString(column).flatMap(UUID.init(uuidString:))
    }

    func date(_ column: String) throws -> Date { try Timestamp.parse(string(column)) }

    func localDate(_ column: String) throws -> LocalDate? {
        try optionalString(column).flatMap(LocalDate.init)
    }

    func choice<E: Labeled>(_ column: String, as: E.Type = E.self) throws -> E {
        let text = try string(column)
        guard let value = E(rawValue: text) else { throw StoreError.unexpected("column \(column) holds unknown value '\(text)'") }
        return value
    }

    func optionalChoice<E: Labeled>(_ column: String, as: E.Type = E.self) throws -> E? {
        try optionalString(column).flatMap(E.init(rawValue:))
    }
}

/// `(?, ?, ...)` binding each value, for `IN` lists in raw queries. Callers skip the query when the list is empty.
func bindList(_ values: [String]) -> SQLQueryString {
    var list = SQLQueryString("(")
    for (index, value) in values.enumerated() {
        if index > 0 { list.appendInterpolation(unsafeRaw: ", ") }
        list.appendInterpolation(bind: value)
    }
    list.appendInterpolation(unsafeRaw: ")")
    return list
}
