import AccordCore
import AccordStore
import Foundation

/// Issue log steps shared by the web page and the JSON API: visibility (through `IssueReads`), access check,
/// validation, the ladder. Changes need `manageIssues` on the alliance.
struct IssuesService: Sendable {
    private let repository: any IssueRepository
    private let playbooks: any PlaybookRepository
    private let alliances: any AllianceRepository
    let access: AllianceAccess
    let clock: WallClock

    init(_ store: Store) {
        repository = store.issues
        playbooks = store.playbooks
        alliances = store.alliances
        access = AllianceAccess(store)
        clock = store.database.clock
    }

    var today: LocalDate { clock.today }

    /// Issues as `principal` may see them.
    func reads(_ principal: Principal) -> IssueReads { IssueReads(repository: repository, principal: principal) }

    /// The escalation limits of the alliance's type, from its playbook.
    func limits(_ alliance: Alliance) async throws -> EscalationLimits { try await playbooks.playbook(alliance.type).limits }

    /// The escalation limits of each alliance, from its type's playbook (one read per type).
    func escalationLimits(allianceIDs: Set<UUID>) async throws -> [UUID: EscalationLimits] {
        guard !allianceIDs.isEmpty else { return [:] }
        var byType: [AllianceType: EscalationLimits] = [:]
        var result: [UUID: EscalationLimits] = [:]
        for (id, type) in try await alliances.types(ids: Array(allianceIDs)) {
            if byType[type] == nil { byType[type] = try await playbooks.playbook(type).limits }
            result[id] = byType[type]
        }
        return result
    }

    /// The alliance's issues the user may see (partner users: shared ones).
    func issues(_ alliance: Alliance, _ user: SignedIn) async throws -> [Issue] {
        try await reads(user.principal).issues(allianceID: alliance.id)
    }

    func issue(_ id: UUID, of alliance: Alliance, _ user: SignedIn) async throws -> Issue {
        guard let issue = try await reads(user.principal).issue(id: id, in: alliance.id) else {
            throw DomainError.notFound("No such issue.")
        }
        return issue
    }

    func logIssue(_ input: IssueInput, in alliance: Alliance, by user: SignedIn) async throws -> Issue {
        try AccessPolicy.require(user.principal, .manageIssues(alliance.id))
        let valid = try input.validate(team: Set(try await access.team(alliance).map(\.person.id)))
        return try await repository.create(allianceID: alliance.id, valid, raisedOn: today, by: user.actor)
    }

    func updateIssue(_ issue: Issue, _ input: IssueInput, expectedVersion: Int?, in alliance: Alliance, by user: SignedIn) async throws
        -> Issue
    {
        try AccessPolicy.require(user.principal, .manageIssues(alliance.id))
        let valid = try input.validate(team: Set(try await access.team(alliance).map(\.person.id)))
        return try await repository.update(issue.id, valid, expectedVersion: expectedVersion, by: user.actor)
    }

    enum IssueMove: Sendable {
        case escalate(note: String?)
        case resolve(resolution: String?)
        case reopen(note: String?)
    }

    /// Escalates, resolves or reopens; the text is checked here, the ladder rules in `IssueFlow`.
    func moveIssue(_ issue: Issue, _ step: IssueMove, in alliance: Alliance, by user: SignedIn) async throws -> Issue {
        try AccessPolicy.require(user.principal, .manageIssues(alliance.id))
        var v = Validator()
        let (day, name) = (today, user.user.name)
        let change: @Sendable (Issue) throws -> Issue
        switch step {
        case .escalate(let note):
            let text = v.optionalText(note, "note", "Note", max: 1000)
            change = { try IssueFlow.escalate($0, note: text, today: day, by: name) }
        case .resolve(let resolution):
            let text = v.text(resolution, "resolution", "Resolution", max: 2000)
            change = { try IssueFlow.resolve($0, resolution: text, today: day) }
        case .reopen(let note):
            let text = v.optionalText(note, "note", "Note", max: 1000)
            change = { try IssueFlow.reopen($0, note: text, today: day, by: name) }
        }
        try v.check()
        return try await repository.move(issue.id, by: user.actor, change)
    }
}
