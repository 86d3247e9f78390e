import AccordCore
import AccordStore
import Foundation

/// Issues as one principal may see them: the only way pages, the API and late work read the issue log. Internal
/// users see every issue; partner users the shared ones.
struct IssueReads: Sendable {
    let repository: any IssueRepository
    let principal: Principal

    func issues(allianceID: UUID) async throws -> [Issue] {
        principal.visible(try await repository.issues(allianceID: allianceID), \.visibility)
    }

    func issue(id: UUID, in allianceID: UUID) async throws -> Issue? {
        guard let issue = try await repository.issue(id: id), issue.allianceID == allianceID,
            AccessPolicy.canSee(issue.visibility, principal)
        else { return nil }
        return issue
    }

    /// Where each visible open issue stands on the ladder (the query reads shared ones only for partner users).
    func openIssueClocks(allianceIDs: [UUID]?) async throws -> [IssueClock] {
        try await repository.openIssueClocks(allianceIDs: allianceIDs, sharedOnly: AccessPolicy.seesSharedOnly(principal))
    }

    /// These issues, those the principal may see, in the order of `ids`.
    func issues(ids: [UUID]) async throws -> [Issue] {
        let found = Dictionary(
            principal.visible(try await repository.issues(ids: ids), \.visibility).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { found[$0] }
    }
}
