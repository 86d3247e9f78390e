import AccordMemberwise
import Foundation

/// An amount in a currency, held in hundredths (minor units at two decimals) to avoid floating point.
@Memberwise
public struct Money: Sendable, Hashable, Codable {
    public let hundredths: Int64
    public let currency: String

    /// Parses "1250000", "1,250,000.50" or "1250000.5"; nil for anything else, negatives included.
    public static func parseAmount(_ text: String) -> Int64? {
        let cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 13,
            parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber), let whole = Int64(parts[0])
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), f.allSatisfy(\.isASCII), f.allSatisfy(\.isNumber), let v = Int64(f) else { return nil }
            fraction = f.count == 1 ? v * 10 : v
        }
        return whole * 100 + fraction
    }

    /// "1,250,000.00" style text for tables and forms.
    public var amountText: String { Money.format(hundredths) }

    public static func format(_ hundredths: Int64) -> String {
        let whole = hundredths / 100
        let fraction = hundredths % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return digits + grouped + "." + FastText.padded(Int(abs(fraction)), width: 2)
    }

    /// Hundredths as a plain signed decimal for CSV and JSON: "1250000.50", "-3.00".
    public static func plain(_ hundredths: Int64) -> String {
        (hundredths < 0 ? "-" : "") + String(abs(hundredths) / 100) + "." + FastText.padded(Int(abs(hundredths) % 100), width: 2)
    }

    /// A compact form for the portfolio: "USD 1.3M".
    public var shortText: String {
        switch hundredths {
        case 100_000_000_000...: return "\(currency) " + Self.tenths(hundredths, per: 10_000_000_000) + "B"
        case 100_000_000...: return "\(currency) " + Self.tenths(hundredths, per: 10_000_000) + "M"
        case 100_000...: return "\(currency) " + String(Self.rounded(hundredths, per: 100_000)) + "K"
        default: return "\(currency) " + String(Self.rounded(hundredths, per: 100))
        }
    }

    /// `hundredths / per` rounded half away from zero on the exact amount (no binary fractions, no `vfprintf`).
    static func rounded(_ hundredths: Int64, per unit: Int64) -> Int64 {
        let (quotient, remainder) = hundredths.magnitude.quotientAndRemainder(dividingBy: UInt64(unit))
        let rounded = Int64(quotient + (remainder * 2 >= UInt64(unit) ? 1 : 0))
        return hundredths < 0 ? -rounded : rounded
    }

    /// `hundredths / (per * 10)` to one decimal, rounded like `rounded`.
    static func tenths(_ hundredths: Int64, per unit: Int64) -> String {
        let tenths = rounded(hundredths, per: unit)
        return String(tenths / 10) + "." + String(tenths % 10)
    }
}

/// ISO 4217 codes Accord accepts for deal values.
public enum Currency {
    public static let codes: [String] = [
        "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "SEK", "DKK", "NOK", "INR", "KRW", "SGD", "BRL",
        "MXN", "ZAR", "HKD", "NZD", "PLN", "ILS",
    ]
    public static func isKnown(_ code: String) -> Bool { codes.contains(code) }
}
