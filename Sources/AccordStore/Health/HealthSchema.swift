extension StoreFeature {
    /// Health instruments, waves, responses, actions and anonymous counts.
    static let health = StoreFeature("health", [M0011_CreateHealth(), M0012_CreateHealthActions(), M0013_CreateHealthCounts()])
}
