extension StoreFeature {
    /// The readiness probe's table.
    static let operations = StoreFeature("operations", [M0028_CreateReadinessProbe()])
}
