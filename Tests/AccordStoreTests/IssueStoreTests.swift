import AccordCore
import AccordStore
import Foundation
import Testing

/// The issue log in the store: owners must be on the team, every change is audited, the ladder is kept.
@Suite struct IssueStoreTests {
    @Test(arguments: TestDatabase.available)
    func issuesKeepTheirLadderAndAuditEveryChange(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
            let partner = try await Fixtures.organization(store, "Norvik", kind: .partner)
            let alliance = try await store.alliances.create(
                try Fixtures.allianceInput("HX", partner: partner).validate(), by: Fixtures.actor)
            let owner = try await Fixtures.person(store, ours, "Olivia Owner")
            let outsider = try await Fixtures.person(store, ours, "Oscar Outsider")
            _ = try await store.alliances.addMember(alliance.id, personID: owner.id, side: .ours, role: .member, by: Fixtures.actor)
            let day = LocalDate("2026-11-01")!
            let before = try await Fixtures.auditCount(store)
            let stranger = IssueInput.Valid(title: "Late data", details: nil, severity: .high, ownerID: outsider.id, visibility: .shared)
            let refused = await #expect(throws: DomainError.self) {
                try await store.issues.create(allianceID: alliance.id, stranger, raisedOn: day, by: Fixtures.actor)
            }
            #expect(refused?.fieldErrors.map(\.field) == ["ownerID"])
            #expect(try await Fixtures.auditCount(store) == before)

            var valid = stranger
            valid.ownerID = owner.id
            let issue = try await store.issues.create(allianceID: alliance.id, valid, raisedOn: day, by: Fixtures.actor)
            #expect(issue.level == .workingTeam && issue.steps.first?.by == Fixtures.actor.name)
            let up = try await store.issues.move(issue.id, by: Fixtures.actor) {
                try IssueFlow.escalate($0, note: "Stuck", today: day.adding(days: 16), by: "Dana")
            }
            #expect(up.version == 2 && up.level == .allianceManagers)
            let read = try #require(try await store.issues.issue(id: issue.id))
            #expect(read == up)
            // The clock follows the ladder: the level and the day it was reached, without reading the steps.
            let clocks = try await store.issues.openIssueClocks(allianceIDs: [alliance.id], sharedOnly: true)
            #expect(clocks == [up.clock] && clocks.first?.since == day.adding(days: 16) && clocks.first?.level == .allianceManagers)
            #expect(try await store.issues.openIssueClocks(allianceIDs: [], sharedOnly: false).isEmpty)
            #expect(try await store.issues.issues(ids: [issue.id, UUID()]) == [up])

            valid.severity = .critical
            await #expect(throws: DomainError.self) {
                try await store.issues.update(issue.id, valid, expectedVersion: 1, by: Fixtures.actor)
            }
            let edited = try await store.issues.update(issue.id, valid, expectedVersion: 2, by: Fixtures.actor)
            #expect(edited.severity == .critical && edited.steps == up.steps)
            let resolved = try await store.issues.move(issue.id, by: Fixtures.actor) {
                try IssueFlow.resolve($0, resolution: "Agreed", today: day.adding(days: 20))
            }
            #expect(resolved.status == .resolved)
            #expect(try await store.issues.openIssueClocks(allianceIDs: nil, sharedOnly: false).isEmpty)
            await #expect(throws: DomainError.self) {
                try await store.issues.move(issue.id, by: Fixtures.actor) { try IssueFlow.resolve($0, resolution: "Again", today: day) }
            }
            #expect(try await Fixtures.auditCount(store) == before + 4)
            // The owner and the alliance keep the issue: neither can be deleted.
            try await store.alliances.removeMember(
                try await store.alliances.members(of: alliance.id).first { $0.personID == owner.id }!.id, from: alliance.id,
                by: Fixtures.actor)
            await #expect(throws: DomainError.self) { try await store.people.delete(owner.id, by: Fixtures.actor) }
            await #expect(throws: DomainError.self) { try await store.alliances.delete(alliance.id, by: Fixtures.actor) }
        }
    }
}
