import AccordCore
import AccordStore
import Foundation
import SQLKit
import Testing

/// Instrument versions, counts in SQL, actions and the portfolio queries, on SQLite and PostgreSQL.
@Suite struct HealthPlanStoreTests {
    @Test(arguments: TestDatabase.available)
    func editingAUsedInstrumentMakesANewVersionAndOldWavesKeepTheirs(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            var draft = DefaultInstrument.instrument
            draft.key = "short-check"
            draft.name = "Short check"
            draft.dimensions = Array(draft.dimensions.prefix(2))
            let first = try await store.health.saveInstrument(draft, by: Fixtures.actor)
            #expect(first.instrument.version == 1)
            draft.name = "Short check (edited before use)"
            let inPlace = try await store.health.saveInstrument(draft, by: Fixtures.actor)
            #expect(inPlace.id == first.id && inPlace.instrument.version == 1)

            let (wave, _) = try await HealthStoreTests.wave(store)
            try await store.database.write(by: Fixtures.actor) { tx in
                try await tx.db.raw(
                    "UPDATE health_waves SET instrument_id = \(bind: first.id.uuidString) WHERE id = \(bind: wave.id.uuidString)"
                )
                .run()
            }
            draft.dimensions = Array(DefaultInstrument.instrument.dimensions.prefix(3))
            let second = try await store.health.saveInstrument(draft, by: Fixtures.actor)
            #expect(second.id != first.id && second.instrument.version == 2)
            #expect(try await store.health.instrument(id: first.id)?.dimensions.count == 2)
            #expect(try await store.health.instrument(id: second.id)?.dimensions.count == 3)
            let versions = try await store.health.instrumentVersions().filter { $0.instrument.key == "short-check" }
            #expect(versions.map(\.instrument.version) == [2, 1] && versions.map(\.waves) == [0, 1])

            var broken = draft
            broken.dimensions[0].questions[0].anchors = ["only one"]
            let before = try await Fixtures.auditCount(store)
            await #expect(throws: DomainError.self) { try await store.health.saveInstrument(broken, by: Fixtures.actor) }
            #expect(try await Fixtures.auditCount(store) == before)
        }
    }

    @Test(arguments: TestDatabase.available)
    func countsInSQLMatchTheAnswerSheetsAndKeepComments(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (wave, tokens) = try await HealthStoreTests.wave(store)
            for (i, token) in tokens.enumerated() {
                try await store.health.submit(
                    tokenHash: token, try HealthStoreTests.answers(i < 3 ? 4 : 2, comment: "note \(i)"), today: LocalDate("2026-11-15")!)
            }
            let tally = try await store.health.tally(waveID: wave.id)
            let instrument = DefaultInstrument.instrument
            let fromSheets = HealthScoring.results(instrument, try await store.health.respondents(waveID: wave.id))
            let fromCounts = HealthScoring.results(instrument, tally)
            #expect(fromCounts.dimensions == fromSheets.dimensions && fromCounts.overall == fromSheets.overall)
            #expect(fromCounts.comments == ["note 0", "note 1", "note 2"])  // the partner's single answer stays hidden
            let bySide = try await store.health.tallies(waveIDs: [wave.id], byFunction: false)[wave.id]!
            #expect(HealthScoring.results(instrument, bySide).dimensions == fromSheets.dimensions)
            #expect(
                bySide.respondents == [RespondentGroup(side: .ours, function: nil): 3, RespondentGroup(side: .partner, function: nil): 1])
            #expect(try await store.health.tallies(waveIDs: [wave.id], byFunction: true)[wave.id]?.respondents == tally.respondents)
            #expect(try await store.health.tallies(waveIDs: [], byFunction: true).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func actionsAreAuditedAndRefuseStaleVersions(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (wave, _) = try await HealthStoreTests.wave(store)
            let owner = try await store.people.list(organizationID: nil, text: nil, page: 1, perPage: 1).items[0]
            let valid = HealthActionInput.Valid(
                dimensionKey: "trust", title: "Reset norms", ownerID: owner.id, dueOn: LocalDate("2027-01-31")!, status: .planned)
            let before = try await Fixtures.auditCount(store)
            let action = try await store.health.createAction(wave, valid, by: Fixtures.actor)
            var changed = valid
            changed.status = .done
            let updated = try await store.health.updateAction(action.id, changed, expectedVersion: 1, by: Fixtures.actor)
            #expect(updated.version == 2 && updated.status == .done)
            await #expect(throws: DomainError.self) {
                try await store.health.updateAction(action.id, valid, expectedVersion: 1, by: Fixtures.actor)
            }
            #expect(try await store.health.actions(waveIDs: [wave.id]) == [updated])
            #expect(try await Fixtures.auditCount(store) == before + 2)
            let audit = try await store.audit.recent(limit: 1)[0]
            #expect(audit.change.entity == "health_action" && audit.change.allianceID == wave.allianceID)
        }
    }

    @Test(arguments: TestDatabase.available)
    func finishedWavesAreTheOnesNoLongerTakingAnswers(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (wave, _) = try await HealthStoreTests.wave(store)
            let during = LocalDate("2026-11-15")!
            #expect(try await store.health.finishedWaves(allianceIDs: [wave.allianceID], today: during, limit: 2).isEmpty)
            #expect(try await store.health.alliancesWithResults(today: during, page: 1, perPage: 10).total == 0)
            let after = LocalDate("2026-12-01")!
            #expect(
                try await store.health.finishedWaves(allianceIDs: [wave.allianceID], today: after, limit: 2)[wave.allianceID]?.map(\.id)
                    == [wave.id])
            try await store.health.setStatus(wave.id, .closed, by: Fixtures.actor)
            let page = try await store.health.alliancesWithResults(today: during, page: 1, perPage: 10)
            #expect(page.items == [wave.allianceID] && page.total == 1)
        }
    }
}
