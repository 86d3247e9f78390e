import AccordCore
import AccordStore
import Foundation

/// Reading and changing one kind of directory record (organisations or people) under the directory's access rule:
/// reading needs `viewDirectory`, every change `editDirectory`. Pages and the API both go through it.
struct DirectoryRecords<Input: APIValidatable, Record: Sendable>: Sendable where Input.Valid: Sendable {
    let noun: String
    let findRecord: @Sendable (UUID) async throws -> Record?
    let createRecord: @Sendable (Input.Valid, AuditActor) async throws -> Record
    let updateRecord: @Sendable (UUID, Input.Valid, Int?, AuditActor) async throws -> Record
    let deleteRecord: @Sendable (UUID, AuditActor) async throws -> Void

    /// The record, or not found.
    func find(_ id: UUID, _ user: SignedIn) async throws -> Record {
        try AccessPolicy.require(user.principal, .viewDirectory)
        guard let record = try await findRecord(id) else { throw DomainError.notFound("No such \(noun).") }
        return record
    }

    func create(_ valid: Input.Valid, by user: SignedIn) async throws -> Record {
        try AccessPolicy.require(user.principal, .editDirectory)
        return try await createRecord(valid, user.actor)
    }

    /// Replaces the record (callers have found it; the store's locked read refuses a missing one too); a stale
    /// `expectedVersion` is a conflict.
    func update(_ id: UUID, _ valid: Input.Valid, expectedVersion: Int?, by user: SignedIn) async throws -> Record {
        try AccessPolicy.require(user.principal, .editDirectory)
        return try await updateRecord(id, valid, expectedVersion, user.actor)
    }

    func delete(_ id: UUID, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .editDirectory)
        _ = try await find(id, user)
        try await deleteRecord(id, user.actor)
    }
}

/// The directory: organisations (ours and partners) and their people, with what their pages show of alliances.
struct DirectoryService: Sendable {
    let organizations: DirectoryRecords<OrganizationInput, Organization>
    let people: DirectoryRecords<PersonInput, Person>
    private let organizationRepository: any OrganizationRepository
    private let personRepository: any PersonRepository
    private let alliances: any AllianceRepository
    private let choices: DirectoryChoices

    init(_ store: Store) {
        choices = DirectoryChoices(store)
        let (orgs, people) = (store.organizations, store.people)
        organizationRepository = orgs
        personRepository = people
        alliances = store.alliances
        organizations = DirectoryRecords(
            noun: "organisation", findRecord: { try await orgs.find($0) }, createRecord: { try await orgs.create($0, by: $1) },
            updateRecord: { try await orgs.update($0, $1, expectedVersion: $2, by: $3) },
            deleteRecord: { try await orgs.delete($0, by: $1) })
        self.people = DirectoryRecords(
            noun: "person", findRecord: { try await people.find($0) }, createRecord: { try await people.create($0, by: $1) },
            updateRecord: { try await people.update($0, $1, expectedVersion: $2, by: $3) },
            deleteRecord: { try await people.delete($0, by: $1) })
    }

    /// Completion for the forms that name a person: at most ten people in `scope` whose name contains `text`.
    func personSuggestions(_ scope: PeopleScope, matching text: String?, _ user: SignedIn) async throws -> [ChoiceJSON.Item] {
        try AccessPolicy.require(user.principal, .viewDirectory)
        return try await choices.suggestions(scope, matching: text)
    }

    /// Completion for the organisation of a person: at most ten organisations whose name contains `text`.
    func organizationSuggestions(matching text: String?, _ user: SignedIn) async throws -> [NamedID] {
        try AccessPolicy.require(user.principal, .viewDirectory)
        return try await organizationRepository.names(kind: nil, matching: text, limit: ChoiceField.matchLimit)
    }

    /// Where a person's organisation is chosen: every organisation.
    func organizationSource(blank: String) -> ChoiceSource {
        choices.organizations(nil, noun: "organisation", blank: blank, suggest: Site.organizationChoices)
    }

    /// The names of these organisations, by id.
    func organizationNames(_ ids: [UUID]) async throws -> [UUID: String] {
        try await organizationRepository.names(ids: Array(Set(ids)))
    }

    /// One page of organisations whose name contains `text`.
    func organizations(matching text: String?, page: Int, perPage: Int, _ user: SignedIn) async throws -> Page<Organization> {
        try AccessPolicy.require(user.principal, .viewDirectory)
        return try await organizationRepository.list(matching: text, page: page, perPage: perPage)
    }

    /// Every organisation, ours first, then partners by name.
    func allOrganizations(_ user: SignedIn) async throws -> [Organization] {
        try AccessPolicy.require(user.principal, .viewDirectory)
        return try await organizationRepository.list()
    }

    /// One page of people, of one organisation and matching a search when given.
    func people(organization: UUID?, text: String?, page: Int, perPage: Int, _ user: SignedIn) async throws -> Page<Person> {
        try AccessPolicy.require(user.principal, .viewDirectory)
        return try await personRepository.list(organizationID: organization, text: text, page: page, perPage: perPage)
    }

    /// The organisation a person belongs to.
    func organization(of person: Person) async throws -> Organization? { try await organizationRepository.find(person.organizationID) }

    /// The organisation's people, by name.
    func people(of organization: Organization) async throws -> [Person] {
        try await personRepository.all(organizationIDs: [organization.id])
    }

    /// The alliances with this partner, as many as a portfolio page holds, as the user may see them.
    func alliances(with partner: Organization, _ user: SignedIn) async throws -> [Alliance] {
        guard partner.kind == .partner else { return [] }
        var query = AllianceQuery()
        query.partnerID = partner.id
        query.perPage = AllianceQuery.maxPerPage
        return try await alliances.list(try AccessPolicy.scoped(query, for: user.principal)).items.map(\.alliance)
    }

    /// The alliances this person is on the team of, by name.
    func alliances(of person: Person) async throws -> [Alliance] {
        let ids = try await alliances.allianceIDs(forPerson: person.id)
        return try await alliances.find(ids: Array(ids)).values.sorted { $0.name < $1.name }
    }
}
