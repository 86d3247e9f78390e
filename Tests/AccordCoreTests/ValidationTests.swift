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
