import AccordCore
import AccordStore
import Foundation

/// The first step of every page and operation inside an alliance, shared by the feature services: the alliance if
/// the user may see it (otherwise not found, so its existence is not revealed), and its team.
struct AllianceAccess: Sendable {
    private let alliances: any AllianceRepository
    private let people: any PersonRepository

    init(_ store: Store) {
        alliances = store.alliances
        people = store.people
    }

    /// The alliance if the user may see it; otherwise not found.
    func visibleAlliance(_ id: UUID, _ user: SignedIn) async throws -> Alliance {
        try AccessPolicy.require(user.principal, .viewAlliance(id))
        guard let alliance = try await alliances.find(id) else { throw DomainError.notFound("No such alliance.") }
        return alliance
    }

    /// The alliance if the user may see it and holds the permission on it.
    func alliance(_ id: UUID, _ user: SignedIn, may permission: (UUID) -> Permission) async throws -> Alliance {
        let alliance = try await visibleAlliance(id, user)
        try AccessPolicy.require(user.principal, permission(alliance.id))
        return alliance
    }

    /// The principal the access policy decides on for this user: their role and the alliances they are on the team of.
    func principal(for user: User) async throws -> Principal {
        var ids: Set<UUID> = []
        if let personID = user.personID { ids = try await alliances.allianceIDs(forPerson: personID) }
        return Principal(userID: user.id, role: user.role, personID: user.personID, allianceIDs: ids)
    }

    /// The alliances among `ids` the principal may open, by id.
    func visibleAlliances(ids: [UUID], _ principal: Principal) async throws -> [UUID: Alliance] {
        try await alliances.find(ids: ids.filter { AccessPolicy.allows(principal, .viewAlliance($0)) })
    }

    /// The names of the alliances among `ids` the principal may open, by id.
    func visibleNames(ids: [UUID], _ principal: Principal) async throws -> [UUID: String] {
        try await alliances.names(ids: ids.filter { AccessPolicy.allows(principal, .viewAlliance($0)) })
    }

    /// Alliances the principal may open, each looked up once.
    func lookup(_ principal: Principal) -> AllianceLookup { AllianceLookup(alliances, principal) }

    /// The alliance's team (both sides), one entry per person, with their side.
    func team(_ alliance: Alliance) async throws -> [(person: Person, side: Side)] {
        let members = try await alliances.members(of: alliance.id)
        let people = try await people.find(ids: members.map(\.personID))
        var seen: Set<UUID> = []
        return members.compactMap { member in
            guard seen.insert(member.personID).inserted, let person = people[member.personID] else { return nil }
            return (person, member.side)
        }
    }
}

extension SignedIn {
    /// Who the audit trail records for this user's changes.
    var actor: AuditActor { AuditActor(userID: user.id, name: "\(user.name) <\(user.email)>") }
}

/// Alliances the principal may open, each looked up once: for pages and feeds that list items across alliances.
final class AllianceLookup {
    private let alliances: any AllianceRepository
    private let principal: Principal
    private var known: [UUID: Alliance?] = [:]

    init(_ alliances: any AllianceRepository, _ principal: Principal) {
        self.alliances = alliances
        self.principal = principal
    }

    /// The alliance, or nil when it is gone or the principal may not open it.
    func callAsFunction(_ id: UUID) async throws -> Alliance? {
        if let found = known[id] { return found }
        let found = AccessPolicy.allows(principal, .viewAlliance(id)) ? try await alliances.find(id) : nil
        known[id] = found
        return found
    }
}
