import AccordMemberwise
import Foundation

extension LocalDate {
    /// The same day `months` later, clamped to the end of a shorter month (31 January + 1 month = 28 or 29 February).
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        let d = min(day, LocalDate.daysIn(month: m, year: y))
        return LocalDate(String(format: "%04d-%02d-%02d", y, m, d)) ?? self
    }
}

/// One dated occurrence of an obligation, with what was done about it.
@Memberwise
public struct Occurrence: Sendable, Equatable {
    public var obligation: Obligation
    public var index: Int
    public var dueOn: LocalDate
    public var execution: Execution?

    public var state: ExecutionState { execution?.state ?? .notExecuted }

    /// Not fully executed and past its due date.
    public func isOverdue(on today: LocalDate) -> Bool { state != .fullyExecuted && dueOn < today }
}

/// Turns obligations into dated occurrences: the due rule gives the first date (a trigger without a date gives
/// none yet), the recurrence repeats it until its end date (however far away), or, open-ended, up to the horizon
/// asked for.
public enum ObligationSchedule {
    /// The first due date, or nil while the trigger it hangs on has no date.
    public static func firstDue(_ obligation: Obligation, triggers: [UUID: TriggerEvent]) -> LocalDate? {
        switch obligation.due {
        case .fixed(let date): return date
        case .afterTrigger(let id, let days): return triggers[id]?.occurredOn?.adding(days: days)
        }
    }

    /// Every occurrence of a bounded recurrence, to its end date; an open-ended one's occurrences due up to
    /// `horizon` (inclusive). At most `limit` of them (a monthly duty for twenty years).
    public static func occurrences(
        _ obligation: Obligation, triggers: [UUID: TriggerEvent], executions: [Int: Execution], through horizon: LocalDate,
        limit: Int = 240
    ) -> [Occurrence] {
        guard let first = firstDue(obligation, triggers: triggers) else { return [] }
        guard let step = obligation.recurrence.months else {
            return [Occurrence(obligation: obligation, index: 0, dueOn: first, execution: executions[0])]
        }
        let end = obligation.openEnded ? horizon : (obligation.recursUntil ?? first)
        var result: [Occurrence] = []
        var index = 0
        while result.count < limit {
            let day = first.adding(months: step * index)
            if day > end { break }
            result.append(Occurrence(obligation: obligation, index: index, dueOn: day, execution: executions[index]))
            index += 1
        }
        return result
    }
}
