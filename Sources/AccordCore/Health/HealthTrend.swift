import Foundation

/// How a dimension moved across an alliance's waves, per side.
public struct TrendPoint: Sendable, Equatable {
    public var wave: String
    public var ours: Double?
    public var partner: Double?

    public init(wave: String, ours: Double?, partner: Double?) {
        self.wave = wave
        self.ours = ours
        self.partner = partner
    }
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
