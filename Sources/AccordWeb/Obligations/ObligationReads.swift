import AccordCore
import AccordStore
import Foundation

/// Obligations and trigger events as one principal may see them: the only way pages, the API, the calendar feed and
/// reminders' pages read them. Internal users see everything; partner users see shared obligations, and of the
/// trigger events only those a shared obligation is due after.
struct ObligationReads: Sendable {
    let repository: any ObligationRepository
    let principal: Principal

    func obligations(allianceID: UUID) async throws -> [Obligation] {
        principal.visible(try await repository.obligations(allianceID: allianceID), \.visibility)
    }

    func obligations(allianceIDs: [UUID]?) async throws -> [Obligation] {
        principal.visible(try await repository.obligations(allianceIDs: allianceIDs), \.visibility)
    }

    func obligation(id: UUID, in allianceID: UUID) async throws -> Obligation? {
        guard let item = try await repository.obligation(id: id), item.allianceID == allianceID,
            AccessPolicy.canSee(item.visibility, principal)
        else { return nil }
        return item
    }

    /// The alliance's trigger events; partner users see only those a shared obligation is due after.
    func triggers(allianceID: UUID) async throws -> [TriggerEvent] {
        let all = try await repository.triggers(allianceID: allianceID)
        guard AccessPolicy.seesSharedOnly(principal) else { return all }
        return Self.used(all, by: try await obligations(allianceID: allianceID))
    }

    /// Trigger events of these alliances (all when nil) that `obligations` may name.
    func triggers(allianceIDs: [UUID]?, for obligations: [Obligation]) async throws -> [TriggerEvent] {
        let all = try await repository.triggers(allianceIDs: allianceIDs)
        return AccessPolicy.seesSharedOnly(principal) ? Self.used(all, by: obligations) : all
    }

    static func used(_ triggers: [TriggerEvent], by obligations: [Obligation]) -> [TriggerEvent] {
        let named = Set(
            obligations.compactMap { obligation -> UUID? in
                if case .afterTrigger(let id, _) = obligation.due { return id }
                return nil
            })
        return triggers.filter { named.contains($0.id) }
    }
}
