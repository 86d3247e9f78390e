extension StoreFeature {
    /// Bodies, meetings, decisions, action items, calendar feeds, the cadence column and the late-work columns (escalation deadline, issue level since).
    static let governance = StoreFeature(
        "governance",
        [
            M0014_CreateGovernance(), M0015_CreateMeetings(), M0016_CreateDecisions(), M0017_CreateActionItems(),
            M0018_CreateCalendarFeeds(), M0022_AddGovernanceIndexes(), M0027_AddBodyCadence(), M0029_AddLateWorkColumns(),
        ])
}
