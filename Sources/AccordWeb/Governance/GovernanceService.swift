import AccordCore
import AccordStore
import Foundation

/// Governance steps shared by the web pages and the JSON API: finding what the user may see (through
/// `GovernanceReads`), and every change with its access check and validation. Partner users see shared bodies (with
/// their meetings and decisions) and shared action items only; changes need `manageGovernance` on the alliance.
struct GovernanceService: Sendable {
    private let repository: any GovernanceRepository
    private let people: any PersonRepository
    private let health: any HealthRepository
    private let audit: any AuditRepository
    private let lateWork = LateWorkCache()
    let issues: IssuesService
    let access: AllianceAccess
    let clock: WallClock

    init(_ store: Store) {
        repository = store.governance
        people = store.people
        health = store.health
        audit = store.audit
        issues = IssuesService(store)
        access = AllianceAccess(store)
        clock = store.database.clock
    }

    var today: LocalDate { clock.today }

    /// Bodies, meetings, decisions and action items as `principal` may see them.
    func reads(_ principal: Principal) -> GovernanceReads { GovernanceReads(repository: repository, principal: principal) }

    // MARK: Reading

    /// What the user may see of an alliance's governance, with the warnings its charters raise.
    struct GovernanceOverview {
        let bodies: [GovernanceBody]
        let members: [UUID: [BodyMember]]
        let meetings: [Meeting]
        let decisions: [Decision]
        let team: [(person: Person, side: Side)]
        let warnings: [GovernanceWarning]
    }

    func governanceOverview(_ alliance: Alliance, _ user: SignedIn) async throws -> GovernanceOverview {
        let bodies = try await visibleBodies(alliance, user)
        let members = try await repository.members(bodyIDs: bodies.map(\.id))
        let meetings = try await repository.meetings(bodyIDs: bodies.map(\.id))
        let decisions = try await repository.decisions(bodyIDs: bodies.map(\.id))
        let team = try await access.team(alliance)
        let names = Dictionary(team.map { ($0.person.id, $0.person.name) }, uniquingKeysWith: { a, _ in a })
        let managers = Set([alliance.ourManagerID, alliance.partnerManagerID].compactMap { $0 })
        let day = today
        let cadence = bodies.compactMap { body in
            GovernanceChecks.behindCadence(body, heldOn: meetings.filter { $0.bodyID == body.id }.map(\.date), today: day)
        }
        let warnings =
            GovernanceChecks.warnings(bodies, members: members, allianceManagers: managers, names: names) + cadence
            + GovernanceChecks.overdue(decisions, bodies: bodies, today: day)
        return GovernanceOverview(
            bodies: bodies, members: members, meetings: meetings, decisions: decisions, team: team, warnings: warnings)
    }

    func visibleBodies(_ alliance: Alliance, _ user: SignedIn) async throws -> [GovernanceBody] {
        try await reads(user.principal).bodies(allianceID: alliance.id)
    }

    func governanceBody(_ id: UUID, of alliance: Alliance, _ user: SignedIn) async throws -> GovernanceBody {
        guard let body = try await reads(user.principal).body(id: id, in: alliance.id) else {
            throw DomainError.notFound("No such body.")
        }
        return body
    }

    func governanceMeeting(_ id: UUID, of alliance: Alliance, _ user: SignedIn) async throws -> (GovernanceBody, Meeting) {
        guard let found = try await reads(user.principal).meeting(id: id, in: alliance.id) else {
            throw DomainError.notFound("No such meeting.")
        }
        return found
    }

    func governanceDecision(_ id: UUID, of alliance: Alliance, _ user: SignedIn) async throws -> (GovernanceBody, Decision) {
        guard let found = try await reads(user.principal).decision(id: id, in: alliance.id) else {
            throw DomainError.notFound("No such decision.")
        }
        return found
    }

    func visibleActionItems(_ alliance: Alliance, _ user: SignedIn) async throws -> [ActionItem] {
        try await reads(user.principal).actionItems(allianceID: alliance.id)
    }

    /// Meetings and decisions of the alliance's bodies that the user may see, as action item `source` choices.
    func actionSources(_ alliance: Alliance, _ user: SignedIn) async throws -> [(key: String, label: String)] {
        let bodies = try await visibleBodies(alliance, user)
        let meetings = try await repository.meetings(bodyIDs: bodies.map(\.id))
        let decisions = try await repository.decisions(bodyIDs: bodies.map(\.id))
        return meetings.reversed().map { (key: "meeting:\($0.id.lowercaseText)", label: "Meeting \($0.date): \($0.title)") }
            + decisions.map { (key: "decision:\($0.id.lowercaseText)", label: "Decision: \($0.title)") }
    }

    // MARK: Changing

    func saveBody(_ input: BodyInput, in alliance: Alliance, existing: GovernanceBody?, expectedVersion: Int?, by user: SignedIn)
        async throws -> GovernanceBody
    {
        try AccessPolicy.require(user.principal, .manageGovernance(alliance.id))
        let valid = try input.validate()
        if let existing {
            return try await repository.updateBody(existing.id, valid, expectedVersion: expectedVersion, by: user.actor)
        }
        return try await repository.createBody(allianceID: alliance.id, valid, by: user.actor)
    }

    /// Adds a person from the alliance's team to a body, on their own side.
    func addBodyMember(_ body: GovernanceBody, in alliance: Alliance, personID: String?, role: String?, by user: SignedIn)
        async throws -> BodyMember
    {
        try AccessPolicy.require(user.principal, .manageGovernance(alliance.id))
        var v = Validator()
        let id = v.id(personID, "personID", "Person")
        let role: BodyRole? = v.choice(role, "role", "Role")
        try v.check()
        guard let entry = try await access.team(alliance).first(where: { $0.person.id == id }) else {
            throw DomainError.invalid("personID", "Members must be on the alliance's team.")
        }
        return try await repository.addMember(body.id, personID: entry.person.id, side: entry.side, role: role!, by: user.actor)
    }

    func removeBodyMember(_ memberID: UUID, from body: GovernanceBody, in alliance: Alliance, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageGovernance(alliance.id))
        try await repository.removeMember(memberID, from: body.id, by: user.actor)
    }

    func scheduleMeeting(_ input: MeetingInput, for body: GovernanceBody, by user: SignedIn) async throws -> Meeting {
        try AccessPolicy.require(user.principal, .manageGovernance(body.allianceID))
        let valid = try input.validate(charter: body.charter, today: today)
        return try await repository.scheduleMeeting(body, valid, by: user.actor)
    }

    /// Replaces a held meeting's attendance; every id must be a member of its body.
    func setAttendance(_ meeting: Meeting, attendees: [String], by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageGovernance(meeting.allianceID))
        var ids: Set<UUID> = []
        for raw in attendees {
            guard let id = UUID(canonical: raw) else { throw DomainError.invalid("attendees", "Attendees must be members of the body.") }
            ids.insert(id)
        }
        try await repository.setAttendance(meeting.id, personIDs: ids, today: today, by: user.actor)
    }

    func saveMinutes(_ meeting: Meeting, _ input: MinutesInput, expectedVersion: Int?, by user: SignedIn) async throws -> Meeting {
        try AccessPolicy.require(user.principal, .manageGovernance(meeting.allianceID))
        let valid = try input.validate()
        return try await repository.saveMinutes(meeting.id, valid, expectedVersion: expectedVersion, today: today, by: user.actor)
    }

    func proposeDecision(_ body: GovernanceBody, title: String?, details: String?, by user: SignedIn) async throws -> Decision {
        try AccessPolicy.require(user.principal, .manageGovernance(body.allianceID))
        var v = Validator()
        let title = v.text(title, "title", "Decision", max: 300)
        let details = v.optionalText(details, "details", "Details", max: 4000)
        try v.check()
        return try await repository.proposeDecision(body, title: title, details: details, by: user.actor)
    }

    /// Votes by person id ("approve", "reject" or "abstain"), cast at a held meeting of the decision's body.
    func recordVotes(_ decision: Decision, meetingID: String?, votes: [String: String], by user: SignedIn) async throws -> Decision {
        try AccessPolicy.require(user.principal, .manageGovernance(decision.allianceID))
        var cast: [UUID: Vote] = [:]
        for (person, value) in votes where !value.isEmpty {
            guard let id = UUID(canonical: person), let vote = Vote(rawValue: value) else {
                throw DomainError.invalid("votes", "Each vote is a member's id with approve, reject or abstain.")
            }
            cast[id] = vote
        }
        guard let meeting = UUID(canonical: meetingID ?? "") else {
            throw DomainError.invalid("meetingID", "Choose the meeting where the votes were cast.")
        }
        return try await repository.recordVotes(decision.id, meetingID: meeting, votes: cast, today: today, by: user.actor)
    }

    /// Escalates to the next step, resolves, defers or reopens a decision.
    func moveDecision(_ decision: Decision, to status: String?, by user: SignedIn) async throws -> Decision {
        try AccessPolicy.require(user.principal, .manageGovernance(decision.allianceID))
        guard let next = DecisionStatus(rawValue: status ?? ""), DecisionFlow.moves.contains(next) else {
            let names = DecisionFlow.moves.map(\.rawValue)
            throw DomainError.invalid(
                "status", "Status must be \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "").")
        }
        return try await repository.moveDecision(decision.id, to: next, today: today, by: user.actor)
    }

    func supersede(_ decision: Decision, by successorID: String?, user: SignedIn) async throws -> Decision {
        try AccessPolicy.require(user.principal, .manageGovernance(decision.allianceID))
        guard let successor = UUID(canonical: successorID ?? "") else {
            throw DomainError.invalid("successorID", "Choose the decision that replaces this one.")
        }
        return try await repository.supersede(decision.id, by: successor, actor: user.actor)
    }

    /// Adds an action item, or replaces one of this alliance's (`existing`).
    func saveActionItem(_ input: ActionItemInput, in alliance: Alliance, existing: UUID?, expectedVersion: Int?, by user: SignedIn)
        async throws -> ActionItem
    {
        try AccessPolicy.require(user.principal, .manageGovernance(alliance.id))
        var current: ActionItem?
        if let existing {
            guard let item = try await repository.actionItem(id: existing), item.allianceID == alliance.id else {
                throw DomainError.notFound("No such action item.")
            }
            current = item
        }
        let team = Set(try await access.team(alliance).map(\.person.id))
        let valid = try input.validate(team: team, sources: Set(try await actionSources(alliance, user).map(\.key)))
        if let current {
            return try await repository.updateActionItem(current.id, valid, expectedVersion: expectedVersion, by: user.actor)
        }
        return try await repository.createActionItem(allianceID: alliance.id, valid, by: user.actor)
    }

    /// What is late in the governance of these alliances (all of them when nil), as the principal may see it, with
    /// the bodies it names; with `limit`, the most overdue `limit` entries of each list and their totals, the database
    /// counting and cutting the long lists (overdue actions, escalations) so a portfolio reads one page of each.
    func governanceAttention(allianceIDs: [UUID]?, _ principal: Principal, first limit: Int? = nil) async throws -> LateWork {
        guard allianceIDs == nil else { return try await lateWork(allianceIDs: allianceIDs, principal, first: limit) }
        // Every alliance: the same answer for every internal user (or every partner) until the data or the day change.
        let key = LateWorkCache.Key(
            head: try await audit.headSequence(), day: today, sharedOnly: AccessPolicy.seesSharedOnly(principal), limit: limit)
        return try await lateWork.value(for: key) { try await self.lateWork(allianceIDs: nil, principal, first: limit) }
    }

    private func lateWork(allianceIDs: [UUID]?, _ principal: Principal, first limit: Int?) async throws -> LateWork {
        let scoped = self.reads(principal)
        let cadence = try await scoped.cadenceCandidates(allianceIDs: allianceIDs, from: today.adding(days: -365), through: today)
        let escalated = try await scoped.overdueEscalations(allianceIDs: allianceIDs, on: today, limit: limit)
        let items = try await scoped.overdueActionItems(allianceIDs: allianceIDs, before: today, limit: limit)
        // Open issues as clocks (level and since when); only the late ones shown are read whole.
        let issueReads = self.issues.reads(principal)
        let clocks = try await issueReads.openIssueClocks(allianceIDs: allianceIDs)
        let limits = try await self.issues.escalationLimits(allianceIDs: Set(clocks.map(\.allianceID)))
        let late = IssueClock.late(clocks, today: today, limits: { limits[$0] ?? .standard })
        let issues = try await issueReads.issues(ids: (limit.map { Array(late.prefix($0)) } ?? late).map(\.id))
        var attention = GovernanceAttention.on(
            today, cadence: cadence, escalated: escalated.items, openItems: items.items, openIssues: issues,
            limits: { limits[$0] ?? .standard })
        if let limit {
            attention = attention.first(limit, escalations: escalated.total, actionItems: items.total, issues: late.count)
        }
        // The bodies the escalations name (their ladders); the cadence list names its own bodies.
        let bodies = try await scoped.bodies(ids: Array(Set(attention.escalations.map(\.bodyID))))
        var allianceOfBody = Dictionary(cadence.map { ($0.id, $0.allianceID) }, uniquingKeysWith: { a, _ in a })
        for body in bodies { allianceOfBody[body.id] = body.allianceID }
        // For a page of each list (the `/governance` view), the names it shows: the alliances (those the principal may
        // open) and the owners of items and issues. Flags on the portfolio and the alliance page show none.
        guard limit != nil else {
            return LateWork(
                attention: attention, bodies: bodies, allianceOfBody: allianceOfBody, issueLimits: limits, allianceNames: [:],
                ownerNames: [:])
        }
        let named =
            attention.escalations.map(\.allianceID) + attention.actionItems.map(\.allianceID)
            + attention.behindCadence.compactMap { allianceOfBody[$0.bodyID] } + attention.issues.map(\.allianceID)
        return LateWork(
            attention: attention, bodies: bodies, allianceOfBody: allianceOfBody, issueLimits: limits,
            allianceNames: try await access.visibleNames(ids: named, principal),
            ownerNames: try await people.names(ids: attention.actionItems.map(\.ownerID) + attention.issues.map(\.ownerID)))
    }

    /// A person's governance action items the principal may see and, for internal users, their health-check actions.
    func ownedActions(person: UUID, _ principal: Principal) async throws -> (items: [ActionItem], health: [HealthAction]) {
        let items = try await reads(principal).actionItems(ownerID: person)
        return (items, principal.role.isInternal ? try await health.actions(ownerID: person) : [])
    }
}

/// What belongs to a body, meeting or decision the user was already allowed to open (through `governanceBody`,
/// `governanceMeeting`, `governanceDecision` or `visibleBodies`), so no further visibility check applies.
extension GovernanceService {
    func members(of body: GovernanceBody) async throws -> [BodyMember] {
        try await repository.members(bodyIDs: [body.id])[body.id] ?? []
    }

    func meetings(of bodies: [GovernanceBody]) async throws -> [Meeting] { try await repository.meetings(bodyIDs: bodies.map(\.id)) }

    func decisions(of bodies: [GovernanceBody]) async throws -> [Decision] { try await repository.decisions(bodyIDs: bodies.map(\.id)) }

    /// The meeting as stored now (after a change).
    func current(_ meeting: Meeting) async throws -> Meeting { try await repository.meeting(id: meeting.id) ?? meeting }

    func attendance(_ meeting: Meeting) async throws -> [UUID: Side] { try await repository.attendance(meetingID: meeting.id) }

    func votes(_ decision: Decision) async throws -> [CastVote] { try await repository.votes(decisionID: decision.id) }

    /// The seats a person holds on any body (the caller reads the bodies through `reads`).
    func seats(of person: UUID) async throws -> [BodyMember] { try await repository.seats(personID: person) }

    /// The people these members or owners are.
    func people(_ ids: [UUID]) async throws -> [UUID: Person] { try await people.find(ids: ids) }
}
