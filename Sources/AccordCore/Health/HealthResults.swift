import AccordMemberwise
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
@Memberwise
public struct HealthSettings: Sendable, Equatable {
    /// A group's results appear only when at least this many people in it answered.
    public var minimumGroupSize: Int = 3
    /// A perception gap at or above this is flagged.
    public var gapThreshold: Double = 1.0
    /// A dimension mean at or below this needs an action.
    public var actionThreshold: Double = 2.0
}

/// One person's scored answers, with the group they count in. Never shown on its own.
@Memberwise
public struct RespondentScores: Sendable, Equatable {
    public var side: Side
    public var function: BusinessFunction
    public var scores: [String: Int]
    public var comments: [String: String] = [:]
}

/// A group's score on one dimension: mean, how the scores spread over 1-5, and how many people answered.
@Memberwise
public struct GroupScore: Sendable, Equatable {
    public var respondents: Int
    public var mean: Double
    /// Count of answers at scores 1, 2, 3, 4 and 5.
    public var distribution: [Int]
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

/// A side, or a function within a side: the groups anonymity is judged on. A nil function is a whole side
/// counted without its functions (enough for trends and the portfolio).
@Memberwise
public struct RespondentGroup: Sendable, Hashable {
    public var side: Side
    public var function: BusinessFunction?
}

/// A wave's answers counted per group and question, the only form in which results are computed.
/// Stores sum them in SQL; no individual's answers survive into a tally.
@Memberwise
public struct WaveTally: Sendable, Equatable {
    /// People who submitted, per group.
    public var respondents: [RespondentGroup: Int] = [:]
    /// For each group and question key, how many gave scores 1, 2, 3, 4 and 5.
    public var distributions: [RespondentGroup: [String: [Int]]] = [:]
    /// Comments and open answers per group; shown only for groups large enough to be shown.
    public var comments: [RespondentGroup: [String]] = [:]

    /// Counts individual answer sheets (used by tests and small callers).
    public init(_ people: [RespondentScores]) {
        self.init()
        for person in people {
            let group = RespondentGroup(side: person.side, function: person.function)
            respondents[group, default: 0] += 1
            for (key, score) in person.scores where (1...5).contains(score) {
                distributions[group, default: [:]][key, default: [0, 0, 0, 0, 0]][score - 1] += 1
            }
            comments[group, default: []].append(contentsOf: person.comments.values)
        }
    }

    /// Adds `count` answers of `score` to a question for a group.
    public mutating func add(_ group: RespondentGroup, question: String, score: Int, count: Int) {
        guard (1...5).contains(score) else { return }
        distributions[group, default: [:]][question, default: [0, 0, 0, 0, 0]][score - 1] += count
    }

    /// Adds a question's counts at scores 1 to 5 for a group.
    public mutating func add(_ group: RespondentGroup, question: String, counts: [Int]) {
        for (index, count) in counts.prefix(5).enumerated() { add(group, question: question, score: index + 1, count: count) }
    }

    /// The groups matching a side and, when given, a function.
    func groups(_ side: Side, _ function: BusinessFunction?) -> [RespondentGroup] {
        Set(respondents.keys).union(distributions.keys).filter { $0.side == side && (function == nil || $0.function == function) }
            .sorted { ($0.function?.rawValue ?? "") < ($1.function?.rawValue ?? "") }
    }

    /// How many people answered on a side (optionally within one function).
    public func answered(_ side: Side, function: BusinessFunction? = nil) -> Int {
        groups(side, function).map { respondents[$0] ?? 0 }.reduce(0, +)
    }
}

/// Aggregates a wave's answers, keeping every group below the minimum size hidden.
public enum HealthScoring {
    public static func results(
        _ instrument: Instrument, _ respondents: [RespondentScores], settings: HealthSettings = HealthSettings(),
        function: BusinessFunction? = nil
    ) -> WaveResults {
        results(instrument, WaveTally(respondents), settings: settings, function: function)
    }

    public static func results(
        _ instrument: Instrument, _ tally: WaveTally, settings: HealthSettings = HealthSettings(), function: BusinessFunction? = nil
    ) -> WaveResults {
        let dimensions = instrument.dimensions.map { dimension -> DimensionResult in
            let keys = dimension.questions.map(\.key)
            let ours = group(tally, .ours, function, keys, settings)
            let partner = group(tally, .partner, function, keys, settings)
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
        let shownSides = Side.allCases.filter { tally.answered($0, function: function) >= settings.minimumGroupSize }
        let comments = shownSides.flatMap { side in tally.groups(side, function).flatMap { tally.comments[$0] ?? [] } }.sorted()
        return WaveResults(
            dimensions: dimensions, oursOverall: oursOverall, partnerOverall: partnerOverall, overall: overall,
            band: overall.map(HealthBand.of), comments: comments)
    }

    /// A side's (or a side's function's) score on a set of questions. The number who answered is the most
    /// answers any one question got: every submission answers every question, so that is the number of people.
    static func group(
        _ tally: WaveTally, _ side: Side, _ function: BusinessFunction?, _ keys: [String], _ settings: HealthSettings
    ) -> GroupResult {
        var distribution = [0, 0, 0, 0, 0]
        var answered = 0
        for group in tally.groups(side, function) {
            let byQuestion = tally.distributions[group] ?? [:]
            var most = 0
            for key in keys {
                let counts = byQuestion[key] ?? [0, 0, 0, 0, 0]
                for index in 0..<5 { distribution[index] += counts[index] }
                most = max(most, counts.reduce(0, +))
            }
            answered += most
        }
        guard answered >= settings.minimumGroupSize else { return .hidden(respondents: answered) }
        let total = distribution.reduce(0, +)
        let sum = distribution.enumerated().map { ($0.offset + 1) * $0.element }.reduce(0, +)
        return .shown(GroupScore(respondents: answered, mean: total == 0 ? 0 : Double(sum) / Double(total), distribution: distribution))
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
