import AccordCore
import AccordStore
import Foundation

/// Lifecycle steps shared by the web pages and the JSON API: phase changes with their stage gates, the involvement
/// playbook applied to one alliance, and the playbooks themselves.
public struct LifecycleService: Sendable {
    private let repository: any LifecycleRepository
    private let playbooks: any PlaybookRepository
    private let alliances: any AllianceRepository
    private let people: any PersonRepository
    private let organizations: any OrganizationRepository
    private let governance: any GovernanceRepository
    let team: TeamService
    let access: AllianceAccess
    let clock: WallClock

    public init(_ store: Store) {
        repository = store.lifecycle
        playbooks = store.playbooks
        alliances = store.alliances
        people = store.people
        organizations = store.organizations
        governance = store.governance
        team = TeamService(store)
        access = AllianceAccess(store)
        clock = store.database.clock
    }

    var today: LocalDate { clock.today }

    /// The playbook of one alliance type (the shipped default until an administrator saves one).
    func playbook(_ type: AllianceType) async throws -> Playbook { try await playbooks.playbook(type) }

    /// Every alliance type's playbook, in the order of `AllianceType.allCases`.
    func allPlaybooks() async throws -> [Playbook] {
        var result: [Playbook] = []
        for type in AllianceType.allCases { result.append(try await playbooks.playbook(type)) }
        return result
    }

    /// Everything the lifecycle page and API show for one alliance.
    struct LifecycleState {
        let playbook: Playbook
        let team: [TeamSeat]
        let coverage: Coverage
        let pending: LifecycleChange?
        /// What the pending change would do to the team and steering committees.
        let proposals: [TeamProposal]
        let history: [LifecycleChange]
        /// People of each organisation who could close a gap, by side.
        let directory: [Person]
        let ourOrganizationID: UUID?
    }

    func teamSeats(_ alliance: Alliance) async throws -> [TeamSeat] {
        let members = try await alliances.members(of: alliance.id)
        let people = try await people.find(ids: members.map(\.personID))
        return members.compactMap { m in people[m.personID].map { TeamSeat(membership: m, person: $0) } }
    }

    func lifecycleState(_ alliance: Alliance, _ user: SignedIn) async throws -> LifecycleState {
        try AccessPolicy.require(user.principal, .viewLifecycle(alliance.id))
        let playbook = try await playbooks.playbook(alliance.type)
        let team = try await teamSeats(alliance)
        let history = try await repository.changes(allianceID: alliance.id)
        let pending = history.first { $0.status == .pending }
        let ours = try await organizations.ours()?.id
        let directory = try await people.all(organizationIDs: [ours, alliance.partnerID].compactMap { $0 })
        var proposals: [TeamProposal] = []
        if let pending { proposals = try await self.proposals(for: pending.toPhase, alliance, playbook, team, directory, ours) }
        return LifecycleState(
            playbook: playbook, team: team, coverage: InvolvementPlan.coverage(playbook, phase: alliance.phase, team: team),
            pending: pending, proposals: proposals, history: history, directory: directory, ourOrganizationID: ours)
    }

    /// What the alliance's pending change (if any) proposes, as the page offers it.
    public func pendingProposals(_ alliance: Alliance) async throws -> [TeamProposal] {
        guard let pending = try await repository.pending(allianceIDs: [alliance.id]).first else { return [] }
        let ours = try await organizations.ours()?.id
        let directory = try await people.all(organizationIDs: [ours, alliance.partnerID].compactMap { $0 })
        return try await proposals(
            for: pending.toPhase, alliance, try await playbooks.playbook(alliance.type), try await teamSeats(alliance), directory,
            ours)
    }

    private func proposals(
        for phase: LifecyclePhase, _ alliance: Alliance, _ playbook: Playbook, _ team: [TeamSeat], _ directory: [Person], _ ours: UUID?
    ) async throws -> [TeamProposal] {
        let bodies = try await governance.bodies(allianceID: alliance.id)
        let seats = try await governance.members(bodyIDs: bodies.map(\.id))
        let ids = Set(team.map(\.person.id)).union(seats.values.flatMap { $0.map(\.personID) })
        return InvolvementPlan.proposals(
            playbook, alliance: alliance, to: phase, team: team, directory: directory, ourOrganizationID: ours, bodies: bodies,
            seats: seats, people: try await people.find(ids: Array(ids)))
    }

    /// "2 coverage gaps in development; a change to commercialization is waiting", or nil; internal users only.
    func lifecycleFlag(_ alliance: Alliance, members: [Membership], people: [UUID: Person], _ principal: Principal) async throws -> String?
    {
        guard AccessPolicy.allows(principal, .viewLifecycle(alliance.id)) else { return nil }
        let team = members.compactMap { m in people[m.personID].map { TeamSeat(membership: m, person: $0) } }
        let gaps = InvolvementPlan.coverage(try await playbooks.playbook(alliance.type), phase: alliance.phase, team: team).gaps
        var parts: [String] = []
        if !gaps.isEmpty {
            parts.append("\(gaps.count) coverage gap\(gaps.count == 1 ? "" : "s") in \(alliance.phase.label.lowercased())")
        }
        if let pending = try await repository.pending(allianceIDs: [alliance.id]).first {
            parts.append("a change to \(pending.toPhase.label.lowercased()) is waiting for its stage gate")
        }
        guard !parts.isEmpty else { return nil }
        return "Lifecycle: " + parts.joined(separator: "; ") + "."
    }

    func proposeLifecycleChange(_ input: LifecycleChangeInput, in alliance: Alliance, by user: SignedIn) async throws -> LifecycleChange {
        try AccessPolicy.require(user.principal, .changeLifecycle(alliance.id))
        let valid = try input.validate(alliance, playbook: try await playbooks.playbook(alliance.type))
        return try await repository.propose(alliance, valid, by: user.actor)
    }

    func lifecycleChange(_ id: UUID, of alliance: Alliance) async throws -> LifecycleChange {
        guard let change = try await repository.change(id: id), change.allianceID == alliance.id else {
            throw DomainError.notFound("No such phase change.")
        }
        return change
    }

    /// Settles the checklist, moves the alliance and applies the accepted proposals, all in one transaction.
    func completeLifecycleChange(_ change: LifecycleChange, _ input: CompletionInput, in alliance: Alliance, by user: SignedIn)
        async throws -> LifecycleChange
    {
        try AccessPolicy.require(user.principal, .changeLifecycle(alliance.id))
        let state = try await lifecycleState(alliance, user)
        let (checklist, accepted) = try input.validate(change, proposals: state.proposals)
        return try await repository.complete(change.id, checklist: checklist, accepted: accepted, by: user.actor)
    }

    func cancelLifecycleChange(_ change: LifecycleChange, in alliance: Alliance, by user: SignedIn) async throws -> LifecycleChange {
        try AccessPolicy.require(user.principal, .changeLifecycle(alliance.id))
        return try await repository.cancel(change.id, by: user.actor)
    }

    func savePlaybook(_ type: AllianceType, _ input: PlaybookInput, expectedVersion: Int?, by user: SignedIn) async throws -> Playbook {
        try AccessPolicy.require(user.principal, .managePlaybooks)
        return try await playbooks.save(try input.validate(type: type), expectedVersion: expectedVersion, by: user.actor)
    }
}
