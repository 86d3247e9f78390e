import AccordCore
import Foundation
import Testing

@Suite struct ValidationTests {
    @Test func requiredTextNamesTheField() {
        var v = Validator()
        _ = v.text("   ", "name", "Name")
        #expect(v.errors == [FieldError(field: "name", message: "Name is required.")])
    }

    @Test func overLongTextIsRefusedWithItsLength() {
        var v = Validator()
        _ = v.text(String(repeating: "x", count: 161), "name", "Name", max: 160)
        #expect(v.errors.first?.message == "Name must be at most 160 characters (it has 161).")
    }

    @Test func controlCharactersAreRefused() {
        var v = Validator()
        _ = v.text("Bad\u{0}name", "name", "Name")
        #expect(v.errors.first?.field == "name")
    }

    @Test func unknownChoiceListsTheAllowedLabels() {
        var v = Validator()
        let phase = v.choice("launch", "phase", "Phase", as: LifecyclePhase.self)
        #expect(phase == nil)
        #expect(v.errors.first?.message == "Phase must be one of: Initiation, Development, Commercialization.")
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "yesterday", "2026-04-31"])
    func impossibleDatesAreRefused(_ text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func leapDayIsAccepted() {
        #expect(LocalDate("2028-02-29")?.description == "2028-02-29")
        #expect(LocalDate("2027-02-29") == nil)
    }

    @Test(arguments: [("1250000", Int64(125_000_000)), ("1,250,000.50", 125_000_050), ("0.5", 50), ("7", 700)])
    func amountsParseToHundredths(_ text: String, _ expected: Int64) {
        #expect(Money.parseAmount(text) == expected)
    }

    @Test(arguments: ["-5", "12.345", "1e6", "abc", "", "١٢٣"])
    func badAmountsAreRefused(_ text: String) {
        #expect(Money.parseAmount(text) == nil)
    }

    @Test func moneyFormatsWithGrouping() {
        #expect(Money(hundredths: 125_000_050, currency: "USD").amountText == "1,250,000.50")
        #expect(Money(hundredths: 180_000_000_00, currency: "USD").shortText == "USD 180.0M")
    }

    @Test func emailMustLookLikeAnAddress() {
        var v = Validator()
        #expect(v.email(" Dana@Helix.Example ", "email") == "dana@helix.example")
        #expect(v.errors.isEmpty)
        _ = v.email("not-an-email", "email")
        #expect(v.errors.first?.field == "email")
    }

    @Test func passwordRulesNameTheField() {
        #expect(throws: DomainError.invalid("password", "Password must be at least 12 characters.")) {
            try PasswordRules.check("short", email: "a@b.co")
        }
        #expect(throws: DomainError.self) { try PasswordRules.check("aaaaaaaaaaaaaaa", email: "a@b.co") }
        #expect(throws: DomainError.self) { try PasswordRules.check("dana-is-great-2026", email: "dana@helix.example") }
        #expect(throws: Never.self) { try PasswordRules.check("correct horse battery", email: "dana@helix.example") }
    }
}

@Suite struct ApiTokenInputTests {
    @Test func expiryIsCountedInDaysFromNow() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let valid = try ApiTokenInput(name: " Export ", expiresInDays: "30").validate(now: now)
        #expect(valid.name == "Export" && valid.expiresAt == now.addingTimeInterval(30 * 86_400))
        #expect(try ApiTokenInput(name: "Forever", expiresInDays: "").validate(now: now).expiresAt == nil)
    }

    @Test(arguments: ["0", "366", "ten", "-1", "1.5"])
    func badExpiriesNameTheField(_ days: String) {
        do {
            _ = try ApiTokenInput(name: "x", expiresInDays: days).validate(now: Date())
            Issue.record("expected \(days) to be refused")
        } catch {
            #expect(error.fieldErrors.map(\.field) == ["expiresInDays"])
        }
    }
}

@Suite struct MoneyShortTextTests {
    /// The short form rounds the exact amount half away from zero; away from ties it agrees with the
    /// `String(format:)` it replaced, which rounded the nearest binary fraction instead.
    @Test func shortTextRoundsTheExactAmount() {
        func printf(_ hundredths: Int64) -> String {
            let value = Double(hundredths) / 100
            switch value {
            case 1_000_000_000...: return "USD " + String(format: "%.1fB", value / 1_000_000_000)
            case 1_000_000...: return "USD " + String(format: "%.1fM", value / 1_000_000)
            case 1_000...: return "USD " + String(format: "%.0fK", value / 1_000)
            default: return "USD " + String(format: "%.0f", value)
            }
        }
        func short(_ hundredths: Int64) -> String { Money(hundredths: hundredths, currency: "USD").shortText }
        #expect(short(1_050_000_00) == "USD 1.1M")
        #expect(short(1_150_000_00) == "USD 1.2M")
        #expect(short(1_149_999_99) == "USD 1.1M")
        #expect(short(999_949_999_99) == "USD 999.9M")
        #expect(short(999_950_000_00) == "USD 1000.0M")
        #expect(short(2_500_000_000_00) == "USD 2.5B")
        #expect(short(50) == "USD 1")
        #expect(short(49) == "USD 0")
        #expect(short(149_950_00) == "USD 150K")
        #expect(short(-250) == "USD -3")
        var generator = SystemRandomNumberGenerator()
        for magnitude in [1_000, 100_000, 10_000_000, 1_000_000_000, 100_000_000_000, 10_000_000_000_000] as [Int64] {
            for _ in 0..<2_000 {
                let hundredths = Int64.random(in: 0..<magnitude, using: &generator)
                let unit: Int64 =
                    hundredths >= 100_000_000_000
                    ? 10_000_000_000 : hundredths >= 100_000_000 ? 10_000_000 : hundredths >= 100_000 ? 100_000 : 100
                guard hundredths % unit * 2 != unit else { continue }  // an exact tie: printf went to the even neighbour
                #expect(short(hundredths) == printf(hundredths), "\(hundredths)")
            }
        }
    }
}
