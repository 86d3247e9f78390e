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

    func openIssues(allianceIDs: [UUID]?) async throws -> [Issue] {
        principal.visible(try await repository.openIssues(allianceIDs: allianceIDs), \.visibility)
    }
}
