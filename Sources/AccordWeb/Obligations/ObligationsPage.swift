import AccordCore
import Foundation

/// An alliance's obligations page: trigger events, obligations waiting for one, and the timeline of due dates.
struct ObligationsPage: PageModel {
    /// Where the breadcrumb or form leads (the route table, not a path written in the template).
    let portfolioHref = Site.alliances.pattern
    struct RowError: Sendable {
        let key: String
        let errors: [FieldError]
        let input: ExecutionInput
    }
    struct TriggerError: Sendable {
        let triggerID: UUID?
        let errors: [FieldError]
        let input: TriggerInput
    }
    struct Row: Sendable {
        let anchor: String
        let due: String
        let title: String
        let editHref: String
        let remindersHref: String
        let reminded: Bool
        let kind: String
        let occurrence: String?
        let direction: String
        let amount: String
        let state: String
        let stateCode: String
        let overdue: Bool
        let executed: String?
        let action: String
        let stateOptions: [OptionModel]
        let executedAmount: String
        let executedOn: String
        let note: String
        let isPayment: Bool
        let errors: [String]
        let hasErrors: Bool
    }
    struct Waiting: Sendable {
        let title: String
        let editHref: String
        let rule: String
    }
    struct Trigger: Sendable {
        let name: String
        let date: String
        let hasDate: Bool
        let dependents: Int
        let action: String
        let version: Int
        let value: String
        let error: String?
    }
    let layout: LayoutModel
    let allianceName: String
    let allianceHref: String
    let newHref: String
    let csvHref: String
    let importHref: String
    let triggersAction: String
    let summary: String
    let rows: [Row]
    let hasRows: Bool
    let earlierText: String
    let hasEarlier: Bool
    /// Open-ended recurrences have no last date, so they are laid out to a horizon; the page says how far.
    let horizonNote: String?
    let waiting: [Waiting]
    let hasWaiting: Bool
    let triggers: [Trigger]
    let hasTriggers: Bool
    let newTriggerName: String
    let newTriggerDate: String
    let newTriggerError: String?
    let canManage: Bool
    let isEmpty: Bool

    init(
        layout: LayoutModel, alliance: Alliance, view: ObligationsService.View, today: LocalDate, canManage: Bool, rowError: RowError?,
        triggerError: TriggerError?
    ) {
        self.layout = layout
        allianceName = alliance.name
        allianceHref = Site.alliance.path(alliance.id)
        newHref = Site.newObligation.path(alliance.id)
        csvHref = Site.obligationsCSV.path(alliance.id)
        importHref = Site.importObligations.path(alliance.id)
        triggersAction = Site.triggers.path(alliance.id)
        self.canManage = canManage
        let window = today.adding(days: -365)
        let shown = view.occurrences.filter { $0.dueOn >= window || $0.state != .fullyExecuted }
        let earlier = view.occurrences.count - shown.count
        earlierText =
            earlier == 1
            ? "1 fully executed occurrence from more than a year ago is not shown."
            : "\(earlier) fully executed occurrences from more than a year ago are not shown."
        hasEarlier = earlier > 0
        let horizon = today.adding(months: ObligationsService.horizonMonths)
        horizonNote =
            view.obligations.contains { $0.openEnded && $0.recurrence != .once }
            ? "Open-ended obligations are shown for the next \(ObligationsService.horizonMonths) months, through \(horizon); "
                + "obligations with an end date are shown to their last occurrence." : nil
        let counts = Dictionary(grouping: view.occurrences, by: \.obligation.id).mapValues(\.count)
        rows = shown.map { o in
            let item = o.obligation
            let key = "\(item.id.lowercaseText)-\(o.index)"
            let failed = rowError?.key == key ? rowError : nil
            let total = counts[item.id] ?? 1
            var executed: String?
            if let e = o.execution, e.state != .notExecuted {
                executed = [e.executedAmount.map { "\($0.currency) \($0.amountText)" }, e.executedOn.map { "on \($0)" }]
                    .compactMap { $0 }.joined(separator: " ")
            }
            return Row(
                anchor: "o-" + key, due: o.dueOn.description, title: item.title, editHref: Site.editObligation.path(alliance.id, item.id),
                remindersHref: Site.obligationReminders.path(alliance.id, item.id), reminded: view.reminded.contains(item.id),
                kind: item.kind.label,
                occurrence: item.recurrence == .once
                    ? nil : "\(item.recurrence.label), \(o.index + 1) of \(item.openEnded ? "open-ended" : String(total))",
                direction: item.direction.label,
                amount: item.amount.map { "\($0.currency) \($0.amountText)" } ?? (item.kind.isFinancial ? "To be forecast" : ""),
                state: o.state.label, stateCode: o.state.rawValue, overdue: o.isOverdue(on: today), executed: executed,
                action: Site.obligationOccurrence.path(alliance.id, item.id, o.index),
                stateOptions: OptionModel.list(ExecutionState.self, selected: failed?.input.state ?? o.state.rawValue),
                executedAmount: failed?.input.executedAmount ?? o.execution?.executedAmount?.amountText ?? "",
                executedOn: failed?.input.executedOn ?? o.execution?.executedOn?.description ?? "",
                note: failed?.input.note ?? o.execution?.note ?? "", isPayment: item.kind.isFinancial,
                errors: failed?.errors.map(\.message) ?? [], hasErrors: failed != nil)
        }
        hasRows = !rows.isEmpty
        let names = Dictionary(view.triggers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        waiting = view.waiting.map { item in
            var rule = ""
            if case .afterTrigger(let id, let days) = item.due {
                rule = "\(days) days after \(names[id] ?? "an event"), which has no date yet"
            }
            return Waiting(title: item.title, editHref: Site.editObligation.path(alliance.id, item.id), rule: rule)
        }
        hasWaiting = !waiting.isEmpty
        triggers = view.triggers.map { t in
            let failed = triggerError?.triggerID == t.id ? triggerError : nil
            let dependents = view.obligations.filter {
                if case .afterTrigger(let id, _) = $0.due { return id == t.id }
                return false
            }.count
            return Trigger(
                name: t.name, date: t.occurredOn?.description ?? "Not yet", hasDate: t.occurredOn != nil, dependents: dependents,
                action: Site.trigger.path(alliance.id, t.id), version: t.version,
                value: failed?.input.occurredOn ?? t.occurredOn?.description ?? "",
                error: failed?.errors.map(\.message).joined(separator: " "))
        }
        hasTriggers = !triggers.isEmpty
        let newError = triggerError?.triggerID == nil ? triggerError : nil
        newTriggerName = newError?.input.name ?? ""
        newTriggerDate = newError?.input.occurredOn ?? ""
        newTriggerError = newError?.errors.map(\.message).joined(separator: " ")
        let overdue = view.occurrences.filter { $0.isOverdue(on: today) }.count
        let soon = view.occurrences.filter { $0.dueOn >= today && $0.dueOn <= today.adding(days: 90) && $0.state != .fullyExecuted }.count
        summary =
            "\(overdue) overdue · \(soon) due in the next 90 days · \(view.obligations.count) obligation\(view.obligations.count == 1 ? "" : "s")"
        isEmpty = view.obligations.isEmpty
    }
}
