import AccordMemberwise
import Foundation

/// Storage for organisations. Every write appends its audit record in the same transaction.
/// A record's id and name, for choice lists that need nothing else (no dates decoded, no other columns read).
@Memberwise
public struct NamedID: Sendable, Equatable {
    public let id: UUID
    public let name: String
}

public protocol OrganizationRepository: Sendable {
    func list() async throws -> [Organization]
    /// One page of organisations in the order of `list()` (partners, then our company, each by name), only those whose
    /// name contains `text` (any case) when it is given, with how many there are.
    func list(matching text: String?, page: Int, perPage: Int) async throws -> Page<Organization>
    /// Organisations of one kind (every organisation when nil), id and name only, by name; only those whose name
    /// contains `text` (any case) when it is given, and at most `limit` when it is given.
    func names(kind: OrganizationKind?, matching text: String?, limit: Int?) async throws -> [NamedID]
    /// How many organisations of this kind (of every kind when nil) there are, counted up to `limit`.
    func count(kind: OrganizationKind?, upTo limit: Int) async throws -> Int
    /// The names of these organisations, by id (missing ones are left out).
    func names(ids: [UUID]) async throws -> [UUID: String]
    func find(_ id: UUID) async throws -> Organization?
    func ours() async throws -> Organization?
    func create(_ valid: OrganizationInput.Valid, by actor: AuditActor) async throws -> Organization
    func update(_ id: UUID, _ valid: OrganizationInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> Organization
    func delete(_ id: UUID, by actor: AuditActor) async throws
}

public protocol PersonRepository: Sendable {
    func list(organizationID: UUID?, text: String?, page: Int, perPage: Int) async throws -> Page<Person>
    func all(organizationIDs: [UUID]) async throws -> [Person]
    /// People in `scope`, id and name only, by name: only those whose name contains `text` (any case) when it is
    /// given, and at most `limit` when it is given.
    func names(in scope: PeopleScope, matching text: String?, limit: Int?) async throws -> [NamedID]
    /// How many people there are in `scope`, counted up to `limit`.
    func count(in scope: PeopleScope, upTo limit: Int) async throws -> Int
    /// People of these organisations who are not on the alliance's team yet, by name: whose name contains `text`
    /// (any case) when it is given, at most `limit`.
    func teamCandidates(allianceID: UUID, organizationIDs: [UUID], matching text: String?, limit: Int) async throws -> [Person]
    /// How many such people there are, counted up to `limit`.
    func teamCandidateCount(allianceID: UUID, organizationIDs: [UUID], upTo limit: Int) async throws -> Int
    /// People of one organisation with one function who are not on the alliance's team, the best suited first
    /// (levels in the order of `levels`, then by name): the first `limit`, and how many there are.
    func functionCandidates(allianceID: UUID, organizationID: UUID, function: BusinessFunction, levels: [Level], limit: Int)
        async throws -> Page<Person>
    func find(_ id: UUID) async throws -> Person?
    func find(ids: [UUID]) async throws -> [UUID: Person]
    /// The names of several people, by id (missing ones are left out).
    func names(ids: [UUID]) async throws -> [UUID: String]
    func create(_ valid: PersonInput.Valid, by actor: AuditActor) async throws -> Person
    func update(_ id: UUID, _ valid: PersonInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> Person
    func delete(_ id: UUID, by actor: AuditActor) async throws
}

extension OrganizationRepository {
    /// Every organisation of one kind, id and name only, by name.
    public func names(kind: OrganizationKind) async throws -> [NamedID] { try await names(kind: kind, matching: nil, limit: nil) }
}

extension AllianceRepository {
    /// Every person who manages an alliance, id and name only, by name.
    public func managerChoices() async throws -> [NamedID] { try await managerChoices(matching: nil, limit: nil) }
}

public protocol AllianceRepository: Sendable {
    /// The people who are our alliance manager on at least one alliance, id and name only, by name; filtered and
    /// limited as `OrganizationRepository.names` is.
    func managerChoices(matching text: String?, limit: Int?) async throws -> [NamedID]
    /// How many people manage an alliance, counted up to `limit` (enough to choose a list or a search field).
    func managerCount(upTo limit: Int) async throws -> Int
    func list(_ query: AllianceQuery) async throws -> Page<AllianceSummary>
    func find(_ id: UUID) async throws -> Alliance?
    /// Several alliances at once, by id (missing ones are left out).
    func find(ids: [UUID]) async throws -> [UUID: Alliance]
    /// The names of several alliances, by id (missing ones are left out).
    func names(ids: [UUID]) async throws -> [UUID: String]
    /// The types of several alliances, by id (missing ones are left out).
    func types(ids: [UUID]) async throws -> [UUID: AllianceType]
    func create(_ valid: AllianceInput.Valid, by actor: AuditActor) async throws -> Alliance
    func update(_ id: UUID, _ valid: AllianceInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> Alliance
    func delete(_ id: UUID, by actor: AuditActor) async throws
    func members(of allianceID: UUID) async throws -> [Membership]
    func addMember(_ allianceID: UUID, personID: UUID, side: Side, role: MembershipRole, by actor: AuditActor) async throws -> Membership
    func removeMember(_ membershipID: UUID, from allianceID: UUID, by actor: AuditActor) async throws
    /// Alliances where this person is on the team.
    func allianceIDs(forPerson personID: UUID) async throws -> Set<UUID>
}

public protocol AuditRepository: Sendable {
    func history(allianceID: UUID, limit: Int) async throws -> [AuditRecord]
    func recent(limit: Int) async throws -> [AuditRecord]
    /// The sequence number of the newest audit row (0 for an empty trail): it moves with every change to business data.
    func headSequence() async throws -> Int64
    /// Walks the whole chain; returns the first row whose hash or link does not hold, or nil when intact.
    func verify() async throws -> AuditVerification
}

@Memberwise
public struct AuditVerification: Sendable, Equatable {
    public var checked: Int
    public var firstBadSequence: Int64?
    public var reason: String?

    public var intact: Bool { firstBadSequence == nil }
}
