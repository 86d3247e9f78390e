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
    private let choices: DirectoryChoices

    init(_ store: Store) {
        repository = store.relationships
        organizations = store.organizations
        people = store.people
        playbooks = store.playbooks
        access = AllianceAccess(store)
        clock = store.database.clock
        choices = DirectoryChoices(store)
    }

    var today: LocalDate { clock.today }

    struct RelationshipState {
        let map: RelationshipMap
        /// Everyone paired.
        let people: [UUID: Person]
        let ourOrganizationID: UUID?
    }

    func relationshipState(_ alliance: Alliance, _ user: SignedIn) async throws -> RelationshipState {
        try AccessPolicy.require(user.principal, .viewRelationships(alliance.id))
        let pairs = try await repository.pairs(allianceID: alliance.id)
        let people = try await self.people.find(ids: Array(Set(pairs.flatMap { [$0.ourPersonID, $0.partnerPersonID] })))
        let map = RelationshipMap(pairs: pairs, playbook: try await playbooks.playbook(alliance.type), phase: alliance.phase)
        return RelationshipState(map: map, people: people, ourOrganizationID: try await organizations.ours()?.id)
    }

    /// How the page's pair forms choose their two people, among our company's and the partner's: select lists of
    /// the people of a side while it has at most 50, search fields beyond.
    struct PairChoices: Sendable {
        let ours: ChoiceSource
        let theirs: ChoiceSource
        let ourList: [Person]?
        let theirList: [Person]?
    }

    func pairChoices(_ alliance: Alliance) async throws -> PairChoices {
        let ours = choices.people(.kind(.ours), blank: "Choose our person")
        let theirs = choices.people(.organization(alliance.partnerID), blank: "Choose their person")
        return PairChoices(ours: ours, theirs: theirs, ourList: try await choices.listed(ours), theirList: try await choices.listed(theirs))
    }

    /// The two people of a posted pair form, resolved by name where they were typed (see `FormChoice`): `input` gets
    /// their ids; with the fields to show again and the messages of names that picked nothing or several.
    func postedPeople(_ form: FormData, _ input: inout CounterpartInput, _ choices: PairChoices) async throws
        -> (ours: ChoiceField, theirs: ChoiceField, unresolved: [FieldError])
    {
        let ours = try await FormChoice.resolve(form, "ourPersonID", label: "Our person", current: nil, choices.ours)
        let theirs = try await FormChoice.resolve(form, "partnerPersonID", label: "Their person", current: nil, choices.theirs)
        (input.ourPersonID, input.partnerPersonID) = (ours.value, theirs.value)
        return (ours.field, theirs.field, [ours.error, theirs.error].compactMap { $0 })
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

    private func validPair(_ input: CounterpartInput, _ alliance: Alliance, unresolved: [FieldError]) async throws
        -> CounterpartInput.Valid
    {
        let ids = [input.ourPersonID, input.partnerPersonID].compactMap {
            $0.flatMap { UUID(canonical: $0.trimmingCharacters(in: .whitespaces)) }
        }
        let (people, ours, today) = (try await people.find(ids: ids), try await organizations.ours()?.id, today)
        return try FormChoice.validate(unresolved) { () throws(DomainError) in
            try input.validate(people: people, ourOrganizationID: ours, partnerID: alliance.partnerID, today: today)
        }
    }

    /// Adds a pair; `unresolved` are the messages of names typed on the page that picked nobody (shown with the rest).
    func addPair(_ input: CounterpartInput, in alliance: Alliance, unresolved: [FieldError] = [], by user: SignedIn) async throws
        -> CounterpartPair
    {
        try AccessPolicy.require(user.principal, .manageRelationships(alliance.id))
        return try await repository.create(
            allianceID: alliance.id, try await validPair(input, alliance, unresolved: unresolved), by: user.actor)
    }

    func updatePair(
        _ pair: CounterpartPair, _ input: CounterpartInput, expectedVersion: Int?, in alliance: Alliance, unresolved: [FieldError] = [],
        by user: SignedIn
    ) async throws -> CounterpartPair {
        try AccessPolicy.require(user.principal, .manageRelationships(alliance.id))
        return try await repository.update(
            pair.id, try await validPair(input, alliance, unresolved: unresolved), expectedVersion: expectedVersion, by: user.actor)
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
