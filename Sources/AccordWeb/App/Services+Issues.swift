import AccordCore
import AccordStore
import Foundation

/// Issue log steps shared by the web page and the JSON API: visibility, access check, validation, the ladder.
extension Services {
    /// The escalation limits of each alliance, from its type's playbook (one read per type).
    func escalationLimits(allianceIDs: Set<UUID>) async throws -> [UUID: EscalationLimits] {
        guard !allianceIDs.isEmpty else { return [:] }
        let alliances = try await store.alliances.find(ids: Array(allianceIDs))
        var byType: [AllianceType: EscalationLimits] = [:]
        var result: [UUID: EscalationLimits] = [:]
        for (id, alliance) in alliances {
            if byType[alliance.type] == nil { byType[alliance.type] = try await store.playbooks.playbook(alliance.type).limits }
            result[id] = byType[alliance.type]
        }
        return result
    }

    /// The alliance's issues the user may see (partner users: shared ones).
    func issues(_ alliance: Alliance, _ user: SignedIn) async throws -> [Issue] {
        try await visible(user.principal).issues(allianceID: alliance.id)
    }

    func issue(_ id: UUID, of alliance: Alliance, _ user: SignedIn) async throws -> Issue {
        guard let issue = try await visible(user.principal).issue(id: id, in: alliance.id) else {
            throw DomainError.notFound("No such issue.")
        }
        return issue
    }

    func logIssue(_ input: IssueInput, in alliance: Alliance, by user: SignedIn) async throws -> Issue {
        try AccessPolicy.require(user.principal, .manageIssues(alliance.id))
        let valid = try input.validate(team: Set(try await allianceTeam(alliance).map(\.person.id)))
        return try await store.issues.create(allianceID: alliance.id, valid, raisedOn: today, by: actor(user))
    }

    func updateIssue(_ issue: Issue, _ input: IssueInput, expectedVersion: Int?, in alliance: Alliance, by user: SignedIn) async throws
        -> Issue
    {
        try AccessPolicy.require(user.principal, .manageIssues(alliance.id))
        let valid = try input.validate(team: Set(try await allianceTeam(alliance).map(\.person.id)))
        return try await store.issues.update(issue.id, valid, expectedVersion: expectedVersion, by: actor(user))
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
        return try await store.issues.move(issue.id, by: actor(user), change)
    }
}
