extension StoreFeature {
    /// Users, browser sessions, the sign-in throttle and API tokens.
    static let accounts = StoreFeature(
        "accounts", [M0005_CreateUsers(), M0006_CreateSessions(), M0007_CreateSignInAttempts(), M0009_CreateApiTokens()])
}
