extension StoreFeature {
    /// The issue log and its escalation steps.
    static let issues = StoreFeature("issues", [M0024_CreateIssues()])
}
