import AccordMemberwise
import Foundation

/// Who is reminded of an obligation's due dates, and how many days before each (0 = on the day).
@Memberwise
public struct ReminderRule: Sendable, Equatable, Codable {
    public var obligationID: UUID
    public var recipients: [UUID]
    public var leadDays: [Int]
}

/// A reminder rule as typed: recipients from the alliance's team, lead times as "30, 7, 0".
@Memberwise
public struct ReminderInput: Sendable, Equatable {
    public var recipients: [String] = []
    public var leadDays: String?

    /// No recipients and no lead times turns reminders off (nil).
    public func validate(_ obligation: Obligation, team: Set<UUID>) throws(DomainError) -> ReminderRule? {
        var v = Validator()
        var people: [UUID] = []
        for raw in recipients where !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let id = UUID(canonical: raw.trimmingCharacters(in: .whitespaces)), team.contains(id) else {
                v.add("recipients", "Recipients must be on the alliance's team.")
                break
            }
            if !people.contains(id) { people.append(id) }
        }
        if people.count > 20 { v.add("recipients", "At most 20 recipients.") }
        var days: [Int] = []
        let text = (leadDays ?? "").trimmingCharacters(in: .whitespaces)
        if !text.isEmpty {
            for part in text.split(separator: ",") {
                guard let n = Int(part.trimmingCharacters(in: .whitespaces)), (0...365).contains(n) else {
                    v.add("leadDays", "Lead times are whole numbers of days from 0 to 365, separated by commas (for example 30, 7, 0).")
                    break
                }
                if !days.contains(n) { days.append(n) }
            }
        }
        if days.count > 5 { v.add("leadDays", "At most 5 lead times.") }
        if people.isEmpty != days.isEmpty, v.errors.isEmpty {
            v.add(people.isEmpty ? "recipients" : "leadDays", "A reminder needs both recipients and lead times (or neither, for none).")
        }
        try v.check()
        return people.isEmpty ? nil : ReminderRule(obligationID: obligation.id, recipients: people, leadDays: days.sorted(by: >))
    }
}

/// One reminder to send: an occurrence, a lead time, a recipient.
@Memberwise
public struct DueReminder: Sendable, Equatable, Hashable {
    public var obligationID: UUID
    public var allianceID: UUID
    public var occurrence: Int
    public var leadDays: Int
    public var personID: UUID
    public var dueOn: LocalDate
    public var title: String

    /// "Due in 7 days", "Due today".
    public var when: String { leadDays == 0 ? "Due today" : (leadDays == 1 ? "Due tomorrow" : "Due in \(leadDays) days") }
}

public enum ReminderPlan {
    /// Reminders whose day (due date minus lead time) has come, within the last `catchUp` days so a server that
    /// was down sends what it missed but never a backlog of old ones; occurrences already fully executed are skipped.
    public static func due(on today: LocalDate, occurrences: [Occurrence], rules: [UUID: ReminderRule], catchUp: Int = 7) -> [DueReminder] {
        var result: [DueReminder] = []
        for o in occurrences where o.state != .fullyExecuted {
            guard let rule = rules[o.obligation.id] else { continue }
            for lead in rule.leadDays {
                let day = o.dueOn.adding(days: -lead)
                guard day <= today, day >= today.adding(days: -catchUp) else { continue }
                for person in rule.recipients {
                    result.append(
                        DueReminder(
                            obligationID: o.obligation.id, allianceID: o.obligation.allianceID, occurrence: o.index, leadDays: lead,
                            personID: person, dueOn: o.dueOn, title: o.obligation.title))
                }
            }
        }
        return result
    }
}

/// An in-app notification for a person.
@Memberwise
public struct InAppNotification: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var personID: UUID
    public var title: String
    public var body: String
    public var link: String?
    public var createdAt: Date
    public var readAt: Date?
}

public protocol ReminderRepository: Sendable {
    func rules(obligationIDs: [UUID]) async throws -> [UUID: ReminderRule]
    /// Replaces the obligation's rule; nil removes it.
    func saveRule(_ obligationID: UUID, _ rule: ReminderRule?, by actor: AuditActor) async throws
    /// Claims the reminder and, if this call made the claim, stores its in-app notification in the same
    /// transaction and returns it. A reminder is claimed once, whatever the number of servers.
    func claim(_ reminder: DueReminder, notification: InAppNotification) async throws -> InAppNotification?
    func notifications(personID: UUID, limit: Int) async throws -> [InAppNotification]
    func markRead(personID: UUID, at: Date) async throws
}
