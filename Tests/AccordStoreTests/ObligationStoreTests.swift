import AccordCore
import AccordStore
import Foundation
import Testing

@Suite struct ObligationStoreTests {
    @Test(arguments: TestDatabase.available)
    func obligationsTriggersAndExecutions(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (alliance, _, _) = try await GovernanceStoreTests.setup(store)
            let sale = try await store.obligations.saveTrigger(
                allianceID: alliance.id, id: nil, name: "First commercial sale", occurredOn: nil, expectedVersion: nil, by: Fixtures.actor)
            await #expect(throws: DomainError.self) {
                try await store.obligations.saveTrigger(
                    allianceID: alliance.id, id: nil, name: "first commercial SALE", occurredOn: nil, expectedVersion: nil,
                    by: Fixtures.actor)
            }
            let milestone = try await store.obligations.createObligation(
                allianceID: alliance.id,
                try ObligationInput(
                    title: "Sales milestone", kind: "milestone", direction: "incoming", dueMode: "trigger", triggerID: sale.id.uuidString,
                    offsetDays: "60", amount: "2,500,000.50", currency: "EUR"
                ).validate(triggers: [sale]), by: Fixtures.actor)
            let report = try await store.obligations.createObligation(
                allianceID: alliance.id,
                try ObligationInput(
                    title: "Royalty report", kind: "report", direction: "joint", dueOn: "2027-01-31", recurrence: "quarterly",
                    openEnded: true
                ).validate(triggers: []), by: Fixtures.actor)
            let stored = try await store.obligations.obligations(allianceID: alliance.id)
            #expect(stored.map(\.title) == ["Sales milestone", "Royalty report"])
            #expect(
                stored[0].amount == Money(hundredths: 250_000_050, currency: "EUR") && stored[0].due == .afterTrigger(sale.id, days: 60))
            #expect(stored[1].openEnded && stored[1].recurrence == .quarterly && stored[1].amount == nil)
            #expect(try await store.obligations.obligations(allianceIDs: nil).count == 2)
            #expect(try await store.obligations.obligations(allianceIDs: []).isEmpty)

            // Recording the trigger's date gives the milestone its due date; moving it moves the date.
            let dated = try await store.obligations.saveTrigger(
                allianceID: alliance.id, id: sale.id, name: sale.name, occurredOn: LocalDate("2027-03-01"), expectedVersion: 1,
                by: Fixtures.actor)
            await #expect(throws: DomainError.self) {
                try await store.obligations.saveTrigger(
                    allianceID: alliance.id, id: sale.id, name: sale.name, occurredOn: nil, expectedVersion: 1, by: Fixtures.actor)
            }
            let triggers = Dictionary(
                uniqueKeysWithValues: try await store.obligations.triggers(allianceID: alliance.id).map { ($0.id, $0) })
            #expect(dated.version == 2 && ObligationSchedule.firstDue(stored[0], triggers: triggers)?.description == "2027-04-30")

            // Executions per occurrence, replaced when recorded again.
            let part = try ExecutionInput(state: "partly_executed", executedAmount: "1,000,000", executedOn: "2027-05-02")
                .validate(milestone, occurrence: 0, today: LocalDate("2027-06-01")!)
            try await store.obligations.saveExecution(part, by: Fixtures.actor)
            let full = try ExecutionInput(state: "fully_executed", executedOn: "2027-05-20").validate(
                milestone, occurrence: 0, today: LocalDate("2027-06-01")!)
            try await store.obligations.saveExecution(full, by: Fixtures.actor)
            let done = try ExecutionInput(state: "fully_executed", executedOn: "2027-02-01").validate(
                report, occurrence: 2, today: LocalDate("2027-06-01")!)
            try await store.obligations.saveExecution(done, by: Fixtures.actor)
            let executions = try await store.obligations.executions(obligationIDs: [milestone.id, report.id])
            #expect(executions[milestone.id]?[0]?.state == .fullyExecuted)
            #expect(executions[milestone.id]?[0]?.executedAmount == Money(hundredths: 250_000_050, currency: "EUR"))
            #expect(executions[report.id]?.keys.sorted() == [2])

            // Stale edits conflict; another alliance's trigger is refused; the alliance with obligations is kept.
            let rename = try ObligationInput(
                title: "Sales milestone (amended)", kind: "milestone", direction: "incoming", dueOn: "2027-09-01", amount: "3000000",
                currency: "EUR"
            ).validate(triggers: [])
            await #expect(throws: DomainError.self) {
                try await store.obligations.updateObligation(milestone.id, rename, expectedVersion: 7, by: Fixtures.actor)
            }
            let updated = try await store.obligations.updateObligation(milestone.id, rename, expectedVersion: 1, by: Fixtures.actor)
            #expect(updated.version == 2 && updated.due == .fixed(LocalDate("2027-09-01")!))
            let other = try await store.alliances.create(
                try Fixtures.allianceInput("Other", partner: try await Fixtures.organization(store, "Basilea", kind: .partner)).validate(),
                by: Fixtures.actor)
            let foreign = try await store.obligations.saveTrigger(
                allianceID: other.id, id: nil, name: "Approval", occurredOn: nil, expectedVersion: nil, by: Fixtures.actor)
            let stolen = try ObligationInput(
                title: "x", kind: "report", direction: "joint", dueMode: "trigger", triggerID: foreign.id.uuidString, offsetDays: "1"
            ).validate(triggers: [foreign])
            await #expect(throws: DomainError.self) {
                try await store.obligations.createObligation(allianceID: alliance.id, stolen, by: Fixtures.actor)
            }
            await #expect(throws: DomainError.self) { try await store.alliances.delete(alliance.id, by: Fixtures.actor) }
            #expect(try await store.audit.verify().intact)
        }
    }
}
