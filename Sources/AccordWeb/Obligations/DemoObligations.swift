import AccordCore
import AccordStore
import Foundation

/// Payments and duties on four demo alliances: a trigger-based milestone chain on Pampas (one event recorded, one
/// still to come), a partly paid milestone now overdue, royalties running from Kanto's first commercial sale,
/// research funding on HX-201 that its partner users can see, and a supply renewal notice coming up at Meridian.
/// Kanto's yearly plan has reminders for both alliance managers, the first due on the day the demo is loaded.
enum DemoObligations {
    struct Plan {
        let title: String
        let kind: ObligationKind
        let direction: ObligationDirection
        /// Days from today for a fixed date, or days after the named trigger.
        let days: Int
        var trigger: String? = nil
        var recurrence: Recurrence = .once
        var untilDays: Int? = nil
        var openEnded = false
        var amount: String? = nil
        var currency: String? = nil
        var visibility: Visibility = .shared
        /// Execution of the first occurrence: state, amount, days from today.
        var executed: (ExecutionState, String?, Int)? = nil
        /// Lead times of reminders to both alliance managers.
        var remind: [Int] = []
    }

    static let alliances: [(name: String, triggers: [(String, Int?)], plans: [Plan])] = [
        (
            "Pampas gene therapy in-license", [("IND clearance", -200), ("First patient dosed", nil)],
            [
                Plan(
                    title: "Upfront licence fee", kind: .upfront, direction: .outgoing, days: -400, amount: "15,000,000", currency: "USD",
                    executed: (.fullyExecuted, nil, -395)),
                Plan(
                    title: "IND clearance milestone", kind: .milestone, direction: .outgoing, days: 30, trigger: "IND clearance",
                    amount: "5,000,000", currency: "USD", executed: (.partlyExecuted, "2,000,000", -160)),
                Plan(
                    title: "First patient dosed milestone", kind: .milestone, direction: .outgoing, days: 45,
                    trigger: "First patient dosed",
                    amount: "10,000,000", currency: "USD"),
                Plan(
                    title: "Quarterly development report", kind: .report, direction: .incoming, days: -20, recurrence: .quarterly,
                    untilDays: 700),
            ]
        ),
        (
            "Kanto Japan co-commercialization", [("First commercial sale", -150)],
            [
                Plan(
                    title: "Royalties on net sales", kind: .royalty, direction: .incoming, days: 60, trigger: "First commercial sale",
                    recurrence: .quarterly, openEnded: true, amount: "180,000,000", currency: "JPY",
                    executed: (.fullyExecuted, "172,500,000", -80)),
                Plan(
                    title: "Annual joint commercialization plan", kind: .report, direction: .joint, days: 45, recurrence: .yearly,
                    openEnded: true, remind: [45, 7]),
                Plan(
                    title: "Brief our board on the Kanto renewal", kind: .other, direction: .outgoing, days: -5, visibility: .internal),
            ]
        ),
        (
            "HX-201 antibody discovery", [],
            [
                Plan(
                    title: "Research funding", kind: .recurringPayment, direction: .outgoing, days: -75, recurrence: .quarterly,
                    untilDays: 640, amount: "1,250,000", currency: "USD", executed: (.fullyExecuted, nil, -70)),
                Plan(title: "Candidate nomination diligence", kind: .diligence, direction: .joint, days: 120),
            ]
        ),
        (
            "Meridian biologics supply", [],
            [
                Plan(title: "Notice of renewal of the supply agreement", kind: .renewalNotice, direction: .outgoing, days: 60),
                Plan(title: "Annual quality report", kind: .report, direction: .incoming, days: 20, recurrence: .yearly, untilDays: 1500),
            ]
        ),
    ]

    static func load(_ demo: DemoContext) async throws {
        let (store, actor, today) = (demo.store, demo.actor, demo.today)
        for entry in alliances {
            var query = AllianceQuery()
            query.text = entry.name
            guard let alliance = try await store.alliances.list(query).items.first?.alliance else { continue }
            var triggers: [String: TriggerEvent] = [:]
            for (name, days) in entry.triggers {
                triggers[name] = try await store.obligations.saveTrigger(
                    allianceID: alliance.id, id: nil, name: name, occurredOn: days.map { today.adding(days: $0) }, expectedVersion: nil,
                    by: actor)
            }
            for plan in entry.plans {
                var input = ObligationInput(
                    title: plan.title, kind: plan.kind.rawValue, direction: plan.direction.rawValue, recurrence: plan.recurrence.rawValue,
                    recursUntil: plan.untilDays.map { today.adding(days: $0).description }, openEnded: plan.openEnded, amount: plan.amount,
                    currency: plan.currency, visibility: plan.visibility.rawValue)
                if let name = plan.trigger, let trigger = triggers[name] {
                    (input.dueMode, input.triggerID, input.offsetDays) = ("trigger", trigger.id.canonicalText, String(plan.days))
                } else {
                    (input.dueMode, input.dueOn) = ("fixed", today.adding(days: plan.days).description)
                }
                let obligation = try await store.obligations.createObligation(
                    allianceID: alliance.id, try input.validate(triggers: Array(triggers.values)), by: actor)
                let managers = [alliance.ourManagerID, alliance.partnerManagerID].compactMap { $0 }
                if !plan.remind.isEmpty, !managers.isEmpty {
                    try await store.reminders.saveRule(
                        obligation.id, ReminderRule(obligationID: obligation.id, recipients: managers, leadDays: plan.remind), by: actor)
                }
                if let (state, amount, days) = plan.executed {
                    let execution = try ExecutionInput(
                        state: state.rawValue, executedAmount: amount, executedOn: today.adding(days: days).description
                    ).validate(obligation, occurrence: 0, today: today)
                    try await store.obligations.saveExecution(execution, by: actor)
                }
            }
        }
    }
}
