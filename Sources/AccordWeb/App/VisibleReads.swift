import AccordCore
import AccordStore
import Foundation

/// Reads of the items inside alliances as one principal may see them: the one place partner visibility is
/// applied. Pages, the API, feeds and My actions read governance, obligations, trigger events, action items and
/// issues through this, never through the repositories directly, so a new page cannot forget the filter (the
/// partner leak test in `PartnerViewTests` renders every page and answer a partner reaches).
///
/// Internal users see everything. Partner users see the shared items only, and of those nothing that points into
/// what is internal: a shared action item does not name the meeting or decision of an internal body it came
/// from, and the trigger events they see are those their shared obligations depend on.
struct VisibleReads: Sendable {
    let store: Store
    let principal: Principal

    init(_ store: Store, _ principal: Principal) {
        self.store = store
        self.principal = principal
    }

    var seesInternal: Bool { principal.role.isInternal }

    private func shared<T>(_ items: [T], _ visibility: (T) -> Visibility) -> [T] {
        seesInternal ? items : items.filter { AccessPolicy.canSee(visibility($0), principal) }
    }

    // MARK: Governance

    func bodies(allianceID: UUID) async throws -> [GovernanceBody] {
        shared(try await store.governance.bodies(allianceID: allianceID), \.visibility)
    }

    func bodies(ids: [UUID]) async throws -> [GovernanceBody] {
        shared(try await store.governance.bodies(ids: ids), \.visibility)
    }

    func body(id: UUID) async throws -> GovernanceBody? {
        guard let body = try await store.governance.body(id: id), AccessPolicy.canSee(body.visibility, principal) else { return nil }
        return body
    }

    func body(id: UUID, in allianceID: UUID) async throws -> GovernanceBody? {
        guard let body = try await body(id: id), body.allianceID == allianceID else { return nil }
        return body
    }

    func meeting(id: UUID, in allianceID: UUID) async throws -> (GovernanceBody, Meeting)? {
        guard let meeting = try await store.governance.meeting(id: id), meeting.allianceID == allianceID,
            let body = try await body(id: meeting.bodyID)
        else { return nil }
        return (body, meeting)
    }

    func decision(id: UUID, in allianceID: UUID) async throws -> (GovernanceBody, Decision)? {
        guard let decision = try await store.governance.decision(id: id), decision.allianceID == allianceID,
            let body = try await body(id: decision.bodyID)
        else { return nil }
        return (body, decision)
    }

    /// Bodies below their cadence, as `GovernanceRepository.cadenceCandidates`, limited to visible bodies.
    func cadenceCandidates(allianceIDs: [UUID]?, from: LocalDate, through: LocalDate) async throws -> [(body: GovernanceBody, held: Int)] {
        shared(try await store.governance.cadenceCandidates(allianceIDs: allianceIDs, from: from, through: through)) { $0.body.visibility }
    }

    func actionItems(allianceID: UUID) async throws -> [ActionItem] {
        try await withoutHiddenSources(shared(try await store.governance.actionItems(allianceID: allianceID), \.visibility))
    }

    func actionItems(ownerID: UUID) async throws -> [ActionItem] {
        try await withoutHiddenSources(shared(try await store.governance.actionItems(ownerID: ownerID), \.visibility))
    }

    func overdueActionItems(allianceIDs: [UUID]?, before day: LocalDate) async throws -> [ActionItem] {
        try await withoutHiddenSources(
            shared(try await store.governance.overdueActionItems(allianceIDs: allianceIDs, before: day), \.visibility))
    }

    /// A shared item that came from a meeting or decision of an internal body keeps its text but not the link.
    private func withoutHiddenSources(_ items: [ActionItem]) async throws -> [ActionItem] {
        guard !seesInternal else { return items }
        var visibleBody: [UUID: Bool] = [:]
        func canSee(_ bodyID: UUID) async throws -> Bool {
            if let known = visibleBody[bodyID] { return known }
            let seen = try await body(id: bodyID) != nil
            visibleBody[bodyID] = seen
            return seen
        }
        var result: [ActionItem] = []
        for var item in items {
            if let id = item.meetingID {
                var keep = false
                if let bodyID = try await store.governance.meeting(id: id)?.bodyID { keep = try await canSee(bodyID) }
                if !keep { item.meetingID = nil }
            }
            if let id = item.decisionID {
                var keep = false
                if let bodyID = try await store.governance.decision(id: id)?.bodyID { keep = try await canSee(bodyID) }
                if !keep { item.decisionID = nil }
            }
            result.append(item)
        }
        return result
    }
}

extension Services {
    /// The reads of alliance items as `principal` may see them.
    func visible(_ principal: Principal) -> VisibleReads { VisibleReads(store, principal) }
}
