extension StoreFeature {
    /// Alliances, their teams and the portfolio's sort indexes.
    static let alliances = StoreFeature(
        "alliances",
        [
            M0003_CreateAlliances(), M0004_CreateMemberships(), M0010_AddAllianceSortIndexes(),
            M0031_AddAllianceColumnSortIndexes(),
        ])
}
