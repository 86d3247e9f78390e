import AccordCore
import AccordStore
import Foundation
import Logging

/// Reminders of obligation due dates: rules per obligation, and the run that sends whatever has come due, each
/// reminder once (the claim is made in the database, so several servers on one PostgreSQL never double up).
public struct ReminderService: Sendable {
    let obligations: ObligationsService
    private let reminders: any ReminderRepository
    private let organizations: any OrganizationRepository
    private let people: any PersonRepository
    private let alliances: any AllianceRepository
    let ids: IDGenerator
    /// Where reminder email goes: nil for in-app only.
    let mailer: (any Mailer)?
    /// The address links in email start with (`ACCORD_PUBLIC_URL`).
    let publicURL: String?

    public init(_ services: Services) {
        let store = services.store
        obligations = ObligationsService(store)
        reminders = store.reminders
        organizations = store.organizations
        people = store.people
        alliances = store.alliances
        ids = store.database.ids
        mailer = services.mailer
        publicURL = services.config.publicURL
    }

    /// Who may be reminded of an obligation: the alliance's team, and for an internal obligation only our side,
    /// so its title never reaches a partner person in My actions or by email.
    func reminderCandidates(_ obligation: Obligation, in alliance: Alliance) async throws -> [(person: Person, side: Side)] {
        try await obligations.access.team(alliance).filter { obligation.visibility == .shared || $0.side == .ours }
    }

    func saveReminder(_ obligation: Obligation, _ input: ReminderInput, in alliance: Alliance, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let team = Set(try await reminderCandidates(obligation, in: alliance).map(\.person.id))
        try await reminders.saveRule(obligation.id, try input.validate(obligation, team: team), by: user.actor)
    }

    /// Sends the reminders due now as in-app notifications, and as email when SMTP is configured; returns how many
    /// this run claimed. An email that fails is logged; the in-app notification stands.
    @discardableResult
    public func send(logger: Logger? = nil) async throws -> Int {
        // The run is the system's, not a user's: it reads every obligation, and whom it reminds is decided below.
        let (all, triggers) = try await obligations.everyObligation()
        let rules = try await reminders.rules(obligationIDs: all.map(\.id))
        let ruled = all.filter { rules[$0.id] != nil }
        guard !ruled.isEmpty else { return 0 }
        let (occurrences, _) = try await obligations.scheduled(ruled, triggers: triggers)
        var names: [UUID: String] = [:]
        var sent = 0
        // A rule saved before internal obligations were limited to our side may still name a partner person.
        let internalObligations = Set(ruled.filter { $0.visibility == .internal }.map(\.id))
        let ours = try await organizations.ours()?.id
        var partnerPeople: Set<UUID> = []
        for id in Set(rules.filter { internalObligations.contains($0.key) }.flatMap(\.value.recipients)) {
            if let person = try await people.find(id), person.organizationID != ours { partnerPeople.insert(id) }
        }
        for reminder in ReminderPlan.due(on: obligations.today, occurrences: occurrences, rules: rules)
        where !(internalObligations.contains(reminder.obligationID) && partnerPeople.contains(reminder.personID)) {
            if names[reminder.allianceID] == nil {
                names[reminder.allianceID] = try await alliances.find(reminder.allianceID)?.name ?? ""
            }
            let note = InAppNotification(
                id: ids.next(), personID: reminder.personID, title: "\(reminder.when): \(reminder.title)",
                body: "\(reminder.title), \(names[reminder.allianceID] ?? ""), is due on \(reminder.dueOn).",
                link: Site.obligations.path(reminder.allianceID)
                    + "#o-\(reminder.obligationID.lowercaseText)-\(reminder.occurrence)",
                createdAt: obligations.clock.now(), readAt: nil)
            guard try await reminders.claim(reminder, notification: note) != nil else { continue }
            sent += 1
            if let mailer, let person = try await people.find(reminder.personID) {
                do {
                    try await mailer.send(
                        OutgoingEmail(
                            to: person.email, subject: "[Accord] \(note.title)",
                            body: note.body + "\n\n" + (publicURL ?? "") + (note.link ?? "")
                                + "\n\nSent by Accord, \(mailer.sender)."))
                } catch {
                    logger?.error("reminder email failed", metadata: ["to": "\(person.email)", "error": "\(error)"])
                }
            }
        }
        return sent
    }
}

extension ReminderService {
    /// The obligation's reminder rule, if it has one.
    func rule(for obligation: Obligation) async throws -> ReminderRule? {
        try await reminders.rules(obligationIDs: [obligation.id])[obligation.id]
    }

    /// Marks the user's in-app notifications read.
    func markRead(_ user: SignedIn) async throws {
        if let person = user.user.personID { try await reminders.markRead(personID: person, at: obligations.clock.now()) }
    }
}

extension ReminderService {
    /// The user's latest in-app notifications (20 at most), newest first.
    func notifications(_ user: SignedIn) async throws -> [InAppNotification] {
        guard let person = user.user.personID else { return [] }
        return try await reminders.notifications(personID: person, limit: 20)
    }
}
