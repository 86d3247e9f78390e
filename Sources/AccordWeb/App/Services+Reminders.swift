import AccordCore
import AccordStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Reminders of obligation due dates: rules per obligation, and the run that sends whatever has come due, each
/// reminder once (the claim is made in the database, so several servers on one PostgreSQL never double up).
extension Services {
    func saveReminder(_ obligation: Obligation, _ input: ReminderInput, in alliance: Alliance, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let team = Set(try await allianceTeam(alliance).map(\.person.id))
        try await store.reminders.saveRule(obligation.id, try input.validate(obligation, team: team), by: actor(user))
    }

    /// Sends the reminders due now as in-app notifications; returns how many this run claimed.
    @discardableResult
    public func sendReminders() async throws -> Int {
        let obligations = try await store.obligations.obligations(allianceIDs: nil)
        let rules = try await store.reminders.rules(obligationIDs: obligations.map(\.id))
        let ruled = obligations.filter { rules[$0.id] != nil }
        guard !ruled.isEmpty else { return 0 }
        let (occurrences, _) = try await scheduled(ruled, triggers: try await store.obligations.triggers(allianceIDs: nil))
        var names: [UUID: String] = [:]
        var sent = 0
        for reminder in ReminderPlan.due(on: today, occurrences: occurrences, rules: rules) {
            if names[reminder.allianceID] == nil {
                names[reminder.allianceID] = try await store.alliances.find(reminder.allianceID)?.name ?? ""
            }
            let note = InAppNotification(
                id: UUID(), personID: reminder.personID, title: "\(reminder.when): \(reminder.title)",
                body: "\(reminder.title), \(names[reminder.allianceID] ?? ""), is due on \(reminder.dueOn).",
                link: Site.obligations.path(reminder.allianceID)
                    + "#o-\(reminder.obligationID.uuidString.lowercased())-\(reminder.occurrence)",
                createdAt: clock(), readAt: nil)
            if try await store.reminders.claim(reminder, notification: note) != nil { sent += 1 }
        }
        return sent
    }
}

/// Runs `sendReminders` every `ACCORD_REMINDER_INTERVAL` seconds inside `accord serve`.
struct ReminderScheduler: Service {
    let services: Services
    let logger: Logger

    func run() async throws {
        let interval = services.config.reminderInterval
        guard interval > 0 else {
            logger.info("reminder scheduler off (ACCORD_REMINDER_INTERVAL=0)")
            return
        }
        logger.info("reminders: in-app notifications every \(interval) s; no SMTP settings, so no email is sent")
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let sent = try await services.sendReminders()
                    if sent > 0 { logger.info("reminders sent", metadata: ["count": "\(sent)"]) }
                } catch {
                    logger.error("reminder run failed", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: .seconds(interval))
            }
        }
    }
}
