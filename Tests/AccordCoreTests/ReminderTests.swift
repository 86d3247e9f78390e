import AccordCore
import Foundation
import Testing

@Suite struct ReminderTests {
    let today = LocalDate("2027-01-10")!

    func obligation() throws -> Obligation {
        let v = try ObligationInput(
            title: "Milestone", kind: "milestone", direction: "incoming", dueOn: "2027-01-17", amount: "100", currency: "USD"
        ).validate(triggers: [])
        return Obligation(id: UUID(), allianceID: UUID(), valid: v, createdAt: Date(), updatedAt: Date())
    }

    @Test func rulesNeedTeamRecipientsAndSensibleLeadTimes() throws {
        let item = try obligation()
        let a = UUID()
        let rule = try ReminderInput(recipients: [a.uuidString, a.uuidString], leadDays: "7, 30,0, 7").validate(item, team: [a])
        #expect(rule?.recipients == [a] && rule?.leadDays == [30, 7, 0])
        #expect(try ReminderInput().validate(item, team: [a]) == nil)
        #expect(throws: DomainError.self) { try ReminderInput(recipients: [UUID().uuidString], leadDays: "7").validate(item, team: [a]) }
        #expect(throws: DomainError.self) { try ReminderInput(recipients: [a.uuidString], leadDays: "soon").validate(item, team: [a]) }
        #expect(throws: DomainError.self) { try ReminderInput(recipients: [a.uuidString], leadDays: "400").validate(item, team: [a]) }
        #expect(throws: DomainError.self) { try ReminderInput(recipients: [a.uuidString]).validate(item, team: [a]) }
    }

    @Test func remindersComeDueOnTheirDayWithALimitedCatchUp() throws {
        let item = try obligation()
        let (a, b) = (UUID(), UUID())
        let rules = [item.id: ReminderRule(obligationID: item.id, recipients: [a, b], leadDays: [30, 7, 0])]
        let open = [Occurrence(obligation: item, index: 0, dueOn: LocalDate("2027-01-17")!, execution: nil)]
        // On the 10th: the 7-day reminder (day 10) is due; the 30-day one (18 December) is past the 7-day catch-up.
        let due = ReminderPlan.due(on: today, occurrences: open, rules: rules)
        #expect(Set(due.map(\.leadDays)) == [7] && Set(due.map(\.personID)) == [a, b] && due[0].when == "Due in 7 days")
        #expect(ReminderPlan.due(on: today.adding(days: -1), occurrences: open, rules: rules).isEmpty)
        #expect(Set(ReminderPlan.due(on: LocalDate("2027-01-17")!, occurrences: open, rules: rules).map(\.leadDays)) == [7, 0])
        let done = Execution(
            obligationID: item.id, occurrence: 0, state: .fullyExecuted, executedAmount: nil, executedOn: today, note: nil)
        let paid = [Occurrence(obligation: item, index: 0, dueOn: LocalDate("2027-01-17")!, execution: done)]
        #expect(ReminderPlan.due(on: today, occurrences: paid, rules: rules).isEmpty)
    }
}
