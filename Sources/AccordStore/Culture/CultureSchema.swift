extension StoreFeature {
    /// Culture profiles and the differences log.
    static let culture = StoreFeature("culture", [M0026_CreateCulture()])
}
