import Foundation

/// The relationship map of one alliance: pairs by level, and where a level or a needed function has no pair.
public struct RelationshipMap: Sendable, Equatable {
    public var pairs: [CounterpartPair]
    /// Levels with no pair.
    public var levelGaps: [Level]
    /// Functions the current phase needs (playbook: responsible or accountable) with no pair.
    public var functionGaps: [BusinessFunction]

    public init(pairs: [CounterpartPair], playbook: Playbook, phase: LifecyclePhase) {
        self.pairs = pairs.sorted(by: Self.order)
        levelGaps = Level.allCases.filter { level in !pairs.contains { $0.level == level } }
        functionGaps = playbook.needed(in: phase).filter { f in !pairs.contains { $0.function == f } }
    }

    /// Executive first.
    public static func rank(_ level: Level) -> Int { Level.allCases.firstIndex(of: level)! }

    /// By level (executive first), then function.
    public static func order(_ a: CounterpartPair, _ b: CounterpartPair) -> Bool {
        (rank(a.level), a.function.rawValue) < (rank(b.level), b.function.rawValue)
    }

    public var hasGaps: Bool { !levelGaps.isEmpty || !functionGaps.isEmpty }

    /// Mean strength, one decimal, or nil without pairs.
    public var averageStrength: Double? {
        pairs.isEmpty ? nil : (Double(pairs.map(\.strength).reduce(0, +)) / Double(pairs.count) * 10).rounded() / 10
    }
}
