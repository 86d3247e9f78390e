extension StoreFeature {
    /// Obligations, trigger events, executions and reminders.
    static let obligations = StoreFeature("obligations", [M0019_CreateObligations(), M0020_CreateReminders()])
}
