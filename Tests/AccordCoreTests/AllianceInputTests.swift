import AccordCore
import Foundation
import Testing

@Suite struct AllianceInputTests {
    static func valid() -> AllianceInput {
        var input = AllianceInput()
        input.name = "HX-201 discovery"
        input.partnerID = UUID().uuidString
        input.type = "research_collaboration"
        input.status = "active"
        input.phase = "development"
        input.tier = "tier_1"
        return input
    }

    @Test func aCompleteInputValidates() throws {
        var input = Self.valid()
        input.effectiveDate = "2026-01-01"
        input.termEndDate = "2030-12-31"
        input.renewalNoticeDate = "2030-06-30"
        input.valueAmount = "250,000,000"
        input.valueCurrency = "usd"
        let valid = try input.validate()
        #expect(valid.value == Money(hundredths: 25_000_000_000, currency: "USD"))
        #expect(valid.transition == nil)
    }

    @Test func everyMissingRequiredFieldIsNamed() {
        do {
            _ = try AllianceInput().validate()
            Issue.record("expected a validation error")
        } catch {
            #expect(Set(error.fieldErrors.map(\.field)) == ["name", "partnerID", "type", "status", "phase", "tier"])
        }
    }

    @Test func termEndBeforeEffectiveDateIsRefused() {
        var input = Self.valid()
        input.effectiveDate = "2026-05-01"
        input.termEndDate = "2025-01-01"
        #expect(throws: DomainError.invalid("termEndDate", "Term end must be on or after the effective date (2026-05-01).")) {
            try input.validate()
        }
    }

    @Test func renewalNoticeAfterTermEndIsRefused() {
        var input = Self.valid()
        input.termEndDate = "2030-01-01"
        input.renewalNoticeDate = "2030-02-01"
        #expect(throws: DomainError.self) { try input.validate() }
    }

    @Test func unknownCurrencyAndValueWithoutCurrencyAreRefused() {
        var input = Self.valid()
        input.valueAmount = "100"
        input.valueCurrency = "XYZ"
        #expect((try? input.validate()) == nil)
        input.valueCurrency = ""
        do {
            _ = try input.validate()
        } catch {
            #expect(error.fieldErrors.map(\.field) == ["valueCurrency"])
        }
    }

    @Test func malformedIdentifiersAreFieldErrors() {
        var input = Self.valid()
        input.partnerID = "not-a-uuid"
        input.ourManagerID = "also-bad"
        do {
            _ = try input.validate()
        } catch {
            #expect(Set(error.fieldErrors.map(\.field)) == ["partnerID", "ourManagerID"])
        }
    }

    @Test func referencesMustSitOnTheRightSide() throws {
        let now = Date()
        let ours = UUID()
        let partner = Organization(id: UUID(), name: "Norvik", kind: .partner, createdAt: now, updatedAt: now)
        let theirPerson = Person(
            id: UUID(), organizationID: partner.id, name: "Lars", email: "l@n.example", title: nil, function: .research,
            level: .executive, createdAt: now, updatedAt: now)
        var input = Self.valid()
        input.partnerID = partner.id.uuidString
        input.ourManagerID = theirPerson.id.uuidString
        let valid = try input.validate()
        #expect(throws: DomainError.invalid("ourManagerID", "Our alliance manager must work for our company.")) {
            try AllianceRules.checkReferences(valid, partner: partner, people: [theirPerson.id: theirPerson], ourOrganizationID: ours)
        }
        let oursOrg = Organization(id: ours, name: "Helix", kind: .ours, createdAt: now, updatedAt: now)
        #expect(throws: DomainError.invalid("partnerID", "Partner must be a partner organisation, not our own company.")) {
            try AllianceRules.checkReferences(try Self.valid().validate(), partner: oursOrg, people: [:], ourOrganizationID: ours)
        }
    }

    @Test func queryParsingReportsBadParameters() {
        #expect(throws: DomainError.self) { try AllianceQuery.parse(["phase": "launch"]) }
        #expect(throws: DomainError.self) { try AllianceQuery.parse(["page": "0"]) }
        #expect(throws: DomainError.self) { try AllianceQuery.parse(["per_page": "1000"]) }
        #expect(throws: DomainError.self) { try AllianceQuery.parse(["dir": "sideways"]) }
        let q = try? AllianceQuery.parse(["phase": "development", "sort": "value", "dir": "desc", "page": "2"])
        #expect(q?.phase == .development && q?.sort == .value && q?.descending == true && q?.page == 2)
    }
}
