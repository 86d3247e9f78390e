import AccordCore
import AccordStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Reminders of obligation due dates: rules per obligation, and the run that sends whatever has come due, each
/// reminder once (the claim is made in the database, so several servers on one PostgreSQL never double up).
extension Services {
    /// Who may be reminded of an obligation: the alliance's team, and for an internal obligation only our side,
    /// so its title never reaches a partner person in My actions or by email.
    func reminderCandidates(_ obligation: Obligation, in alliance: Alliance) async throws -> [(person: Person, side: Side)] {
        try await allianceTeam(alliance).filter { obligation.visibility == .shared || $0.side == .ours }
    }

    func saveReminder(_ obligation: Obligation, _ input: ReminderInput, in alliance: Alliance, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let team = Set(try await reminderCandidates(obligation, in: alliance).map(\.person.id))
        try await store.reminders.saveRule(obligation.id, try input.validate(obligation, team: team), by: actor(user))
    }

    /// Sends the reminders due now as in-app notifications, and as email when SMTP is configured; returns how many
    /// this run claimed. An email that fails is logged; the in-app notification stands.
    @discardableResult
    public func sendReminders(logger: Logger? = nil) async throws -> Int {
        let obligations = try await store.obligations.obligations(allianceIDs: nil)
        let rules = try await store.reminders.rules(obligationIDs: obligations.map(\.id))
        let ruled = obligations.filter { rules[$0.id] != nil }
        guard !ruled.isEmpty else { return 0 }
        let (occurrences, _) = try await scheduled(ruled, triggers: try await store.obligations.triggers(allianceIDs: nil))
        var names: [UUID: String] = [:]
        var sent = 0
        // A rule saved before internal obligations were limited to our side may still name a partner person.
        let internalObligations = Set(ruled.filter { $0.visibility == .internal }.map(\.id))
        let ours = try await store.organizations.ours()?.id
        var partnerPeople: Set<UUID> = []
        for id in Set(rules.filter { internalObligations.contains($0.key) }.flatMap(\.value.recipients)) {
            if let person = try await store.people.find(id), person.organizationID != ours { partnerPeople.insert(id) }
        }
        for reminder in ReminderPlan.due(on: today, occurrences: occurrences, rules: rules)
        where !(internalObligations.contains(reminder.obligationID) && partnerPeople.contains(reminder.personID)) {
            if names[reminder.allianceID] == nil {
                names[reminder.allianceID] = try await store.alliances.find(reminder.allianceID)?.name ?? ""
            }
            let note = InAppNotification(
                id: store.database.ids.next(), personID: reminder.personID, title: "\(reminder.when): \(reminder.title)",
                body: "\(reminder.title), \(names[reminder.allianceID] ?? ""), is due on \(reminder.dueOn).",
                link: Site.obligations.path(reminder.allianceID)
                    + "#o-\(reminder.obligationID.uuidString.lowercased())-\(reminder.occurrence)",
                createdAt: clock(), readAt: nil)
            guard try await store.reminders.claim(reminder, notification: note) != nil else { continue }
            sent += 1
            if let mailer, let person = try await store.people.find(reminder.personID) {
                do {
                    try await mailer.send(
                        OutgoingEmail(
                            to: person.email, subject: "[Accord] \(note.title)",
                            body: note.body + "\n\n" + (config.publicURL ?? "") + (note.link ?? "")
                                + "\n\nSent by Accord, \(mailer.sender)."))
                } catch {
                    logger?.error("reminder email failed", metadata: ["to": "\(person.email)", "error": "\(error)"])
                }
            }
        }
        return sent
    }
}

/// Runs `sendReminders` every `ACCORD_REMINDER_INTERVAL` seconds inside `accord serve`.
struct ReminderScheduler: Service, CustomStringConvertible {
    let services: Services
    let logger: Logger

    /// ServiceLifecycle names a service in its errors by this; the settings' secrets stay out of it.
    var description: String { "ReminderScheduler(every \(services.config.reminderInterval) s)" }

    /// Runs until graceful shutdown; a stop is a normal end, not an error. `buildApplication` leaves the
    /// scheduler out when the interval is 0, since a service that returns would stop the whole server.
    func run() async throws {
        let interval = services.config.reminderInterval
        guard interval > 0 else {
            try? await gracefulShutdown()
            return
        }
        if let smtp = services.config.smtp {
            logger.info("reminders: every \(interval) s, in-app and by email through \(smtp)")
        } else {
            logger.info("reminders: every \(interval) s, in-app only: no SMTP settings (ACCORD_SMTP_HOST), so no email is sent")
        }
        // Graceful shutdown cancels the loop between runs or inside one; either way the scheduler ends cleanly.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let sent = try await services.sendReminders(logger: logger)
                    if sent > 0 { logger.info("reminders sent", metadata: ["count": "\(sent)"]) }
                } catch {
                    logger.error("reminder run failed", metadata: ["error": "\(error)"])
                }
                do { try await Task.sleep(for: .seconds(interval)) } catch { return }
            }
        }
    }
}
