extension StoreFeature {
    /// Joint goals and KPIs with their measurements.
    static let goals = StoreFeature("goals", [M0021_CreateGoals()])
}
