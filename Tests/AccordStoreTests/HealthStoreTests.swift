import AccordCore
import AccordStore
import Foundation
import SQLKit
import Testing

@Suite struct HealthStoreTests {
    static let instrument = DefaultInstrument.instrument

    static func answers(_ score: Int, comment: String? = nil) throws -> SurveySubmission.Valid {
        try SurveySubmission(
            scores: Dictionary(uniqueKeysWithValues: instrument.questions.map { ($0.key, String(score)) }),
            comments: comment.map { ["trust.intent": $0] } ?? [:]
        ).validate(against: instrument)
    }

    /// An alliance with a wave of three invitees on our side and one on the partner's.
    static func wave(_ store: Store, opens: String = "2026-11-01", closes: String = "2026-11-30") async throws -> (HealthWave, [String]) {
        let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
        let partner = try await Fixtures.organization(store, "Norvik", kind: .partner)
        let alliance = try await store.alliances.create(try Fixtures.allianceInput("HX", partner: partner).validate(), by: Fixtures.actor)
        var invitees: [WaveInvitee] = []
        for i in 0..<4 {
            let person = try await Fixtures.person(store, i < 3 ? ours : partner, "Person \(i)", function: .clinical)
            invitees.append(WaveInvitee(personID: person.id, side: i < 3 ? .ours : .partner, function: .clinical, tokenHash: "token-\(i)"))
        }
        let (instrumentID, _) = try await store.health.currentInstrument(instrument, by: Fixtures.actor)
        let wave = try await store.health.createWave(
            allianceID: alliance.id, instrumentID: instrumentID,
            try WaveInput(title: "2026 H2", opensOn: opens, closesOn: closes).validate(), invitees: invitees, by: Fixtures.actor)
        return (wave, invitees.map(\.tokenHash))
    }

    @Test(arguments: TestDatabase.available)
    func answersAreStoredOnceAndWithoutThePerson(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (wave, tokens) = try await Self.wave(store)
            let today = LocalDate("2026-11-15")!
            try await store.health.saveDraft(tokenHash: tokens[0], draft: #"{"trust.intent":"4"}"#)
            #expect(try await store.health.invitation(tokenHash: tokens[0])?.draft == #"{"trust.intent":"4"}"#)
            for (i, token) in tokens.enumerated() {
                try await store.health.submit(tokenHash: token, try Self.answers(i < 3 ? 4 : 2, comment: "note \(i)"), today: today)
            }
            await #expect(throws: DomainError.self) {
                try await store.health.submit(tokenHash: tokens[0], try Self.answers(1), today: today)
            }
            await #expect(throws: DomainError.notFound("This survey link is not valid.")) {
                try await store.health.submit(tokenHash: "nope", try Self.answers(1), today: today)
            }
            #expect(try await store.health.invitation(tokenHash: tokens[0])?.submitted == true)
            let respondents = try await store.health.respondents(waveID: wave.id)
            #expect(respondents.count == 4 && respondents.filter { $0.side == .ours }.count == 3)
            let results = HealthScoring.results(Self.instrument, respondents)
            #expect(results.dimensions[0].ours.score?.mean == 4 && results.dimensions[0].partner == .hidden(respondents: 1))
            #expect(
                try await store.health.responseRates(waveID: wave.id) == [
                    ResponseRate(side: .ours, function: .clinical, invited: 3, answered: 3),
                    ResponseRate(side: .partner, function: .clinical, invited: 1, answered: 1),
                ])
            // Nothing ties a response to its invitation or person.
            let columns = try await store.database.read { db in
                try await db.raw("SELECT * FROM health_responses LIMIT 1").first()!.allColumns
            }
            #expect(Set(columns) == ["id", "wave_id", "side", "function"])
            let audit = try await store.audit.recent(limit: 1)[0]
            #expect(audit.change.entity == "health_response" && audit.actorID == nil && audit.change.after?.contains("person") == false)
            #expect(try await store.audit.verify().intact)
        }
    }

    @Test(arguments: TestDatabase.available)
    func closedWavesRefuseAnswersAndWriteNothing(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (wave, tokens) = try await Self.wave(store)
            await #expect(throws: DomainError.self) {
                try await store.health.submit(tokenHash: tokens[0], try Self.answers(3), today: LocalDate("2026-12-01")!)
            }
            await #expect(throws: DomainError.self) {
                try await store.health.submit(tokenHash: tokens[0], try Self.answers(3), today: LocalDate("2026-10-31")!)
            }
            #expect(try await store.health.respondents(waveID: wave.id).isEmpty)
            #expect(try await store.health.invitation(tokenHash: tokens[0])?.submitted == false)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theInstrumentIsStoredOnceAsVersionOne(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let first = try await store.health.currentInstrument(Self.instrument, by: Fixtures.actor)
            let again = try await store.health.currentInstrument(Self.instrument, by: Fixtures.actor)
            #expect(first.id == again.id && again.instrument == Self.instrument && again.instrument.version == 1)
        }
    }

    @Test func waveDatesAreValidated() {
        #expect(throws: DomainError.self) { try WaveInput(title: "W", opensOn: "2026-11-30", closesOn: "2026-11-01").validate() }
        #expect(throws: DomainError.self) { try WaveInput(title: "", opensOn: "", closesOn: "").validate() }
        #expect(
            HealthWave(
                id: UUID(), allianceID: UUID(), instrumentID: UUID(), title: "W", opensOn: LocalDate("2026-11-01")!,
                closesOn: LocalDate("2026-11-30")!, status: .open, createdAt: Date()
            ).acceptsAnswers(on: LocalDate("2026-11-30")!))
    }
}

@Suite struct HealthHistoryIsKeptTests {
    @Test(arguments: TestDatabase.available)
    func anAllianceWithHealthChecksCannotBeDeleted(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (wave, _) = try await HealthStoreTests.wave(store)
            let before = try await Fixtures.auditCount(store)
            await #expect(throws: DomainError.self) { try await store.alliances.delete(wave.allianceID, by: Fixtures.actor) }
            #expect(try await store.alliances.find(wave.allianceID) != nil)
            #expect(try await Fixtures.auditCount(store) == before)
        }
    }
}
