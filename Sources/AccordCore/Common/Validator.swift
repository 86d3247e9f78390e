import Foundation

/// Collects field errors while turning submitted text into typed values.
/// Every feature validates through this, so messages read the same everywhere.
public struct Validator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func add(_ field: String, _ message: String) {
        if !errors.contains(where: { $0.field == field }) {
            errors.append(FieldError(field: field, message: message))
        }
    }

    /// Required text, trimmed, at most `max` characters, without control characters.
    public mutating func text(_ raw: String?, _ field: String, _ label: String, max: Int = 200) -> String {
        let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            add(field, "\(label) is required.")
        } else {
            check(value, field, label, max: max)
        }
        return value
    }

    /// Optional text: empty becomes nil.
    public mutating func optionalText(_ raw: String?, _ field: String, _ label: String, max: Int = 200) -> String? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return nil }
        check(value, field, label, max: max)
        return value
    }

    /// A list's page number: 1 when not given, else a whole number from 1.
    public mutating func page(_ raw: String?) -> Int {
        guard let raw, !raw.isEmpty else { return 1 }
        guard let page = Int(raw), page >= 1 else {
            add("page", "Page must be a whole number from 1.")
            return 1
        }
        return page
    }

    private mutating func check(_ value: String, _ field: String, _ label: String, max: Int) {
        if value.count > max {
            add(field, "\(label) must be at most \(max) characters (it has \(value.count)).")
        } else if Self.hasControlCharacters(value) {
            add(field, "\(label) contains characters that are not allowed.")
        }
    }

    /// Control characters other than line breaks and tabs (NUL among them) are never accepted in text.
    public static func hasControlCharacters(_ value: String) -> Bool {
        value.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t" }
    }

    public mutating func choice<E: Labeled>(_ raw: String?, _ field: String, _ label: String, as: E.Type = E.self) -> E? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty {
            add(field, "\(label) is required.")
            return nil
        }
        guard let parsed = E(code: value) else {
            add(field, "\(label) must be one of: \(E.allCases.map(\.label).joined(separator: ", ")).")
            return nil
        }
        return parsed
    }

    public mutating func optionalChoice<E: Labeled>(_ raw: String?, _ field: String, _ label: String, as: E.Type = E.self) -> E? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        return choice(value, field, label, as: E.self)
    }

    public mutating func id(_ raw: String?, _ field: String, _ label: String) -> UUID? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty {
            add(field, "\(label) is required.")
            return nil
        }
        guard let id = UUID(canonical: value) else {
            add(field, "\(label) is not a valid choice.")
            return nil
        }
        return id
    }

    public mutating func optionalID(_ raw: String?, _ field: String, _ label: String) -> UUID? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        return id(value, field, label)
    }

    public mutating func optionalDate(_ raw: String?, _ field: String, _ label: String) -> LocalDate? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        guard let date = LocalDate(value) else {
            add(field, "\(label) must be a real date written YYYY-MM-DD.")
            return nil
        }
        return date
    }

    public mutating func email(_ raw: String?, _ field: String, _ label: String = "Email") -> String {
        let value = text(raw, field, label, max: 254).lowercased()
        guard !value.isEmpty, errors.allSatisfy({ $0.field != field }) else { return value }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !value.contains(where: { $0.isWhitespace })
        if !valid { add(field, "\(label) must be an email address such as name@company.com.") }
        return value
    }

    /// A non-negative amount with at most two decimals, in hundredths.
    public mutating func optionalAmount(_ raw: String?, _ field: String, _ label: String) -> Int64? {
        let value = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        guard let amount = Money.parseAmount(value) else {
            add(field, "\(label) must be a non-negative number with at most two decimals, such as 1250000 or 1,250,000.50.")
            return nil
        }
        return amount
    }

    /// Throws the collected errors, if any.
    public func check() throws(DomainError) {
        if !errors.isEmpty { throw .validation(errors) }
    }
}
