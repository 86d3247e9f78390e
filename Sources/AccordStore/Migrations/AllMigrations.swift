/// One capability's part of the database: the migrations that create and change its tables. Each feature folder
/// declares its own (`ObligationsSchema.swift` and so on); `StoreFeature.all` lists them.
public struct StoreFeature: Sendable {
    public let name: String
    public let migrations: [any Migration]

    init(_ name: String, _ migrations: [any Migration]) {
        self.name = name
        self.migrations = migrations
    }

    /// Every feature of the store. A new feature adds one line here.
    public static let all: [StoreFeature] = [
        .directory, .alliances, .accounts, .audit, .operations, .health, .governance, .obligations, .goals, .lifecycle, .issues,
        .relationships, .culture,
    ]
}

/// Every migration, in the order it runs: the features' migrations ordered by their number. Append new ones with the
/// next number; never renumber or edit a shipped one. `MigrationTests` checks the numbers run 0001, 0002, ... without
/// a gap or a repeat.
public enum AllMigrations {
    public static let list: [any Migration] = StoreFeature.all.flatMap(\.migrations).sorted { $0.id < $1.id }
}
