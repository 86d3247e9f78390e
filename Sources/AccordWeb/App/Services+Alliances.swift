import AccordCore
import AccordStore
import Foundation

/// Alliance steps shared by the web pages and the JSON API, so both apply the same rules.
extension Services {
    /// The alliance if the user may see it; otherwise not found, so its existence is not revealed.
    func visibleAlliance(_ id: UUID, _ user: SignedIn) async throws -> Alliance {
        try await AllianceAccess(store).visibleAlliance(id, user)
    }

    /// The alliance's team (both sides), one entry per person, with their side.
    func allianceTeam(_ alliance: Alliance) async throws -> [(person: Person, side: Side)] {
        try await AllianceAccess(store).team(alliance)
    }
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
