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
        /// For each coverage gap, by side and function: who could close it (not on the team yet, the best suited
        /// first), the first `ChoiceField.listLimit` and how many there are.
        let candidates: [Side: [BusinessFunction: Page<Person>]]
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
        let coverage = InvolvementPlan.coverage(playbook, phase: alliance.phase, team: team)
        let gaps = Dictionary(grouping: coverage.gaps, by: \.side).mapValues { Set($0.map(\.function)) }
        let candidates = try await candidates(alliance, ours, gaps, limit: ChoiceField.listLimit)
        var proposals: [TeamProposal] = []
        if let pending { proposals = try await self.proposals(for: pending.toPhase, alliance, playbook, team, ours) }
        return LifecycleState(
            playbook: playbook, team: team, coverage: coverage, pending: pending, proposals: proposals, history: history,
            candidates: candidates, ourOrganizationID: ours)
    }

    /// What the alliance's pending change (if any) proposes, as the page offers it.
    public func pendingProposals(_ alliance: Alliance) async throws -> [TeamProposal] {
        guard let pending = try await repository.pending(allianceIDs: [alliance.id]).first else { return [] }
        return try await proposals(
            for: pending.toPhase, alliance, try await playbooks.playbook(alliance.type), try await teamSeats(alliance),
            try await organizations.ours()?.id)
    }

    /// Who could take each of `wanted`'s functions on each side: people of that side's organisation with the function
    /// who are not on the team, the best suited first (`InvolvementPlan.pickOrder`), read per function and side, never
    /// the whole directory.
    private func candidates(_ alliance: Alliance, _ ours: UUID?, _ wanted: [Side: Set<BusinessFunction>], limit: Int) async throws
        -> [Side: [BusinessFunction: Page<Person>]]
    {
        var result: [Side: [BusinessFunction: Page<Person>]] = [:]
        for side in Side.allCases {
            guard let organizationID = side == .ours ? ours : alliance.partnerID else { continue }
            for function in BusinessFunction.allCases where wanted[side]?.contains(function) == true {
                result[side, default: [:]][function] = try await people.functionCandidates(
                    allianceID: alliance.id, organizationID: organizationID, function: function, levels: InvolvementPlan.pickOrder,
                    limit: limit)
            }
        }
        return result
    }

    private func proposals(
        for phase: LifecyclePhase, _ alliance: Alliance, _ playbook: Playbook, _ team: [TeamSeat], _ ours: UUID?
    ) async throws -> [TeamProposal] {
        let bodies = try await governance.bodies(allianceID: alliance.id)
        let seats = try await governance.members(bodyIDs: bodies.map(\.id))
        let ids = Set(team.map(\.person.id)).union(seats.values.flatMap { $0.map(\.personID) })
        // The one best suited person of each needed function and side nobody on the team covers (what the plan picks).
        var wanted: [Side: Set<BusinessFunction>] = [:]
        for side in Side.allCases {
            let covered = Set(team.filter { $0.membership.side == side }.map(\.person.function))
            wanted[side] = Set(playbook.needed(in: phase)).subtracting(covered)
        }
        let directory = try await candidates(alliance, ours, wanted, limit: 1).values.flatMap { $0.values.flatMap(\.items) }
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
