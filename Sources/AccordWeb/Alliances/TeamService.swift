import AccordCore
import AccordStore
import Foundation

/// Changes to an alliance's team, shared by the team section of the alliance page, the lifecycle page's "close the
/// gap" and the API. Sponsors and managers are fields of the alliance; the team holds functional leads and members.
struct TeamService: Sendable {
    private let alliances: any AllianceRepository
    private let people: any PersonRepository
    private let organizations: any OrganizationRepository

    init(_ store: Store) {
        alliances = store.alliances
        people = store.people
        organizations = store.organizations
    }

    /// Adds a person to the team. Sponsors and managers come from the alliance's own fields; the side follows
    /// from the person's organisation.
    func add(_ input: MembershipInput, to alliance: Alliance, by user: SignedIn) async throws -> Membership {
        try AccessPolicy.require(user.principal, .manageTeam(alliance.id))
        let valid = try input.validate()
        guard MembershipRole.teamRoles.contains(valid.role) else {
            throw DomainError.invalid("role", "Sponsors and alliance managers are set on the alliance itself.")
        }
        guard let person = try await people.find(valid.personID) else {
            throw DomainError.invalid("personID", "Person is not a known person.")
        }
        let ours = try await organizations.ours()
        let side = try MembershipInput.side(of: person, alliance: alliance, ourOrganizationID: ours?.id)
        return try await alliances.addMember(alliance.id, personID: person.id, side: side, role: valid.role, by: user.actor)
    }

    func remove(_ memberID: UUID, from alliance: Alliance, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageTeam(alliance.id))
        try await alliances.removeMember(memberID, from: alliance.id, by: user.actor)
    }

    /// People of our organisation and the partner who are not on the team yet, by name.
    func candidates(_ alliance: Alliance, matching text: String?, limit: Int) async throws -> [Person] {
        try await people.teamCandidates(allianceID: alliance.id, organizationIDs: try await sides(alliance), matching: text, limit: limit)
    }

    /// How many candidates there are, counted up to `limit`.
    func candidateCount(_ alliance: Alliance, upTo limit: Int) async throws -> Int {
        try await people.teamCandidateCount(allianceID: alliance.id, organizationIDs: try await sides(alliance), upTo: limit)
    }

    /// The team picker of the alliance page, for those who manage the team (nil for everyone else).
    func picker(_ alliance: Alliance, search: String?, _ user: SignedIn) async throws -> TeamPicker? {
        guard AccessPolicy.allows(user.principal, .manageTeam(alliance.id)) else { return nil }
        return try await TeamPicker.resolve(
            search: search, count: { try await candidateCount(alliance, upTo: $0) },
            candidates: { try await candidates(alliance, matching: $0, limit: $1) })
    }

    private func sides(_ alliance: Alliance) async throws -> [UUID] {
        [try await organizations.ours()?.id, alliance.partnerID].compactMap { $0 }
    }
}
