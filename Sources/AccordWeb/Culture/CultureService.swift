import AccordCore
import AccordStore
import Foundation

/// Culture steps shared by the web page and the JSON API: internal users read, directory editors change.
struct CultureService: Sendable {
    private let repository: any CultureRepository
    private let organizations: any OrganizationRepository
    private let people: any PersonRepository
    let clock: WallClock

    init(_ store: Store) {
        repository = store.culture
        organizations = store.organizations
        people = store.people
        clock = store.database.clock
    }

    var today: LocalDate { clock.today }

    struct CultureState {
        let organization: Organization
        let ours: Organization?
        let profile: CultureProfile
        /// Our profile, when `organization` is a partner.
        let ourProfile: CultureProfile?
        let differences: [CultureDifference]
        /// Our company's people: owners of log entries.
        let owners: [Person]
    }

    func cultureState(_ organizationID: UUID, _ user: SignedIn) async throws -> CultureState {
        try AccessPolicy.require(user.principal, .viewDirectory)
        guard let org = try await organizations.find(organizationID) else { throw DomainError.notFound("No such organisation.") }
        let ours = try await organizations.ours()
        let isPartner = org.kind == .partner
        var ourProfile: CultureProfile?
        if isPartner, let ours { ourProfile = try await repository.profile(organizationID: ours.id) }
        return CultureState(
            organization: org, ours: ours, profile: try await repository.profile(organizationID: org.id), ourProfile: ourProfile,
            differences: isPartner ? try await repository.differences(organizationID: org.id) : [],
            owners: try await ourPeople())
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

    private func ourPeople() async throws -> [Person] {
        guard let ours = try await organizations.ours() else { return [] }
        return try await people.all(organizationIDs: [ours.id])
    }

    private func validDifference(_ input: DifferenceInput) async throws -> DifferenceInput.Valid {
        try input.validate(owners: Set(try await ourPeople().map(\.id)))
    }

    func addDifference(_ input: DifferenceInput, with partner: Organization, by user: SignedIn) async throws -> CultureDifference {
        try AccessPolicy.require(user.principal, .editDirectory)
        guard partner.kind == .partner else {
            throw DomainError.invalid("organizationID", "The differences log is kept for partners; our own profile is the reference.")
        }
        return try await repository.createDifference(organizationID: partner.id, try await validDifference(input), by: user.actor)
    }

    func difference(_ id: UUID, of partner: Organization) async throws -> CultureDifference {
        guard let entry = try await repository.difference(id: id), entry.organizationID == partner.id else {
            throw DomainError.notFound("No such difference.")
        }
        return entry
    }

    func updateDifference(_ entry: CultureDifference, _ input: DifferenceInput, expectedVersion: Int?, by user: SignedIn) async throws
        -> CultureDifference
    {
        try AccessPolicy.require(user.principal, .editDirectory)
        return try await repository.updateDifference(
            entry.id, try await validDifference(input), expectedVersion: expectedVersion, by: user.actor)
    }
}
