import AccordCore
import Foundation
import Testing

@Suite struct HealthActionTests {
    let instrument = DefaultInstrument.instrument
    let owner = UUID()

    func people(_ side: Side, _ count: Int, score: Int) -> [RespondentScores] {
        (0..<count).map { _ in
            RespondentScores(
                side: side, function: .clinical, scores: Dictionary(uniqueKeysWithValues: instrument.questions.map { ($0.key, score) }))
        }
    }

    func wave(closes: String = "2026-11-30", status: WaveStatus = .open) -> HealthWave {
        HealthWave(
            id: UUID(), allianceID: UUID(), instrumentID: UUID(), title: "W", opensOn: LocalDate("2026-11-01")!,
            closesOn: LocalDate(closes)!, status: status, createdAt: Date())
    }

    func action(_ dimension: String, _ status: ActionStatus = .planned) -> HealthAction {
        HealthAction(
            id: UUID(), waveID: UUID(), allianceID: UUID(), dimensionKey: dimension, title: "Do it", ownerID: owner,
            dueOn: LocalDate("2027-01-31")!, status: status, version: 1, createdAt: Date())
    }

    @Test func aWaveClosesItselfAfterItsCloseDate() {
        let open = wave()
        #expect(open.status(on: LocalDate("2026-11-30")!) == .open)
        #expect(open.status(on: LocalDate("2026-12-01")!) == .closed)
        #expect(wave(status: .reviewed).status(on: LocalDate("2026-12-01")!) == .reviewed)
    }

    @Test func actionsNameTheirFieldsWhenWrong() {
        let team: Set<UUID> = [owner]
        #expect(throws: DomainError.self) { try HealthActionInput().validate(instrument: instrument, team: team) }
        do {
            _ = try HealthActionInput(dimension: "nope", title: "", owner: UUID().uuidString, dueOn: "2027-02-30", status: "later")
                .validate(instrument: instrument, team: team)
            Issue.record("accepted bad input")
        } catch {
            #expect(Set(error.fieldErrors.map(\.field)) == ["dimension", "title", "ownerID", "dueOn", "status"])
        }
        let valid = try? HealthActionInput(dimension: "trust", title: "Reset norms", owner: owner.uuidString, dueOn: "2027-01-31")
            .validate(instrument: instrument, team: team)
        #expect(valid?.status == .planned && valid?.dimensionKey == "trust")
    }

    @Test func reviewNeedsAnActionForEveryFlaggedDimension() throws {
        // Ours 4, partner 2: every dimension has a gap of 2 and a partner mean of 2, so every one needs an action.
        let results = HealthScoring.results(instrument, people(.ours, 3, score: 4) + people(.partner, 3, score: 2))
        let closed = wave(status: .closed)
        let today = LocalDate("2026-12-05")!
        #expect(throws: DomainError.self) { try HealthReview.checkReviewable(wave(), today: LocalDate("2026-11-10")!, results, []) }
        let partial = instrument.dimensions.dropFirst().map { action($0.key) }
        #expect(HealthReview.missingActions(results, partial).map(\.key) == ["trust"])
        #expect(throws: DomainError.self) { try HealthReview.checkReviewable(closed, today: today, results, partial) }
        #expect(throws: DomainError.self) {
            try HealthReview.checkReviewable(closed, today: today, results, partial + [action("trust", .dropped)])
        }
        try HealthReview.checkReviewable(closed, today: today, results, partial + [action("trust", .done)])
        // A wave where nothing is flagged can be reviewed without actions, also once it closed itself.
        let calm = HealthScoring.results(instrument, people(.ours, 3, score: 4) + people(.partner, 3, score: 4))
        try HealthReview.checkReviewable(wave(), today: today, calm, [])
    }

    @Test func theNextWaveShowsHowAnActionsDimensionMoved() {
        let before = HealthScoring.results(instrument, people(.ours, 3, score: 4) + people(.partner, 3, score: 2))
        let after = HealthScoring.results(instrument, people(.ours, 3, score: 4) + people(.partner, 3, score: 3))
        let followUp = HealthReview.followUp([action("trust")], previous: before, current: after)
        #expect(followUp.count == 1 && followUp[0].ours == 0 && followUp[0].partner == 1)
        #expect(TrendDirection.between(before.overall, after.overall) == .improving)
        #expect(TrendDirection.between(3.0, 3.05) == .steady && TrendDirection.between(3.0, 2.8) == .declining)
        #expect(TrendDirection.between(nil, 3.0) == nil)
    }

    @Test func tallyCountsGiveTheSameResultsAsAnswerSheets() {
        let sheets = people(.ours, 3, score: 4) + people(.partner, 2, score: 1) + people(.partner, 2, score: 5)
        var tally = WaveTally()
        tally.respondents[RespondentGroup(side: .ours, function: .clinical)] = 3
        tally.respondents[RespondentGroup(side: .partner, function: .clinical)] = 4
        for question in instrument.questions {
            tally.add(RespondentGroup(side: .ours, function: .clinical), question: question.key, score: 4, count: 3)
            tally.add(RespondentGroup(side: .partner, function: .clinical), question: question.key, score: 1, count: 2)
            tally.add(RespondentGroup(side: .partner, function: .clinical), question: question.key, score: 5, count: 2)
        }
        #expect(HealthScoring.results(instrument, tally) == HealthScoring.results(instrument, sheets))
        let snapshot = HealthSnapshot(wave: wave(), results: HealthScoring.results(instrument, tally), previous: nil)
        #expect(snapshot.dimensions["trust"] == 3.5 && snapshot.band == .acceptable && snapshot.direction == nil)
    }

    @Test func theCSVExportCarriesAggregatesOnly() {
        let results = HealthScoring.results(instrument, people(.ours, 3, score: 4) + people(.partner, 2, score: 1))
        let csv = HealthExport.csv(wave: "=HYPERLINK(\"x\")", scopes: [("All functions", results)])
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines[0] == HealthExport.header.joined(separator: ","))
        #expect(lines.count == 1 + instrument.dimensions.count * 2)
        #expect(lines[1].hasPrefix("\"'=HYPERLINK(\"\"x\"\")\",All functions,Trust,Our company,yes,3,4.00,0,0,0,6,0"))
        #expect(lines[2].contains(",Trust,Partner,no,,,,,,,,"))
    }

    @Test func instrumentsCheckKeysNamesAndOpenQuestions() {
        var bad = instrument
        bad.key = "Not A Key"
        bad.name = ""
        bad.openQuestions = [""]
        do {
            try bad.validate()
            Issue.record("accepted a bad instrument")
        } catch {
            #expect(Set(error.fieldErrors.map(\.field)).isSuperset(of: ["key", "name", "openQuestions"]))
        }
    }
}
