import Foundation

/// The health band of a mean score. Thresholds are documented in docs/HEALTH.md.
public enum HealthBand: String, Labeled {
    case strong, healthy, acceptable
    case atRisk = "at_risk"
    case significantConcern = "significant_concern"

    public var label: String {
        switch self {
        case .strong: "Strong"
        case .healthy: "Healthy"
        case .acceptable: "Acceptable"
        case .atRisk: "At risk"
        case .significantConcern: "Significant concern"
        }
    }

    /// Strong from 4.2, Healthy from 3.6, Acceptable from 3.0, At risk from 2.4, below that Significant concern.
    public static func of(_ mean: Double) -> HealthBand {
        switch mean {
        case 4.2...: .strong
        case 3.6..<4.2: .healthy
        case 3.0..<3.6: .acceptable
        case 2.4..<3.0: .atRisk
        default: .significantConcern
        }
    }
}

/// Settings that protect anonymity and decide what gets flagged.
public struct HealthSettings: Sendable, Equatable {
    /// A group's results appear only when at least this many people in it answered.
    public var minimumGroupSize: Int
    /// A perception gap at or above this is flagged.
    public var gapThreshold: Double
    /// A dimension mean at or below this needs an action.
    public var actionThreshold: Double

    public init(minimumGroupSize: Int = 3, gapThreshold: Double = 1.0, actionThreshold: Double = 2.0) {
        self.minimumGroupSize = minimumGroupSize
        self.gapThreshold = gapThreshold
        self.actionThreshold = actionThreshold
    }
}

/// One person's scored answers, with the group they count in. Never shown on its own.
public struct RespondentScores: Sendable, Equatable {
    public var side: Side
    public var function: BusinessFunction
    public var scores: [String: Int]
    public var comments: [String: String]

    public init(side: Side, function: BusinessFunction, scores: [String: Int], comments: [String: String] = [:]) {
        self.side = side
        self.function = function
        self.scores = scores
        self.comments = comments
    }
}

/// A group's score on one dimension: mean, how the scores spread over 1-5, and how many people answered.
public struct GroupScore: Sendable, Equatable {
    public var respondents: Int
    public var mean: Double
    /// Count of answers at scores 1, 2, 3, 4 and 5.
    public var distribution: [Int]

    public init(respondents: Int, mean: Double, distribution: [Int]) {
        self.respondents = respondents
        self.mean = mean
        self.distribution = distribution
    }
}

/// A group's result, or the fact that too few answered for it to be shown.
public enum GroupResult: Sendable, Equatable {
    case shown(GroupScore)
    case hidden(respondents: Int)

    public var score: GroupScore? {
        if case .shown(let score) = self { return score }
        return nil
    }

    public var respondents: Int {
        switch self {
        case .shown(let score): score.respondents
        case .hidden(let count): count
        }
    }
}

public struct DimensionResult: Sendable, Equatable {
    public var key: String
    public var name: String
    public var ours: GroupResult
    public var partner: GroupResult
    /// Our mean minus the partner's, when both sides are shown.
    public var gap: Double?
    public var gapFlagged: Bool
    /// A shown mean at or below the action threshold, or a flagged gap: the wave cannot be reviewed without an action.
    public var needsAction: Bool
}

public struct WaveResults: Sendable, Equatable {
    public var dimensions: [DimensionResult]
    public var oursOverall: Double?
    public var partnerOverall: Double?
    /// The mean of both sides' overall scores, from shown groups only.
    public var overall: Double?
    public var band: HealthBand?
    /// Comments from groups large enough to be shown, without names, in a fixed order.
    public var comments: [String]
}

/// Aggregates a wave's answers, keeping every group below the minimum size hidden.
public enum HealthScoring {
    public static func results(
        _ instrument: Instrument, _ respondents: [RespondentScores], settings: HealthSettings = HealthSettings(),
        function: BusinessFunction? = nil
    ) -> WaveResults {
        let pool = function.map { f in respondents.filter { $0.function == f } } ?? respondents
        let bySide = Dictionary(grouping: pool, by: \.side)
        let dimensions = instrument.dimensions.map { dimension -> DimensionResult in
            let keys = dimension.questions.map(\.key)
            let ours = group(bySide[.ours] ?? [], keys, settings)
            let partner = group(bySide[.partner] ?? [], keys, settings)
            var gap: Double?
            if let a = ours.score?.mean, let b = partner.score?.mean { gap = a - b }
            let flagged = gap.map { abs($0) >= settings.gapThreshold - 1e-9 } ?? false
            let low = [ours.score?.mean, partner.score?.mean].compactMap { $0 }.contains { $0 <= settings.actionThreshold + 1e-9 }
            return DimensionResult(
                key: dimension.key, name: dimension.name, ours: ours, partner: partner, gap: gap, gapFlagged: flagged,
                needsAction: flagged || low)
        }
        let oursOverall = mean(dimensions.compactMap { $0.ours.score?.mean })
        let partnerOverall = mean(dimensions.compactMap { $0.partner.score?.mean })
        let overall = mean([oursOverall, partnerOverall].compactMap { $0 })
        let shownSides = Set(Side.allCases.filter { (bySide[$0]?.count ?? 0) >= settings.minimumGroupSize })
        let comments = pool.filter { shownSides.contains($0.side) }.flatMap { $0.comments.values }.sorted()
        return WaveResults(
            dimensions: dimensions, oursOverall: oursOverall, partnerOverall: partnerOverall, overall: overall,
            band: overall.map(HealthBand.of), comments: comments)
    }

    static func group(_ people: [RespondentScores], _ keys: [String], _ settings: HealthSettings) -> GroupResult {
        let answered = people.filter { person in keys.contains { person.scores[$0] != nil } }
        guard answered.count >= settings.minimumGroupSize else { return .hidden(respondents: answered.count) }
        let scores = answered.flatMap { person in keys.compactMap { person.scores[$0] } }
        var distribution = [0, 0, 0, 0, 0]
        for score in scores where (1...5).contains(score) { distribution[score - 1] += 1 }
        return .shown(GroupScore(respondents: answered.count, mean: mean(scores.map(Double.init)) ?? 0, distribution: distribution))
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
