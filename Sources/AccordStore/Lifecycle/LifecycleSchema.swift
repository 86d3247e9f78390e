extension StoreFeature {
    /// Involvement playbooks and phase changes.
    static let lifecycle = StoreFeature("lifecycle", [M0023_CreateLifecycle()])
}
