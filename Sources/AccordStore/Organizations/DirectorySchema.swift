extension StoreFeature {
    /// Organisations (ours and partners) and their people.
    static let directory = StoreFeature("directory", [M0001_CreateOrganizations(), M0002_CreatePeople(), M0030_AddPeopleFunctionIndex()])
}
