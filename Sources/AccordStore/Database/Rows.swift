import AccordCore
import Foundation
import SQLKit

/// Timestamps are stored as ISO 8601 text in UTC with milliseconds: readable, sortable, exact.
public enum Timestamp {
    static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// `2026-12-01T13:31:56.123Z`: UTC to the millisecond, rounded first (formatters truncate, and 0.122999 must
    /// print as .123). Printed by hand: this runs for every timestamp written and every API answer.
    public static func format(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = floorDivision(ms, 1000)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let day = LocalDate(dayNumber: Int(days))
        guard (0...9999).contains(day.year) else {
            let base = Date.ISO8601FormatStyle().format(Date(timeIntervalSince1970: TimeInterval(seconds)))
            return String(base.dropLast()) + "." + FastText.padded(Int(fraction), width: 3) + "Z"
        }
        let s = Int(secondOfDay)
        return day.description + "T" + FastText.padded(s / 3600, width: 2) + ":" + FastText.padded(s / 60 % 60, width: 2) + ":"
            + FastText.padded(s % 60, width: 2) + "." + FastText.padded(Int(fraction), width: 3) + "Z"
    }

    /// Reads what `format` writes directly; any other ISO 8601 form through Foundation.
    public static func parse(_ text: String) throws -> Date {
        var text = text
        let fast = text.withUTF8 { b -> Date? in
            guard b.count == 24, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x2E, b[23] == 0x5A,
                let year = FastText.number(b, 0, 4), let month = FastText.number(b, 5, 2), let day = FastText.number(b, 8, 2),
                let hour = FastText.number(b, 11, 2), let minute = FastText.number(b, 14, 2), let second = FastText.number(b, 17, 2),
                let ms = FastText.number(b, 20, 3), let days = LocalDate.dayNumber(year: year, month: month, day: day),
                hour < 24, minute < 60, second < 60
            else { return nil }
            let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            return Date(timeIntervalSince1970: Double(seconds * 1000 + Int64(ms)) / 1000)
        }
        if let fast { return fast }
        return try style.parse(text)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let (q, r) = value.quotientAndRemainder(dividingBy: divisor)
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}

extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    /// Asked as "null, or text" rather than as `String?`: handing the optional's metatype to `decode` looked its generic
    /// metadata up in the runtime on every call (2% of the API list's CPU).
    func optionalString(_ column: String) throws -> String? {
        try isNull(column) ? nil : decode(column: column, as: String.self)
    }
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func int64(_ column: String) throws -> Int64 { try decode(column: column, as: Int64.self) }
    func optionalInt64(_ column: String) throws -> Int64? {
        try isNull(column) ? nil : decode(column: column, as: Int64.self)
    }

    /// Whether the column holds null; a column the row does not have is an error, as `decode` makes it (the drivers'
    /// `decodeNil` answers true for it).
    private func isNull(_ column: String) throws -> Bool {
        guard try decodeNil(column: column) else { return false }
        guard contains(column: column) else { throw StoreError.unexpected("no column \(column) in the row") }
        return true
    }
    func bool(_ column: String) throws -> Bool { try decode(column: column, as: Bool.self) }

    func uuid(_ column: String) throws -> UUID {
        let text = try string(column)
        guard let id = UUID(canonical: text) else {
            throw StoreError.unexpected("column \(column) holds '\(text)', not a UUID")
        }
        return id
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        try optionalString(column).flatMap(UUID.init(canonical:))
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
