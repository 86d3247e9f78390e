/// Every migration, in the order it runs. Append new ones at the end; never reorder or edit a shipped one.
public enum AllMigrations {
    public static let list: [any Migration] = [
        M0001_CreateOrganizations(),
        M0002_CreatePeople(),
        M0003_CreateAlliances(),
        M0004_CreateMemberships(),
        M0005_CreateUsers(),
        M0006_CreateSessions(),
        M0007_CreateSignInAttempts(),
        M0008_CreateAuditLog(),
        M0009_CreateApiTokens(),
        M0010_AddAllianceSortIndexes(),
        M0011_CreateHealth(),
        M0012_CreateHealthActions(),
        M0013_CreateHealthCounts(),
        M0014_CreateGovernance(),
        M0015_CreateMeetings(),
        M0016_CreateDecisions(),
        M0017_CreateActionItems(),
        M0018_CreateCalendarFeeds(),
        M0019_CreateObligations(),
        M0020_CreateReminders(),
        M0021_CreateGoals(),
        M0022_AddGovernanceIndexes(),
        M0023_CreateLifecycle(),
        M0024_CreateIssues(),
    ]
}
