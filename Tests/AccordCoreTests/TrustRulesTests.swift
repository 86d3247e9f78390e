import AccordCore
import Foundation
import Testing

/// Domain rules the trust review found broken: CSV formula cells, bounded recurrences, password bytes, votes from
/// meetings before the proposal, and the partner's portfolio query.
@Suite struct TrustRulesTests {
    @Test func csvCellsWithAFormulaAfterAnySeparatorAreQuotedAndPrefixed() {
        #expect(CSV.field("=SUM(A1)") == "\"'=SUM(A1)\"")
        // A spreadsheet that splits on ';' or tab would see a formula in the second part.
        #expect(CSV.field("Report;=HYPERLINK(\"http://x\")") == "\"'Report;=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSV.field("a,+cmd") == "\"'a,+cmd\"")
        #expect(CSV.field("a\t@SUM(1)") == "\"'a\t@SUM(1)\"")
        #expect(CSV.field("a; -2+3") == "\"'a; -2+3\"")
        #expect(CSV.field("-5") == "-5" && CSV.field("-12.50") == "-12.50")
        #expect(CSV.field("Plain text") == "Plain text")
        #expect(CSV.field("semi;colon") == "\"semi;colon\"")
        #expect(CSV.field("x - y") == "x - y")
    }

    @Test func boundedRecurrencesAreLaidOutToTheirEnd() throws {
        let valid = try ObligationInput(
            title: "Annual report", kind: "report", direction: "joint", dueOn: "2027-01-31", recurrence: "yearly",
            recursUntil: "2031-12-31"
        ).validate(triggers: [])
        let obligation = Obligation(id: UUID(), allianceID: UUID(), valid: valid, createdAt: Date(), updatedAt: Date())
        let horizon = LocalDate("2026-12-01")!.adding(months: 36)
        let dates = ObligationSchedule.occurrences(obligation, triggers: [:], executions: [:], through: horizon).map(\.dueOn.description)
        #expect(dates == ["2027-01-31", "2028-01-31", "2029-01-31", "2030-01-31", "2031-01-31"])
        var open = obligation
        open.openEnded = true
        open.recursUntil = nil
        #expect(ObligationSchedule.occurrences(open, triggers: [:], executions: [:], through: horizon).count == 3)
    }

    @Test func everyByteOfAnAcceptedPasswordCounts() {
        let seventyTwo = String(repeating: "a1b2", count: 18)
        #expect(throws: Never.self) { try PasswordRules.check(seventyTwo, email: "x@helix.example") }
        #expect(throws: DomainError.self) { try PasswordRules.check(seventyTwo + "c", email: "x@helix.example") }
        #expect(throws: DomainError.self) { try PasswordRules.check(String(repeating: "ü", count: 37), email: "x@helix.example") }
        for control in ["\u{0}", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{85}"] {
            #expect(throws: DomainError.self) { try PasswordRules.check("long enough pass" + control, email: "x@helix.example") }
            #expect(!PasswordRules.isComparable(control + "long enough pass"))
        }
        #expect(PasswordRules.isComparable("accord-demo-2026") && !PasswordRules.isComparable(seventyTwo + "z"))
    }

    @Test func votesComeFromMeetingsOnOrAfterTheProposal() throws {
        let proposed = Date(timeIntervalSince1970: TimeInterval(LocalDate("2026-11-10")!.dayNumber) * 86_400 + 3600)
        let decision = Decision(
            id: UUID(), bodyID: UUID(), allianceID: UUID(), meetingID: nil, title: "Budget", details: nil, status: .proposed,
            escalation: nil, supersededBy: nil, version: 1, createdAt: proposed)
        func meeting(_ day: String) -> Meeting {
            Meeting(
                id: UUID(), bodyID: decision.bodyID, allianceID: decision.allianceID, title: "JSC", date: LocalDate(day)!, startMinute: 600,
                location: nil, agenda: [], noticeOverride: nil, minutes: nil, minutesStatus: .none, documents: [], version: 1,
                createdAt: proposed)
        }
        let refused = #expect(throws: DomainError.self) { try DecisionFlow.requireVotingMeeting(meeting("2026-11-09"), for: decision) }
        #expect(refused?.fieldErrors.map(\.field) == ["meetingID"])
        #expect(throws: Never.self) { try DecisionFlow.requireVotingMeeting(meeting("2026-11-10"), for: decision) }
        #expect(
            DecisionFlow.votingMeetings([meeting("2026-10-01"), meeting("2026-12-01")], for: decision).map(\.date.description) == [
                "2026-12-01"
            ])
    }

    @Test func partnersMayNotSortTheirPortfolioByOurTier() throws {
        let partner = Principal(userID: UUID(), role: .partner, personID: UUID(), allianceIDs: [UUID()])
        var query = AllianceQuery()
        query.sort = .tier
        #expect(throws: DomainError.self) { try AccessPolicy.scoped(query, for: partner) }
        let manager = Principal(userID: UUID(), role: .allianceManager, personID: nil, allianceIDs: [])
        #expect(try AccessPolicy.scoped(query, for: manager).scope == .all)
        query.sort = .name
        #expect(try AccessPolicy.scoped(query, for: partner).scope == .only(partner.allianceIDs))
    }
}
