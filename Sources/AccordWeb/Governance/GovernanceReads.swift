import AccordCore
import AccordStore
import Foundation

/// Governance as one principal may see it: the only way pages, the API, the calendar feed, My actions and late work
/// read bodies, meetings, decisions and action items. Internal users see everything. Partner users see shared bodies
/// (with their meetings and decisions) and shared action items, and of those nothing that points into what is
/// internal: a shared action item does not name the meeting or decision of an internal body it came from.
struct GovernanceReads: Sendable {
    let repository: any GovernanceRepository
    let principal: Principal

    func bodies(allianceID: UUID) async throws -> [GovernanceBody] {
        principal.visible(try await repository.bodies(allianceID: allianceID), \.visibility)
    }

    func bodies(ids: [UUID]) async throws -> [GovernanceBody] {
        principal.visible(try await repository.bodies(ids: ids), \.visibility)
    }

    func body(id: UUID) async throws -> GovernanceBody? {
        guard let body = try await repository.body(id: id), AccessPolicy.canSee(body.visibility, principal) else { return nil }
        return body
    }

    func body(id: UUID, in allianceID: UUID) async throws -> GovernanceBody? {
        guard let body = try await body(id: id), body.allianceID == allianceID else { return nil }
        return body
    }

    func meeting(id: UUID, in allianceID: UUID) async throws -> (GovernanceBody, Meeting)? {
        guard let meeting = try await repository.meeting(id: id), meeting.allianceID == allianceID,
            let body = try await body(id: meeting.bodyID)
        else { return nil }
        return (body, meeting)
    }

    func decision(id: UUID, in allianceID: UUID) async throws -> (GovernanceBody, Decision)? {
        guard let decision = try await repository.decision(id: id), decision.allianceID == allianceID,
            let body = try await body(id: decision.bodyID)
        else { return nil }
        return (body, decision)
    }

    /// Bodies below their cadence, as `GovernanceRepository.cadenceCandidates`, of the visible bodies.
    func cadenceCandidates(allianceIDs: [UUID]?, from: LocalDate, through: LocalDate) async throws -> [CadenceCandidate] {
        try await repository.cadenceCandidates(allianceIDs: allianceIDs, from: from, through: through, sharedOnly: sharedOnly)
    }

    /// Escalations past their deadline, as `GovernanceRepository.overdueEscalations`, of the visible bodies.
    func overdueEscalations(allianceIDs: [UUID]?, on day: LocalDate, limit: Int?) async throws -> Page<Decision> {
        try await repository.overdueEscalations(allianceIDs: allianceIDs, on: day, sharedOnly: sharedOnly, limit: limit)
    }

    /// Partner users read shared records only, and the queries say so.
    private var sharedOnly: Bool { AccessPolicy.seesSharedOnly(principal) }

    func actionItems(allianceID: UUID) async throws -> [ActionItem] {
        try await withoutHiddenSources(principal.visible(try await repository.actionItems(allianceID: allianceID), \.visibility))
    }

    func actionItems(ownerID: UUID) async throws -> [ActionItem] {
        try await withoutHiddenSources(principal.visible(try await repository.actionItems(ownerID: ownerID), \.visibility))
    }

    func overdueActionItems(allianceIDs: [UUID]?, before day: LocalDate, limit: Int?) async throws -> Page<ActionItem> {
        var page = try await repository.overdueActionItems(allianceIDs: allianceIDs, before: day, sharedOnly: sharedOnly, limit: limit)
        page.items = try await withoutHiddenSources(page.items)
        return page
    }

    /// A shared item that came from a meeting or decision of an internal body keeps its text but not the link.
    private func withoutHiddenSources(_ items: [ActionItem]) async throws -> [ActionItem] {
        guard AccessPolicy.seesSharedOnly(principal) else { return items }
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
                if let bodyID = try await repository.meeting(id: id)?.bodyID { keep = try await canSee(bodyID) }
                if !keep { item.meetingID = nil }
            }
            if let id = item.decisionID {
                var keep = false
                if let bodyID = try await repository.decision(id: id)?.bodyID { keep = try await canSee(bodyID) }
                if !keep { item.decisionID = nil }
            }
            result.append(item)
        }
        return result
    }
}
