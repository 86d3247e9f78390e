import Foundation

/// Money in and out by quarter and currency: forecasts by the quarter an occurrence is due, actual payments by the
/// quarter they were made.
public struct CashflowRow: Sendable, Equatable {
    public var quarter: String
    public var currency: String
    public var incomingForecast: Int64 = 0
    public var incomingActual: Int64 = 0
    public var outgoingForecast: Int64 = 0
    public var outgoingActual: Int64 = 0

    public init(quarter: String, currency: String) {
        self.quarter = quarter
        self.currency = currency
    }
}

public enum Cashflow {
    /// "2027 Q1".
    public static func quarter(_ date: LocalDate) -> String { "\(date.year) Q\((date.month - 1) / 3 + 1)" }

    /// Rows for quarters from `from` through `through`, sorted by quarter then currency; quarters with no money are left out.
    public static func rows(_ occurrences: [Occurrence], from: LocalDate, through: LocalDate) -> [CashflowRow] {
        var rows: [String: CashflowRow] = [:]
        func add(_ date: LocalDate, _ money: Money, incoming: Bool, actual: Bool) {
            guard date >= from, date <= through else { return }
            let key = quarter(date) + "|" + money.currency
            var row = rows[key] ?? CashflowRow(quarter: quarter(date), currency: money.currency)
            switch (incoming, actual) {
            case (true, false): row.incomingForecast += money.hundredths
            case (true, true): row.incomingActual += money.hundredths
            case (false, false): row.outgoingForecast += money.hundredths
            case (false, true): row.outgoingActual += money.hundredths
            }
            rows[key] = row
        }
        for o in occurrences where o.obligation.kind.isFinancial && o.obligation.direction != .joint {
            let incoming = o.obligation.direction == .incoming
            if let amount = o.obligation.amount { add(o.dueOn, amount, incoming: incoming, actual: false) }
            if let e = o.execution, e.state != .notExecuted, let paid = e.executedAmount, let on = e.executedOn {
                add(on, paid, incoming: incoming, actual: true)
            }
        }
        return rows.values.sorted { ($0.quarter, $0.currency) < ($1.quarter, $1.currency) }
    }

    /// The first day of the quarter `date` falls in.
    public static func quarterStart(_ date: LocalDate) -> LocalDate {
        LocalDate(String(format: "%04d-%02d-01", date.year, (date.month - 1) / 3 * 3 + 1))!
    }
}
