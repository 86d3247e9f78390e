import AccordCore
import AccordStore
import Foundation

/// Alliance steps shared by the web pages and the JSON API, so both apply the same rules.
extension Services {
    /// The alliance if the user may see it; otherwise not found, so its existence is not revealed.
    func visibleAlliance(_ id: UUID, _ user: SignedIn) async throws -> Alliance {
        try await AllianceAccess(store).visibleAlliance(id, user)
    }

    /// Adds a person to the team. Sponsors and managers come from the alliance's own fields; the side follows
    /// from the person's organisation.
    func addTeamMember(_ input: MembershipInput, to alliance: Alliance, by user: SignedIn) async throws -> Membership {
        try AccessPolicy.require(user.principal, .manageTeam(alliance.id))
        let valid = try input.validate()
        if valid.role == .executiveSponsor || valid.role == .allianceManager {
            throw DomainError.invalid("role", "Sponsors and alliance managers are set on the alliance itself.")
        }
        guard let person = try await store.people.find(valid.personID) else {
            throw DomainError.invalid("personID", "Person is not a known person.")
        }
        let ours = try await store.organizations.ours()
        let side = try MembershipInput.side(of: person, alliance: alliance, ourOrganizationID: ours?.id)
        return try await store.alliances.addMember(alliance.id, personID: person.id, side: side, role: valid.role, by: actor(user))
    }

    /// The alliance's team (both sides), one entry per person, with their side.
    func allianceTeam(_ alliance: Alliance) async throws -> [(person: Person, side: Side)] {
        try await AllianceAccess(store).team(alliance)
    }
}

/// Alliances the principal may open, each looked up once: for pages and feeds that list items across alliances.
final class AllianceLookup {
    private let store: Store
    private let principal: Principal
    private var known: [UUID: Alliance?] = [:]

    init(_ store: Store, _ principal: Principal) {
        self.store = store
        self.principal = principal
    }

    /// The alliance, or nil when it is gone or the principal may not open it.
    func callAsFunction(_ id: UUID) async throws -> Alliance? {
        if let found = known[id] { return found }
        let found = AccessPolicy.allows(principal, .viewAlliance(id)) ? try await store.alliances.find(id) : nil
        known[id] = found
        return found
    }
}

extension Services {
    /// A person's governance action items the principal may see and, for internal users, their health-check actions.
    func ownedActions(person: UUID, _ principal: Principal) async throws -> (items: [ActionItem], health: [HealthAction]) {
        let items = try await visible(principal).actionItems(ownerID: person)
        return (items, principal.role.isInternal ? try await store.health.actions(ownerID: person) : [])
    }
}
