import AccordCore
import AccordStore
import Foundation

/// Relationship map steps shared by the web page and the JSON API (internal only; reading needs `viewRelationships`,
/// changes `manageRelationships`).
struct RelationshipsService: Sendable {
    private let repository: any RelationshipRepository
    private let organizations: any OrganizationRepository
    private let people: any PersonRepository
    private let playbooks: any PlaybookRepository
    let access: AllianceAccess
    let clock: WallClock

    init(_ store: Store) {
        repository = store.relationships
        organizations = store.organizations
        people = store.people
        playbooks = store.playbooks
        access = AllianceAccess(store)
        clock = store.database.clock
    }

    var today: LocalDate { clock.today }

    struct RelationshipState {
        let map: RelationshipMap
        /// Everyone on either side who may be paired, and everyone already paired.
        let people: [UUID: Person]
        let ours: [Person]
        let theirs: [Person]
        let ourOrganizationID: UUID?
    }

    func relationshipState(_ alliance: Alliance, _ user: SignedIn) async throws -> RelationshipState {
        try AccessPolicy.require(user.principal, .viewRelationships(alliance.id))
        let ours = try await organizations.ours()?.id
        let directory = try await people.all(organizationIDs: [ours, alliance.partnerID].compactMap { $0 })
        let pairs = try await repository.pairs(allianceID: alliance.id)
        var people = Dictionary(directory.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let missing = Set(pairs.flatMap { [$0.ourPersonID, $0.partnerPersonID] }).subtracting(people.keys)
        for (id, person) in try await self.people.find(ids: Array(missing)) { people[id] = person }
        let map = RelationshipMap(pairs: pairs, playbook: try await playbooks.playbook(alliance.type), phase: alliance.phase)
        return RelationshipState(
            map: map, people: people, ours: directory.filter { $0.organizationID == ours },
            theirs: directory.filter { $0.organizationID == alliance.partnerID }, ourOrganizationID: ours)
    }

    /// The partner and our company's name, for the page's headings.
    func sides(_ alliance: Alliance) async throws -> (partner: Organization, ourName: String) {
        guard let partner = try await organizations.find(alliance.partnerID) else { throw DomainError.notFound("No such partner.") }
        return (partner, try await organizations.ours()?.name ?? "Our company")
    }

    func pair(_ id: UUID, of alliance: Alliance) async throws -> CounterpartPair {
        guard let pair = try await repository.pair(id: id), pair.allianceID == alliance.id else {
            throw DomainError.notFound("No such pair.")
        }
        return pair
    }

    private func validPair(_ input: CounterpartInput, _ alliance: Alliance) async throws -> CounterpartInput.Valid {
        let ids = [input.ourPersonID, input.partnerPersonID].compactMap {
            $0.flatMap { UUID(canonical: $0.trimmingCharacters(in: .whitespaces)) }
        }
        return try input.validate(
            people: try await people.find(ids: ids), ourOrganizationID: try await organizations.ours()?.id,
            partnerID: alliance.partnerID, today: today)
    }

    func addPair(_ input: CounterpartInput, in alliance: Alliance, by user: SignedIn) async throws -> CounterpartPair {
        try AccessPolicy.require(user.principal, .manageRelationships(alliance.id))
        return try await repository.create(allianceID: alliance.id, try await validPair(input, alliance), by: user.actor)
    }

    func updatePair(_ pair: CounterpartPair, _ input: CounterpartInput, expectedVersion: Int?, in alliance: Alliance, by user: SignedIn)
        async throws -> CounterpartPair
    {
        try AccessPolicy.require(user.principal, .manageRelationships(alliance.id))
        return try await repository.update(
            pair.id, try await validPair(input, alliance), expectedVersion: expectedVersion, by: user.actor)
    }

    /// Records a contact on `raw` (today when empty); never in the future.
    func recordContact(_ pair: CounterpartPair, on raw: String?, in alliance: Alliance, by user: SignedIn) async throws -> CounterpartPair {
        try AccessPolicy.require(user.principal, .manageRelationships(alliance.id))
        var v = Validator()
        let day = v.optionalDate(raw, "on", "Contact date") ?? today
        if day > today { v.add("on", "A contact cannot be recorded in the future.") }
        try v.check()
        return try await repository.recordContact(pair.id, on: day, by: user.actor)
    }

    func removePair(_ pair: CounterpartPair, in alliance: Alliance, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageRelationships(alliance.id))
        try await repository.delete(pair.id, by: user.actor)
    }
}
