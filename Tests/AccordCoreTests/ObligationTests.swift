import AccordCore
import Foundation
import Testing

@Suite struct ObligationTests {
    let alliance = UUID()
    let today = LocalDate("2026-11-30")!

    func trigger(_ date: String?) -> TriggerEvent {
        TriggerEvent(
            id: UUID(), allianceID: alliance, name: "First commercial sale", occurredOn: date.flatMap(LocalDate.init), version: 1,
            createdAt: Date())
    }

    func obligation(_ valid: ObligationInput.Valid) -> Obligation {
        Obligation(id: UUID(), allianceID: alliance, valid: valid, createdAt: Date(), updatedAt: Date())
    }

    @Test func monthsClampToTheEndOfShorterMonths() {
        #expect(LocalDate("2027-01-31")!.adding(months: 1).description == "2027-02-28")
        #expect(LocalDate("2028-01-31")!.adding(months: 1).description == "2028-02-29")
        #expect(LocalDate("2026-11-30")!.adding(months: 3).description == "2027-02-28")
        #expect(LocalDate("2026-12-15")!.adding(months: 12).description == "2027-12-15")
    }

    @Test func dueDatesFollowTheirTriggerAndMoveWithIt() throws {
        let sale = trigger(nil)
        let valid = try ObligationInput(
            title: "Milestone on first sale", kind: "milestone", direction: "incoming", dueMode: "trigger", triggerID: sale.id.uuidString,
            offsetDays: "60", amount: "25,000,000", currency: "usd"
        ).validate(triggers: [sale])
        let item = obligation(valid)
        #expect(item.amount == Money(hundredths: 2_500_000_000, currency: "USD"))
        #expect(ObligationSchedule.firstDue(item, triggers: [sale.id: sale]) == nil)
        var recorded = sale
        recorded.occurredOn = LocalDate("2027-03-01")
        #expect(ObligationSchedule.firstDue(item, triggers: [sale.id: recorded])?.description == "2027-04-30")
        recorded.occurredOn = LocalDate("2027-05-01")
        let moved = ObligationSchedule.occurrences(item, triggers: [sale.id: recorded], executions: [:], through: LocalDate("2030-01-01")!)
        #expect(moved.map(\.dueOn.description) == ["2027-06-30"])
    }

    @Test func recurrencesRunToTheirEndOrTheHorizon() throws {
        let quarterly = obligation(
            try ObligationInput(
                title: "Royalty report", kind: "report", direction: "incoming", dueOn: "2027-01-31", recurrence: "quarterly",
                recursUntil: "2027-12-31"
            ).validate(triggers: []))
        let dates = ObligationSchedule.occurrences(quarterly, triggers: [:], executions: [:], through: LocalDate("2030-01-01")!)
        #expect(dates.map(\.dueOn.description) == ["2027-01-31", "2027-04-30", "2027-07-31", "2027-10-31"])
        let forever = obligation(
            try ObligationInput(
                title: "Fee", kind: "recurring_payment", direction: "outgoing", dueOn: "2027-01-01", recurrence: "yearly", openEnded: true,
                amount: "1000", currency: "EUR"
            ).validate(triggers: []))
        #expect(
            ObligationSchedule.occurrences(forever, triggers: [:], executions: [:], through: LocalDate("2029-06-01")!).count == 3)
    }

    @Test func badObligationsNameEveryField() {
        func fields(_ input: ObligationInput, triggers: [TriggerEvent] = []) -> Set<String> {
            do {
                _ = try input.validate(triggers: triggers)
                return []
            } catch { return Set(error.fieldErrors.map(\.field)) }
        }
        #expect(fields(ObligationInput()) == ["title", "kind", "direction", "dueOn"])
        #expect(
            fields(
                ObligationInput(title: "x", kind: "milestone", direction: "incoming", dueOn: "2027-01-01", amount: "-5", currency: "EUR"))
                == ["amount"])
        #expect(
            fields(
                ObligationInput(title: "x", kind: "milestone", direction: "incoming", dueOn: "2027-01-01", amount: "ten", currency: "XYZ"))
                == ["amount", "currency"])
        #expect(
            fields(ObligationInput(title: "x", kind: "upfront", direction: "joint", dueOn: "2027-01-01", amount: "1", currency: "EUR"))
                == ["direction"])
        #expect(
            fields(ObligationInput(title: "x", kind: "report", direction: "joint", dueMode: "trigger", offsetDays: "30")) == ["triggerID"])
        #expect(
            fields(ObligationInput(title: "x", kind: "report", direction: "joint", dueOn: "2027-01-01", recurrence: "monthly"))
                == ["recursUntil"])
        #expect(
            fields(
                ObligationInput(
                    title: "x", kind: "report", direction: "joint", dueOn: "2027-01-01", recurrence: "monthly", recursUntil: "2028-01-01",
                    openEnded: true)) == ["recursUntil"])
        #expect(fields(ObligationInput(title: "x", kind: "report", direction: "joint", dueOn: "2027-01-01", amount: "5")) == ["amount"])
        #expect(fields(ObligationInput(title: "x", kind: "royalty", direction: "incoming", dueOn: "2027-01-01", currency: "JPY")).isEmpty)
    }

    @Test func executionsArePartlyOrFullyDoneWithAmountsAndDates() throws {
        let payment = obligation(
            try ObligationInput(
                title: "Milestone", kind: "milestone", direction: "incoming", dueOn: "2026-10-01", amount: "1000000", currency: "EUR"
            ).validate(triggers: []))
        let part = try ExecutionInput(state: "partly_executed", executedAmount: "400000", executedOn: "2026-10-15")
            .validate(payment, occurrence: 0, today: today)
        #expect(part.executedAmount == Money(hundredths: 40_000_000, currency: "EUR"))
        let full = try ExecutionInput(state: "fully_executed", executedOn: "2026-11-01").validate(payment, occurrence: 0, today: today)
        #expect(full.executedAmount == payment.amount)
        #expect(throws: DomainError.self) {
            try ExecutionInput(state: "partly_executed", executedAmount: "1000000", executedOn: "2026-10-15")
                .validate(payment, occurrence: 0, today: today)
        }
        #expect(throws: DomainError.self) {
            try ExecutionInput(state: "fully_executed", executedOn: "2026-12-01").validate(payment, occurrence: 0, today: today)
        }
        let occurrence = Occurrence(obligation: payment, index: 0, dueOn: LocalDate("2026-10-01")!, execution: part)
        #expect(occurrence.isOverdue(on: today) && occurrence.state == .partlyExecuted)
    }
}

@Suite struct CashflowTests {
    @Test func forecastsByDueQuarterAndPaymentsByPaidQuarterPerCurrency() throws {
        let alliance = UUID()
        func make(_ kind: String, _ direction: String, _ due: String, _ amount: String?, _ currency: String) throws -> Obligation {
            let v = try ObligationInput(title: "x", kind: kind, direction: direction, dueOn: due, amount: amount, currency: currency)
                .validate(triggers: [])
            return Obligation(id: UUID(), allianceID: alliance, valid: v, createdAt: Date(), updatedAt: Date())
        }
        let milestone = try make("milestone", "incoming", "2027-03-31", "1000", "EUR")
        let fee = try make("upfront", "outgoing", "2027-04-01", "500", "USD")
        let royalty = try make("royalty", "incoming", "2027-05-15", nil, "EUR")
        let paid = Execution(
            obligationID: milestone.id, occurrence: 0, state: .partlyExecuted, executedAmount: Money(hundredths: 40_000, currency: "EUR"),
            executedOn: LocalDate("2027-04-02"), note: nil)
        let occurrences = [
            Occurrence(obligation: milestone, index: 0, dueOn: LocalDate("2027-03-31")!, execution: paid),
            Occurrence(obligation: fee, index: 0, dueOn: LocalDate("2027-04-01")!, execution: nil),
            Occurrence(obligation: royalty, index: 0, dueOn: LocalDate("2027-05-15")!, execution: nil),
        ]
        let rows = Cashflow.rows(occurrences, from: LocalDate("2027-01-01")!, through: LocalDate("2027-12-31")!)
        #expect(rows.map { "\($0.quarter) \($0.currency)" } == ["2027 Q1 EUR", "2027 Q2 EUR", "2027 Q2 USD"])
        #expect(rows[0].incomingForecast == 100_000 && rows[0].incomingActual == 0)
        #expect(rows[1].incomingActual == 40_000 && rows[1].incomingForecast == 0)
        #expect(rows[2].outgoingForecast == 50_000)
        #expect(Cashflow.quarterStart(LocalDate("2027-11-30")!).description == "2027-10-01")
        #expect(Cashflow.rows(occurrences, from: LocalDate("2028-01-01")!, through: LocalDate("2028-12-31")!).isEmpty)
    }
}
