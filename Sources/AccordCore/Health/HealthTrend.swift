import AccordMemberwise
import Foundation

/// How a dimension moved across an alliance's waves, per side.
@Memberwise
public struct TrendPoint: Sendable, Equatable {
    public var wave: String
    public var ours: Double?
    public var partner: Double?
}

public enum HealthTrend {
    /// For each dimension key, its shown means wave by wave (oldest first).
    public static func series(_ waves: [(label: String, results: WaveResults)]) -> [String: [TrendPoint]] {
        var series: [String: [TrendPoint]] = [:]
        for wave in waves {
            for dimension in wave.results.dimensions {
                series[dimension.key, default: []].append(
                    TrendPoint(wave: wave.label, ours: dimension.ours.score?.mean, partner: dimension.partner.score?.mean))
            }
        }
        return series
    }

    /// The change in a dimension's mean on one side between two waves; nil when either was hidden.
    public static func movement(_ dimension: String, side: Side, from previous: WaveResults, to current: WaveResults) -> Double? {
        func value(_ results: WaveResults) -> Double? {
            guard let result = results.dimensions.first(where: { $0.key == dimension }) else { return nil }
            return (side == .ours ? result.ours : result.partner).score?.mean
        }
        guard let before = value(previous), let after = value(current) else { return nil }
        return after - before
    }
}

public enum TrendDirection: String, Labeled {
    case improving, steady, declining

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    public var arrow: String {
        switch self {
        case .improving: "▲"
        case .steady: "▶"
        case .declining: "▼"
        }
    }

    /// A move of less than 0.1 in the overall score is steady.
    public static func between(_ previous: Double?, _ current: Double?) -> TrendDirection? {
        guard let previous, let current else { return nil }
        if current - previous >= 0.1 { return .improving }
        if previous - current >= 0.1 { return .declining }
        return .steady
    }
}

/// An alliance's health as the portfolio shows it: the latest finished wave, its band, the direction since the
/// wave before, and each dimension's mean over the shown sides.
public struct HealthSnapshot: Sendable, Equatable {
    public var waveID: UUID
    public var waveTitle: String
    public var overall: Double?
    public var band: HealthBand?
    public var direction: TrendDirection?
    /// Dimension key to the mean of the shown sides' means (absent when neither side is shown).
    public var dimensions: [String: Double]
    /// Dimensions whose perception gap is flagged.
    public var gapFlagged: Set<String>
    /// The instrument's dimensions in order, as (key, name).
    public var dimensionNames: [DimensionName]

    public init(wave: HealthWave, results: WaveResults, previous: WaveResults?) {
        waveID = wave.id
        waveTitle = wave.title
        overall = results.overall
        band = results.band
        direction = TrendDirection.between(previous?.overall, results.overall)
        var dimensions: [String: Double] = [:]
        for dimension in results.dimensions {
            let means = [dimension.ours.score?.mean, dimension.partner.score?.mean].compactMap { $0 }
            if !means.isEmpty { dimensions[dimension.key] = means.reduce(0, +) / Double(means.count) }
        }
        self.dimensions = dimensions
        gapFlagged = Set(results.dimensions.filter(\.gapFlagged).map(\.key))
        dimensionNames = results.dimensions.map { DimensionName(key: $0.key, name: $0.name) }
    }
}

@Memberwise
public struct DimensionName: Sendable, Hashable {
    public var key: String
    public var name: String
}
