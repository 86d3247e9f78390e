import AccordCore
import Foundation
import Testing

@Suite struct HealthScoringTests {
    let instrument = DefaultInstrument.instrument

    /// Everyone gives the same score to every question.
    func people(_ side: Side, _ count: Int, score: Int, function: BusinessFunction = .research, comment: String? = nil)
        -> [RespondentScores]
    {
        (0..<count).map { i in
            RespondentScores(
                side: side, function: function, scores: Dictionary(uniqueKeysWithValues: instrument.questions.map { ($0.key, score) }),
                comments: comment.map { ["trust.intent": "\($0) \(i)"] } ?? [:])
        }
    }

    @Test func theDefaultInstrumentCoversTheDomainsDimensions() throws {
        try instrument.validate()
        #expect(instrument.dimensions.count == 10 && instrument.questions.count >= 20)
        #expect(instrument.questions.allSatisfy { $0.anchors.count == 5 })
        #expect(
            Set(instrument.dimensions.map(\.key)) == [
                "trust", "transparency", "commitment", "communication", "decisions", "conflict", "culture", "value", "operations",
                "governance",
            ])
    }

    @Test(arguments: [
        (4.2, HealthBand.strong), (4.19, .healthy), (3.6, .healthy), (3.0, .acceptable), (2.99, .atRisk), (2.4, .atRisk),
        (2.39, .significantConcern), (1.0, .significantConcern),
    ])
    func bandsFollowTheDocumentedThresholds(_ mean: Double, _ band: HealthBand) {
        #expect(HealthBand.of(mean) == band)
    }

    @Test func meansDistributionsAndGapsPerSide() {
        let results = HealthScoring.results(instrument, people(.ours, 3, score: 4) + people(.partner, 4, score: 2))
        let trust = results.dimensions[0]
        #expect(trust.ours.score == GroupScore(respondents: 3, mean: 4, distribution: [0, 0, 0, 6, 0]))
        #expect(trust.partner.score?.mean == 2 && trust.partner.respondents == 4)
        #expect(trust.gap == 2 && trust.gapFlagged && trust.needsAction)
        #expect(results.oursOverall == 4 && results.partnerOverall == 2 && results.overall == 3 && results.band == .acceptable)
    }

    @Test func groupsBelowTheMinimumAreHiddenAndLeftOutOfEveryTotal() {
        let results = HealthScoring.results(
            instrument, people(.ours, 5, score: 5, comment: "ours") + people(.partner, 2, score: 1, comment: "theirs"))
        #expect(results.dimensions.allSatisfy { $0.partner == .hidden(respondents: 2) && $0.gap == nil })
        #expect(results.overall == 5 && results.partnerOverall == nil)
        #expect(results.comments.count == 5 && results.comments.allSatisfy { $0.hasPrefix("ours") })
        let stricter = HealthScoring.results(instrument, people(.ours, 5, score: 5), settings: HealthSettings(minimumGroupSize: 6))
        #expect(stricter.overall == nil && stricter.band == nil)
    }

    @Test func aFunctionWithinASideFollowsTheSameRule() {
        let everyone = people(.ours, 3, score: 4, function: .clinical) + people(.ours, 2, score: 1, function: .legal)
        #expect(HealthScoring.results(instrument, everyone, function: .clinical).dimensions[0].ours.score?.mean == 4)
        #expect(HealthScoring.results(instrument, everyone, function: .legal).dimensions[0].ours == .hidden(respondents: 2))
    }

    @Test func smallGapsAndMiddlingScoresNeedNoAction() {
        let results = HealthScoring.results(instrument, people(.ours, 3, score: 4) + people(.partner, 3, score: 3))
        #expect(results.dimensions.allSatisfy { $0.gap == 1 && $0.gapFlagged })
        let close = HealthScoring.results(instrument, people(.ours, 3, score: 3) + people(.partner, 3, score: 3))
        #expect(close.dimensions.allSatisfy { !$0.gapFlagged && !$0.needsAction })
        let low = HealthScoring.results(instrument, people(.ours, 3, score: 2) + people(.partner, 3, score: 2))
        #expect(low.dimensions.allSatisfy { $0.needsAction && !$0.gapFlagged })
    }

    @Test func trendsAndMovementAcrossWaves() {
        let first = HealthScoring.results(instrument, people(.ours, 3, score: 2) + people(.partner, 3, score: 3))
        let second = HealthScoring.results(instrument, people(.ours, 3, score: 4) + people(.partner, 2, score: 5))
        let series = HealthTrend.series([("2025 H2", first), ("2026 H1", second)])
        #expect(series["trust"] == [TrendPoint(wave: "2025 H2", ours: 2, partner: 3), TrendPoint(wave: "2026 H1", ours: 4, partner: nil)])
        #expect(HealthTrend.movement("trust", side: .ours, from: first, to: second) == 2)
        #expect(HealthTrend.movement("trust", side: .partner, from: first, to: second) == nil)
    }
}

@Suite struct SurveySubmissionTests {
    let instrument = DefaultInstrument.instrument

    func complete(_ score: String = "4") -> [String: String] {
        Dictionary(uniqueKeysWithValues: instrument.questions.map { ($0.key, score) })
    }

    @Test func aCompleteSubmissionValidates() throws {
        let valid = try SurveySubmission(scores: complete(), comments: ["trust.intent": " Good "], openAnswers: ["More data"])
            .validate(against: instrument)
        #expect(valid.scores.count == instrument.questions.count && valid.comments == ["trust.intent": "Good"])
    }

    @Test func missingOutOfRangeAndUnknownAnswersNameTheQuestion() {
        var scores = complete()
        scores["trust.intent"] = nil
        scores["trust.commitments"] = "6"
        scores["value.delivery"] = "3.5"
        scores["made.up"] = "3"
        do {
            _ = try SurveySubmission(scores: scores).validate(against: instrument)
            Issue.record("expected errors")
        } catch {
            #expect(Set(error.fieldErrors.map(\.field)) == ["trust.intent", "trust.commitments", "value.delivery", "made.up"])
        }
    }

    @Test func overlongCommentsAndTooManyOpenAnswersAreRefused() {
        let long = String(repeating: "x", count: 2001)
        #expect(throws: DomainError.self) {
            try SurveySubmission(scores: complete(), comments: ["trust.intent": long]).validate(against: instrument)
        }
        #expect(throws: DomainError.self) {
            try SurveySubmission(scores: complete(), openAnswers: ["a", "b", "c"]).validate(against: instrument)
        }
    }

    @Test func instrumentsNeedFiveAnchorsAndUniqueKeys() {
        var broken = instrument
        broken.dimensions[0].questions[1].key = broken.dimensions[0].questions[0].key
        broken.dimensions[1].questions[0].anchors = ["only one"]
        do {
            try broken.validate()
            Issue.record("expected errors")
        } catch {
            #expect(error.fieldErrors.count == 2)
        }
    }
}
