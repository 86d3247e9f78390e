extension StoreFeature {
    /// Counterpart pairs and their contacts.
    static let relationships = StoreFeature("relationships", [M0025_CreateCounterpartPairs()])
}
