import AccordCore
import Foundation

/// Every repository over one database, built once at start-up.
public struct Store: Sendable {
    public let database: AccordDatabase
    public let organizations: any OrganizationRepository
    public let people: any PersonRepository
    public let alliances: any AllianceRepository
    public let users: any UserRepository
    public let sessions: any SessionRepository
    public let signInAttempts: any SignInAttemptRepository
    public let audit: any AuditRepository
    public let apiTokens: any ApiTokenRepository
    public let health: any HealthRepository
    public let governance: any GovernanceRepository
    public let calendarFeeds: any CalendarFeedRepository
    public let obligations: any ObligationRepository
    public let reminders: any ReminderRepository
    public let goals: any GoalRepository
    public let playbooks: any PlaybookRepository
    public let lifecycle: any LifecycleRepository
    public let issues: any IssueRepository
    public let relationships: any RelationshipRepository
    public let culture: any CultureRepository

    public init(database: AccordDatabase) {
        self.database = database
        organizations = SQLOrganizationRepository(database: database)
        people = SQLPersonRepository(database: database)
        alliances = SQLAllianceRepository(database: database)
        users = SQLUserRepository(database: database)
        sessions = SQLSessionRepository(database: database)
        signInAttempts = SQLSignInAttemptRepository(database: database)
        audit = SQLAuditRepository(database: database)
        apiTokens = SQLApiTokenRepository(database: database)
        health = SQLHealthRepository(database: database)
        governance = SQLGovernanceRepository(database: database)
        calendarFeeds = SQLCalendarFeedRepository(database: database)
        obligations = SQLObligationRepository(database: database)
        reminders = SQLReminderRepository(database: database)
        goals = SQLGoalRepository(database: database)
        playbooks = SQLPlaybookRepository(database: database)
        lifecycle = SQLLifecycleRepository(database: database)
        issues = SQLIssueRepository(database: database)
        relationships = SQLRelationshipRepository(database: database)
        culture = SQLCultureRepository(database: database)
    }
}
