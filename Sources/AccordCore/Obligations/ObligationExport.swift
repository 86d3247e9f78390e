import Foundation

/// Obligations as CSV: one row per dated occurrence (and one per obligation still waiting for its event), with the
/// amount due, what was executed, and whether it is overdue. Cells are written by `CSV.field`.
public enum ObligationExport {
    public static let header = [
        "obligation_id", "title", "kind", "direction", "occurrence", "due_on", "due_rule", "currency", "amount", "state",
        "executed_amount", "executed_on", "overdue", "visibility",
    ]

    public static func csv(_ occurrences: [Occurrence], waiting: [Obligation], triggers: [TriggerEvent], today: LocalDate) -> String {
        let names = Dictionary(triggers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func rule(_ o: Obligation) -> String {
            switch o.due {
            case .fixed: return "fixed"
            case .afterTrigger(let id, let days): return "\(days) days after \(names[id] ?? "an event")"
            }
        }
        func amount(_ money: Money?) -> String { money.map { Money.plain($0.hundredths) } ?? "" }
        var lines = [header.joined(separator: ",")]
        for o in occurrences {
            let item = o.obligation
            lines.append(
                CSV.row([
                    item.id.lowercaseText, item.title, item.kind.rawValue, item.direction.rawValue, String(o.index + 1),
                    o.dueOn.description, rule(item), item.currency ?? "", amount(item.amount), o.state.rawValue,
                    amount(o.execution?.executedAmount), o.execution?.executedOn?.description ?? "", o.isOverdue(on: today) ? "yes" : "no",
                    item.visibility.rawValue,
                ]))
        }
        for item in waiting {
            lines.append(
                CSV.row([
                    item.id.lowercaseText, item.title, item.kind.rawValue, item.direction.rawValue, "", "", rule(item),
                    item.currency ?? "", amount(item.amount), "waiting_for_event", "", "", "no", item.visibility.rawValue,
                ]))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
