import AccordMemberwise
import Foundation

extension Obligation {
    /// A new obligation with the checked fields.
    public init(id: UUID, allianceID: UUID, valid: ObligationInput.Valid, version: Int = 1, createdAt: Date, updatedAt: Date) {
        self.init(
            id: id, allianceID: allianceID, title: valid.title, kind: valid.kind, direction: valid.direction, due: valid.due,
            recurrence: valid.recurrence, recursUntil: valid.recursUntil, openEnded: valid.openEnded, currency: valid.currency,
            amount: valid.amount, notes: valid.notes, visibility: valid.visibility, version: version, createdAt: createdAt,
            updatedAt: updatedAt)
    }

    /// Replaces every field the form sets.
    public mutating func apply(_ valid: ObligationInput.Valid) {
        (title, kind, direction, due) = (valid.title, valid.kind, valid.direction, valid.due)
        (recurrence, recursUntil, openEnded) = (valid.recurrence, valid.recursUntil, valid.openEnded)
        (currency, amount, notes, visibility) = (valid.currency, valid.amount, valid.notes, valid.visibility)
    }
}

/// An obligation as typed into the form or an API body.
@Memberwise
public struct ObligationInput: Sendable, Equatable {
    public var title: String?
    public var kind: String?
    public var direction: String?
    /// "fixed" or "trigger".
    public var dueMode: String?
    public var dueOn: String?
    public var triggerID: String?
    public var offsetDays: String?
    public var recurrence: String?
    public var recursUntil: String?
    public var openEnded: Bool = false
    public var amount: String?
    public var currency: String?
    public var notes: String?
    public var visibility: String?

    @Memberwise
    public struct Valid: Sendable, Equatable {
        public var title: String
        public var kind: ObligationKind
        public var direction: ObligationDirection
        public var due: DueRule
        public var recurrence: Recurrence
        public var recursUntil: LocalDate?
        public var openEnded: Bool
        /// Payments only.
        public var currency: String?
        public var amount: Money?
        public var notes: String?
        public var visibility: Visibility
    }

    /// Checks every field; `triggers` are the alliance's own trigger events.
    public func validate(triggers: [TriggerEvent]) throws(DomainError) -> Valid {
        var v = Validator()
        let title = v.text(title, "title", "Title", max: 200)
        let kind: ObligationKind? = v.choice(kind, "kind", "Kind")
        let direction: ObligationDirection? = v.choice(direction, "direction", "Direction")
        if let kind, kind.isFinancial, direction == .joint {
            v.add("direction", "A payment is incoming or outgoing, not joint.")
        }
        var due: DueRule?
        let mode = (dueMode ?? "fixed").trimmingCharacters(in: .whitespaces).lowercased()
        switch mode {
        case "", "fixed":
            let date = v.optionalDate(dueOn, "dueOn", "Due date")
            if date == nil, (dueOn ?? "").trimmingCharacters(in: .whitespaces).isEmpty { v.add("dueOn", "Due date is required.") }
            due = date.map { .fixed($0) }
        case "trigger":
            let raw = (triggerID ?? "").trimmingCharacters(in: .whitespaces)
            let trigger = UUID(canonical: raw).flatMap { id in triggers.first { $0.id == id } }
            if trigger == nil {
                v.add(
                    "triggerID",
                    raw.isEmpty ? "A date relative to a trigger needs its trigger event." : "Trigger must be one of this alliance's events."
                )
            }
            let text = (offsetDays ?? "").trimmingCharacters(in: .whitespaces)
            let days = Int(text)
            if days == nil || !(-3650...3650).contains(days!) {
                v.add("offsetDays", "Days after the trigger must be a whole number from -3650 to 3650.")
            }
            if let trigger, let days { due = .afterTrigger(trigger.id, days: days) }
        case "both":
            v.add("dueOn", "Give a fixed due date or a trigger event with days after it, not both.")
        default:
            v.add("dueMode", "Due date must be fixed or relative to a trigger.")
        }
        let recurrence: Recurrence = (recurrence ?? "").isEmpty ? .once : (v.choice(recurrence, "recurrence", "Recurrence") ?? .once)
        let until = v.optionalDate(recursUntil, "recursUntil", "Recurs until")
        if recurrence == .once {
            if until != nil || openEnded { v.add("recurrence", "A one-off obligation has no end date; choose a recurrence first.") }
        } else if until == nil, !openEnded, (recursUntil ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            v.add("recursUntil", "A recurrence needs an end date, or say that it has none (open-ended).")
        } else if until != nil, openEnded {
            v.add("recursUntil", "Give an end date or mark it open-ended, not both.")
        } else if let until, case .fixed(let first) = due, until < first {
            v.add("recursUntil", "Recurs until must be on or after the first due date (\(first)).")
        }
        let amount = v.optionalAmount(amount, "amount", "Amount")
        let code = (currency ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        var currency: String?
        if let kind, !kind.isFinancial {
            if amount != nil || !code.isEmpty { v.add("amount", "Only payments have an amount.") }
        } else if let kind {
            if amount == nil, kind != .royalty, (self.amount ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                v.add("amount", "Amount is required for a payment (a royalty may leave it blank until it is forecast).")
            }
            if Currency.isKnown(code) {
                currency = code
            } else {
                v.add(
                    "currency",
                    code.isEmpty ? "Currency is required for a payment." : "Currency must be an ISO 4217 code such as USD, EUR or JPY.")
            }
        }
        let notes = v.optionalText(notes, "notes", "Notes", max: 4000)
        let visibility: Visibility? = (visibility ?? "").isEmpty ? .shared : v.choice(visibility, "visibility", "Visibility")
        try v.check()
        return Valid(
            title: title, kind: kind!, direction: direction!, due: due!, recurrence: recurrence, recursUntil: until,
            openEnded: recurrence == .once ? false : openEnded, currency: currency,
            amount: currency.flatMap { c in amount.map { Money(hundredths: $0, currency: c) } }, notes: notes, visibility: visibility!)
    }
}

/// A trigger event as typed.
@Memberwise
public struct TriggerInput: Sendable, Equatable {
    public var name: String?
    public var occurredOn: String?

    public func validate() throws(DomainError) -> (name: String, occurredOn: LocalDate?) {
        var v = Validator()
        let name = v.text(name, "name", "Event", max: 120)
        let date = v.optionalDate(occurredOn, "occurredOn", "Date")
        try v.check()
        return (name, date)
    }
}

/// What was done about one occurrence, as typed.
@Memberwise
public struct ExecutionInput: Sendable, Equatable {
    public var state: String?
    public var executedAmount: String?
    public var executedOn: String?
    public var note: String?

    /// A partly executed payment needs the amount paid (more than nothing, less than the forecast) and the date;
    /// fully executed needs the date (a payment's amount defaults to the forecast); nothing executed has neither.
    /// Dates cannot be in the future.
    public func validate(_ obligation: Obligation, occurrence: Int, today: LocalDate) throws(DomainError) -> Execution {
        var v = Validator()
        let state: ExecutionState? = v.choice(state, "state", "Execution")
        let amount = v.optionalAmount(executedAmount, "executedAmount", "Amount executed")
        let date = v.optionalDate(executedOn, "executedOn", "Executed on")
        let note = v.optionalText(note, "note", "Note", max: 1000)
        if let date, date > today { v.add("executedOn", "Executed on cannot be in the future.") }
        var money: Money?
        switch state {
        case .notExecuted?:
            if amount != nil || date != nil { v.add("state", "Nothing executed has no amount or date; choose partly or fully executed.") }
        case .partlyExecuted?:
            if date == nil { v.add("executedOn", "Give the date of the partial execution.") }
            if obligation.kind.isFinancial {
                if amount == nil || amount == 0 {
                    v.add("executedAmount", "Give the amount paid so far.")
                } else if let forecast = obligation.amount, amount! >= forecast.hundredths {
                    v.add(
                        "executedAmount", "A partial payment is less than the amount due (\(forecast.amountText)); mark it fully executed.")
                }
            }
        case .fullyExecuted?:
            if date == nil { v.add("executedOn", "Give the date it was executed.") }
            if obligation.kind.isFinancial, amount == nil, obligation.amount == nil {
                v.add("executedAmount", "Give the amount paid.")
            }
        case nil:
            break
        }
        if !obligation.kind.isFinancial, amount != nil { v.add("executedAmount", "Only payments have an executed amount.") }
        if obligation.kind.isFinancial, let amount {
            money = Money(hundredths: amount, currency: obligation.currency ?? "USD")
        } else if obligation.kind.isFinancial, state == .fullyExecuted {
            money = obligation.amount
        }
        try v.check()
        return Execution(
            obligationID: obligation.id, occurrence: occurrence, state: state!, executedAmount: money, executedOn: date, note: note)
    }
}
