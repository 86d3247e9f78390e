import AccordCore
import AccordStore
import Foundation
import Testing

/// Phase changes and playbooks in the store: one pending change at a time, completion moves the alliance and the
/// accepted team and seat changes together with their audit rows, playbook edits are versioned.
@Suite struct LifecycleStoreTests {
    @Test(arguments: TestDatabase.available)
    func completingAChangeMovesTheAllianceAndAppliesTheAcceptedProposalsInOneTransaction(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
            let partner = try await Fixtures.organization(store, "Norvik", kind: .partner)
            let alliance = try await store.alliances.create(
                try Fixtures.allianceInput("HX", partner: partner).validate(), by: Fixtures.actor)
            let researcher = try await Fixtures.person(store, ours, "Rita Research")
            let seller = try await Fixtures.person(store, ours, "Cal Commercial", function: .commercial)
            let member = try await store.alliances.addMember(
                alliance.id, personID: researcher.id, side: .ours, role: .member, by: Fixtures.actor)
            let jsc = try await store.governance.createBody(
                allianceID: alliance.id, try GovernanceStoreTests.valid("JSC"), by: Fixtures.actor)
            let seat = try await store.governance.addMember(jsc.id, personID: researcher.id, side: .ours, role: .member, by: Fixtures.actor)
            let playbook = try await store.playbooks.playbook(.coDevelopment)
            let valid = try LifecycleChangeInput(toPhase: "commercialization", effectiveOn: "2026-12-01", reason: "Approved in the EU")
                .validate(alliance, playbook: playbook)
            let change = try await store.lifecycle.propose(alliance, valid, by: Fixtures.actor)
            #expect(change.status == .pending && change.checklist.count == playbook.checklist(.phase(.commercialization)).count)
            await #expect(throws: DomainError.self) { try await store.lifecycle.propose(alliance, valid, by: Fixtures.actor) }
            #expect(try await store.lifecycle.pending(allianceIDs: [alliance.id]).map(\.id) == [change.id])
            #expect(try await store.lifecycle.pending(allianceIDs: []).isEmpty)

            let proposals = [
                TeamProposal(
                    key: "leave_team", action: .leaveTeam, personID: researcher.id, personName: researcher.name, side: .ours,
                    function: .research, membershipID: member.id, needsTeamJoin: false, reason: ""),
                TeamProposal(
                    key: "leave_body", action: .leaveBody, personID: researcher.id, personName: researcher.name, side: .ours,
                    function: .research, bodyID: jsc.id, bodyName: "JSC", bodyMemberID: seat.id, needsTeamJoin: false, reason: ""),
                TeamProposal(
                    key: "join_team", action: .joinTeam, personID: seller.id, personName: seller.name, side: .ours, function: .commercial,
                    needsTeamJoin: false, reason: ""),
                TeamProposal(
                    key: "join_body", action: .joinBody, personID: seller.id, personName: seller.name, side: .ours, function: .commercial,
                    bodyID: jsc.id, bodyName: "JSC", needsTeamJoin: true, reason: ""),
            ]
            let settled = change.checklist.map { item in ChecklistItem(gate: item.gate, text: item.text, done: true) }
            let before = try await Fixtures.auditCount(store)
            let done = try await store.lifecycle.complete(change.id, checklist: settled, accepted: proposals, by: Fixtures.actor)
            #expect(done.status == .completed && done.decidedBy == Fixtures.actor.name && done.decidedAt != nil)
            // alliance, 2 leaves, 2 joins, the change itself
            #expect(try await Fixtures.auditCount(store) == before + 6)
            let moved = try await store.alliances.find(alliance.id)
            #expect(moved?.phase == .commercialization && moved?.version == alliance.version + 1)
            #expect(try await store.alliances.members(of: alliance.id).map(\.personID) == [seller.id])
            #expect(try await store.governance.members(bodyIDs: [jsc.id])[jsc.id]?.map(\.personID) == [seller.id])
            let history = try await store.lifecycle.changes(allianceID: alliance.id)
            #expect(history.first?.checklist.allSatisfy(\.done) == true && history.first?.fromPhase == .development)
            await #expect(throws: DomainError.self) {
                try await store.lifecycle.complete(change.id, checklist: settled, accepted: [], by: Fixtures.actor)
            }
            await #expect(throws: DomainError.self) { try await store.lifecycle.cancel(change.id, by: Fixtures.actor) }
            // A stale proposal rolls everything back.
            let next = try await store.lifecycle.propose(
                moved!,
                try LifecycleChangeInput(
                    toPhase: "commercialization", toTransition: "wind_down", effectiveOn: "2027-01-01", reason: "Sunset"
                )
                .validate(moved!, playbook: playbook), by: Fixtures.actor)
            let count = try await Fixtures.auditCount(store)
            await #expect(throws: DomainError.self) {
                try await store.lifecycle.complete(next.id, checklist: [], accepted: [proposals[0]], by: Fixtures.actor)
            }
            #expect(try await Fixtures.auditCount(store) == count)
            #expect(try await store.alliances.find(alliance.id)?.transition == nil)
            #expect(try await store.lifecycle.cancel(next.id, by: Fixtures.actor).status == .cancelled)
            #expect(try await store.lifecycle.changes(allianceID: alliance.id).map(\.status) == [.cancelled, .completed])
            // The alliance's own edit cannot move the phase; deleting it is refused now it has phase history.
            var edit = AllianceInput(moved!)
            edit.phase = "initiation"
            let refused = await #expect(throws: DomainError.self) {
                try await store.alliances.update(alliance.id, try edit.validate(), expectedVersion: nil, by: Fixtures.actor)
            }
            #expect(refused?.fieldErrors.map(\.field) == ["phase"])
            await #expect(throws: DomainError.self) { try await store.alliances.delete(alliance.id, by: Fixtures.actor) }
        }
    }

    @Test(arguments: TestDatabase.available)
    func playbooksStartAsShippedAndKeepVersionedEdits(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            #expect(try await store.playbooks.playbook(.qualityAgreement) == DefaultPlaybooks.playbook(.qualityAgreement))
            var edited = DefaultPlaybooks.playbook(.qualityAgreement)
            edited.cells[.commercialization]?[.finance] = .accountable
            edited.checklists[.transition(.exit)] = ["Quality records archived"]
            let before = try await Fixtures.auditCount(store)
            let saved = try await store.playbooks.save(edited, expectedVersion: 0, by: Fixtures.actor)
            #expect(saved.version == 1 && !saved.isDefault)
            #expect(try await Fixtures.auditCount(store) == before + 1)
            let read = try await store.playbooks.playbook(.qualityAgreement)
            #expect(
                read.involvement(.commercialization, .finance) == .accountable
                    && read.checklist(.transition(.exit)) == ["Quality records archived"])
            await #expect(throws: DomainError.self) { try await store.playbooks.save(edited, expectedVersion: 0, by: Fixtures.actor) }
            #expect(try await store.playbooks.save(edited, expectedVersion: 1, by: Fixtures.actor).version == 2)
            #expect(try await store.playbooks.playbook(.distribution).isDefault)
        }
    }
}
