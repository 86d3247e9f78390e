import AccordCore
import AccordStore
import Foundation

/// What a user's calendar feed holds: meetings of the bodies they sit on (from 90 days back), the deadlines of those
/// bodies' escalated decisions, the due dates of their open action items, and the due dates of the obligations of
/// the alliances they are on the team of (not yet fully executed, from a year back to a year ahead). Visibility is the
/// user's own: partner users get shared bodies and shared items of their alliances only, and no health actions. The
/// feed is behind a secret URL: made or reset (the old URL stops working) and turned off from My actions.
struct CalendarService: Sendable {
    private let feeds: any CalendarFeedRepository
    private let users: any UserRepository
    let governance: GovernanceService
    let obligations: ObligationsService
    let clock: WallClock

    init(_ store: Store) {
        feeds = store.calendarFeeds
        users = store.users
        governance = GovernanceService(store)
        obligations = ObligationsService(store)
        clock = store.database.clock
    }

    var today: LocalDate { clock.today }

    /// The user's feed, if they have one.
    func feed(_ user: SignedIn) async throws -> CalendarFeed? { try await feeds.feed(userID: user.user.id) }

    /// Makes the user's feed, or resets it so the old link stops working; the token is the secret part of the link.
    func reset(_ user: SignedIn, token: String) async throws {
        _ = try await feeds.reset(userID: user.user.id, tokenHash: Tokens.sha256(token), by: user.actor)
    }

    func revoke(_ user: SignedIn) async throws { try await feeds.revoke(userID: user.user.id, by: user.actor) }

    /// The active user a feed token belongs to, or nil.
    func user(token: String) async throws -> User? {
        guard let id = try await feeds.userID(tokenHash: Tokens.sha256(token)), let user = try await users.find(id), user.active
        else { return nil }
        return user
    }

    /// Meetings have a start time but no end; the feed shows them as two hours long.
    static let meetingMinutes = 120

    func events(for user: User, base: String) async throws -> [CalendarEvent] {
        guard user.active, let person = user.personID else { return [] }
        let principal = try await governance.access.principal(for: user)
        let alliance = governance.access.lookup(principal)
        let owned = try await governance.ownedActions(person: person, principal)
        var bodies: [UUID: GovernanceBody] = [:]
        for seat in try await governance.seats(of: person) where bodies[seat.bodyID] == nil {
            guard let body = try await governance.reads(principal).body(id: seat.bodyID),
                try await alliance(body.allianceID) != nil
            else { continue }
            bodies[body.id] = body
        }
        let from = today.adding(days: -90)
        var events: [CalendarEvent] = []
        for meeting in try await governance.meetings(of: Array(bodies.values)) where meeting.date >= from {
            guard let body = bodies[meeting.bodyID], let a = try await alliance(meeting.allianceID) else { continue }
            let agenda = meeting.agenda.isEmpty ? "" : "\nAgenda:\n" + meeting.agenda.map { "- " + $0 }.joined(separator: "\n")
            events.append(
                CalendarEvent(
                    uid: "meeting-\(meeting.id.lowercaseText)@accord",
                    when: .timed(date: meeting.date, minute: meeting.startMinute, minutes: Self.meetingMinutes),
                    summary: "\(body.name): \(meeting.title)", details: "\(a.name)\(agenda)", location: meeting.location,
                    url: base + Site.meeting.path(a.id, meeting.id)))
        }
        for decision in try await governance.decisions(of: Array(bodies.values)) where decision.status == .escalated {
            guard let state = decision.escalation, let body = bodies[decision.bodyID], let a = try await alliance(decision.allianceID)
            else { continue }
            let step = state.step < body.charter.escalation.count ? body.charter.escalation[state.step].decidedBy : "The next step"
            events.append(
                CalendarEvent(
                    uid: "escalation-\(decision.id.lowercaseText)-\(state.step)@accord", when: .allDay(state.deadline),
                    summary: "Escalation deadline: \(decision.title)",
                    details: "\(a.name), \(body.name). Step \(state.step + 1): \(step) decides by \(state.deadline).",
                    url: base + Site.decision.path(a.id, decision.id)))
        }
        for item in owned.items where item.status.isOpen {
            guard let a = try await alliance(item.allianceID) else { continue }
            events.append(
                CalendarEvent(
                    uid: "action-\(item.id.lowercaseText)@accord", when: .allDay(item.dueOn), summary: "Due: \(item.title)",
                    details: "Governance action item, \(a.name). Status: \(item.status.label).",
                    url: base + Site.governance.path(a.id) + "#actions"))
        }
        // Obligations of the alliances the user is on the team of, not yet fully executed, a year back and ahead.
        let mine = Array(principal.allianceIDs)
        let reads = obligations.reads(principal)
        let mineDue = try await reads.obligations(allianceIDs: mine)
        let (occurrences, _) = try await obligations.scheduled(
            mineDue, triggers: try await reads.triggers(allianceIDs: mine, for: mineDue))
        for o in occurrences where o.state != .fullyExecuted && o.dueOn >= today.adding(days: -365) && o.dueOn <= today.adding(days: 365) {
            guard let a = try await alliance(o.obligation.allianceID) else { continue }
            let amount = o.obligation.amount.map { " \($0.currency) \($0.amountText)." } ?? ""
            events.append(
                CalendarEvent(
                    uid: "obligation-\(o.obligation.id.lowercaseText)-\(o.index)@accord", when: .allDay(o.dueOn),
                    summary: "Due: \(o.obligation.title)",
                    details:
                        "\(o.obligation.kind.label), \(o.obligation.direction.label.lowercased()), \(a.name).\(amount) \(o.state.label).",
                    url: base + Site.obligations.path(a.id) + "#o-\(o.obligation.id.lowercaseText)-\(o.index)"))
        }
        for action in owned.health where action.status.isOpen {
            guard let a = try await alliance(action.allianceID) else { continue }
            events.append(
                CalendarEvent(
                    uid: "health-action-\(action.id.lowercaseText)@accord", when: .allDay(action.dueOn),
                    summary: "Due: \(action.title)", details: "Health check action, \(a.name). Status: \(action.status.label).",
                    url: base + Site.healthWave.path(a.id, action.waveID) + "#actions"))
        }
        return events
    }
}
