import AccordCore
import AccordStore
import Foundation

/// Culture steps shared by the web page and the JSON API: internal users read, directory editors change.
struct CultureService: Sendable {
    private let repository: any CultureRepository
    private let organizations: any OrganizationRepository
    private let people: any PersonRepository
    let clock: WallClock
    private let choices: DirectoryChoices

    init(_ store: Store) {
        repository = store.culture
        organizations = store.organizations
        people = store.people
        clock = store.database.clock
        choices = DirectoryChoices(store)
    }

    var today: LocalDate { clock.today }

    struct CultureState {
        let organization: Organization
        let ours: Organization?
        let profile: CultureProfile
        /// Our profile, when `organization` is a partner.
        let ourProfile: CultureProfile?
        let differences: [CultureDifference]
        /// The names of the log entries' owners.
        let ownerNames: [UUID: String]
    }

    func cultureState(_ organizationID: UUID, _ user: SignedIn) async throws -> CultureState {
        try AccessPolicy.require(user.principal, .viewDirectory)
        guard let org = try await organizations.find(organizationID) else { throw DomainError.notFound("No such organisation.") }
        let ours = try await organizations.ours()
        let isPartner = org.kind == .partner
        var ourProfile: CultureProfile?
        if isPartner, let ours { ourProfile = try await repository.profile(organizationID: ours.id) }
        let differences = isPartner ? try await repository.differences(organizationID: org.id) : []
        return CultureState(
            organization: org, ours: ours, profile: try await repository.profile(organizationID: org.id), ourProfile: ourProfile,
            differences: differences, ownerNames: try await people.names(ids: Array(Set(differences.map(\.ownerID)))))
    }

    /// How the log's forms choose an owner among our company's people: a select list while we are at most 50, a search
    /// field beyond.
    struct OwnerChoices: Sendable {
        let source: ChoiceSource
        let list: [Person]?
    }

    func ownerChoices() async throws -> OwnerChoices {
        let source = choices.people(.kind(.ours), blank: "Choose an owner")
        return OwnerChoices(source: source, list: try await choices.listed(source))
    }

    /// The owner of a posted log entry, resolved by name where it was typed (see `FormChoice`): `input` gets the id.
    func postedOwner(_ form: FormData, _ input: inout DifferenceInput, _ choices: OwnerChoices) async throws -> FormChoice.Resolved {
        let owner = try await FormChoice.resolve(form, "ownerID", label: "Owner", current: nil, choices.source)
        input.owner = owner.value
        return owner
    }

    /// An organisation of the directory, for a user who may read it.
    func organization(_ id: UUID, _ user: SignedIn) async throws -> Organization {
        try AccessPolicy.require(user.principal, .viewDirectory)
        guard let org = try await organizations.find(id) else { throw DomainError.notFound("No such organisation.") }
        return org
    }

    func saveCultureProfile(_ input: CultureProfileInput, of organization: Organization, expectedVersion: Int?, by user: SignedIn)
        async throws -> CultureProfile
    {
        try AccessPolicy.require(user.principal, .editDirectory)
        return try await repository.saveProfile(try input.validate(organization.id), expectedVersion: expectedVersion, by: user.actor)
    }

    /// Validates an entry; its owner must be one of our people (looked up alone, not among all of them).
    private func validDifference(_ input: DifferenceInput, unresolved: [FieldError]) async throws -> DifferenceInput.Valid {
        let ours = try await organizations.ours()?.id
        let owner = try await input.owner.flatMap { UUID(canonical: $0.trimmingCharacters(in: .whitespaces)) }.asyncMap {
            try await people.find($0)
        }
        let owners: Set<UUID> = owner.flatMap { $0 }.flatMap { $0.organizationID == ours ? [$0.id] : nil } ?? []
        return try FormChoice.validate(unresolved) { () throws(DomainError) in try input.validate(owners: owners) }
    }

    /// Adds a log entry; `unresolved` is the message of an owner's name typed on the page that picked nobody.
    func addDifference(_ input: DifferenceInput, with partner: Organization, unresolved: [FieldError] = [], by user: SignedIn)
        async throws -> CultureDifference
    {
        try AccessPolicy.require(user.principal, .editDirectory)
        guard partner.kind == .partner else {
            throw DomainError.invalid("organizationID", "The differences log is kept for partners; our own profile is the reference.")
        }
        return try await repository.createDifference(
            organizationID: partner.id, try await validDifference(input, unresolved: unresolved), by: user.actor)
    }

    func difference(_ id: UUID, of partner: Organization) async throws -> CultureDifference {
        guard let entry = try await repository.difference(id: id), entry.organizationID == partner.id else {
            throw DomainError.notFound("No such difference.")
        }
        return entry
    }

    func updateDifference(
        _ entry: CultureDifference, _ input: DifferenceInput, expectedVersion: Int?, unresolved: [FieldError] = [], by user: SignedIn
    ) async throws -> CultureDifference {
        try AccessPolicy.require(user.principal, .editDirectory)
        return try await repository.updateDifference(
            entry.id, try await validDifference(input, unresolved: unresolved), expectedVersion: expectedVersion, by: user.actor)
    }
}
