import Foundation

/// One path pattern, used both to register the route and to build links to it.
public struct SiteRoute: Sendable, Hashable {
    public let pattern: String

    init(_ pattern: String) { self.pattern = pattern }

    /// Fills the `:name` segments in order with the given ids.
    public func path(_ ids: UUID...) -> String {
        path(segments: ids.map { $0.uuidString.lowercased() })
    }

    /// Fills the `:name` segments in order with the given values (for paths keyed by a token, not an id).
    public func path(segments: [String]) -> String {
        var remaining = segments[...]
        return pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            guard segment.hasPrefix(":"), let value = remaining.popFirst() else { return String(segment) }
            return value
        }.joined(separator: "/")
    }
}

/// Every page and form target in the web UI.
public enum Site {
    public static let home = SiteRoute("/")
    public static let signIn = SiteRoute("/signin")
    public static let signOut = SiteRoute("/signout")
    public static let alliances = SiteRoute("/alliances")
    public static let newAlliance = SiteRoute("/alliances/new")
    public static let alliance = SiteRoute("/alliances/:id")
    public static let editAlliance = SiteRoute("/alliances/:id/edit")
    public static let deleteAlliance = SiteRoute("/alliances/:id/delete")
    public static let allianceMembers = SiteRoute("/alliances/:id/members")
    public static let removeMember = SiteRoute("/alliances/:id/members/:member/delete")
    public static let organizations = SiteRoute("/organizations")
    public static let newOrganization = SiteRoute("/organizations/new")
    public static let organization = SiteRoute("/organizations/:id")
    public static let editOrganization = SiteRoute("/organizations/:id/edit")
    public static let deleteOrganization = SiteRoute("/organizations/:id/delete")
    public static let people = SiteRoute("/people")
    public static let newPerson = SiteRoute("/people/new")
    public static let person = SiteRoute("/people/:id")
    public static let editPerson = SiteRoute("/people/:id/edit")
    public static let deletePerson = SiteRoute("/people/:id/delete")
    public static let users = SiteRoute("/admin/users")
    public static let newUser = SiteRoute("/admin/users/new")
    public static let editUser = SiteRoute("/admin/users/:id/edit")
    public static let userPassword = SiteRoute("/admin/users/:id/password")
    public static let allianceHealth = SiteRoute("/alliances/:id/health")
    public static let healthWave = SiteRoute("/alliances/:id/health/:wave")
    public static let healthWaveCSV = SiteRoute("/alliances/:id/health/:wave/results.csv")
    public static let healthWaveStatus = SiteRoute("/alliances/:id/health/:wave/status")
    public static let healthActions = SiteRoute("/alliances/:id/health/:wave/actions")
    public static let healthAction = SiteRoute("/alliances/:id/health/:wave/actions/:action")
    public static let healthPortfolio = SiteRoute("/health")
    public static let governance = SiteRoute("/alliances/:id/governance")
    public static let editBody = SiteRoute("/alliances/:id/governance/:body/edit")
    public static let bodyMembers = SiteRoute("/alliances/:id/governance/:body/members")
    public static let removeBodyMember = SiteRoute("/alliances/:id/governance/:body/members/:member/delete")
    public static let bodyMeetings = SiteRoute("/alliances/:id/governance/:body/meetings")
    public static let meeting = SiteRoute("/alliances/:id/meetings/:meeting")
    public static let meetingAttendance = SiteRoute("/alliances/:id/meetings/:meeting/attendance")
    public static let meetingMinutes = SiteRoute("/alliances/:id/meetings/:meeting/minutes")
    public static let allianceActions = SiteRoute("/alliances/:id/actions")
    public static let allianceAction = SiteRoute("/alliances/:id/actions/:action")
    public static let myActions = SiteRoute("/my/actions")
    public static let obligationPortfolio = SiteRoute("/obligations")
    public static let goals = SiteRoute("/alliances/:id/goals")
    public static let issues = SiteRoute("/alliances/:id/issues")
    public static let editIssue = SiteRoute("/alliances/:id/issues/:issue/edit")
    public static let escalateIssue = SiteRoute("/alliances/:id/issues/:issue/escalate")
    public static let resolveIssue = SiteRoute("/alliances/:id/issues/:issue/resolve")
    public static let reopenIssue = SiteRoute("/alliances/:id/issues/:issue/reopen")
    public static let relationships = SiteRoute("/alliances/:id/relationships")
    public static let editPair = SiteRoute("/alliances/:id/relationships/:pair/edit")
    public static let pairContact = SiteRoute("/alliances/:id/relationships/:pair/contact")
    public static let deletePair = SiteRoute("/alliances/:id/relationships/:pair/delete")
    public static let culture = SiteRoute("/organizations/:id/culture")
    public static let cultureDifferences = SiteRoute("/organizations/:id/culture/differences")
    public static let cultureDifference = SiteRoute("/organizations/:id/culture/differences/:difference")
    public static let lifecycle = SiteRoute("/alliances/:id/lifecycle")
    public static let lifecycleTeam = SiteRoute("/alliances/:id/lifecycle/team")
    public static let lifecycleComplete = SiteRoute("/alliances/:id/lifecycle/:change/complete")
    public static let lifecycleCancel = SiteRoute("/alliances/:id/lifecycle/:change/cancel")
    public static let goalStatus = SiteRoute("/alliances/:id/goals/:goal/status")
    public static let kpis = SiteRoute("/alliances/:id/kpis")
    public static let kpisCSV = SiteRoute("/alliances/:id/kpis.csv")
    public static let kpiMeasurements = SiteRoute("/alliances/:id/kpis/:kpi/measurements")
    public static let obligations = SiteRoute("/alliances/:id/obligations")
    public static let obligationsCSV = SiteRoute("/alliances/:id/obligations.csv")
    public static let newObligation = SiteRoute("/alliances/:id/obligations/new")
    public static let importObligations = SiteRoute("/alliances/:id/obligations/import")
    public static let editObligation = SiteRoute("/alliances/:id/obligations/:obligation/edit")
    public static let obligationReminders = SiteRoute("/alliances/:id/obligations/:obligation/reminders")
    public static let readNotifications = SiteRoute("/my/notifications/read")
    public static let obligationOccurrence = SiteRoute("/alliances/:id/obligations/:obligation/occurrences/:n")
    public static let triggers = SiteRoute("/alliances/:id/triggers")
    public static let trigger = SiteRoute("/alliances/:id/triggers/:trigger")
    public static let governancePortfolio = SiteRoute("/governance")
    public static let myCalendar = SiteRoute("/my/calendar")
    public static let myCalendarRevoke = SiteRoute("/my/calendar/revoke")
    public static let calendarFeed = SiteRoute("/calendar/:token")
    public static let bodyDecisions = SiteRoute("/alliances/:id/governance/:body/decisions")
    public static let decision = SiteRoute("/alliances/:id/decisions/:decision")
    public static let decisionVotes = SiteRoute("/alliances/:id/decisions/:decision/votes")
    public static let decisionStatus = SiteRoute("/alliances/:id/decisions/:decision/status")
    public static let decisionSupersede = SiteRoute("/alliances/:id/decisions/:decision/supersede")
    public static let instruments = SiteRoute("/admin/instruments")
    public static let playbooks = SiteRoute("/admin/playbooks")
    public static let playbook = SiteRoute("/admin/playbooks/:type")
    public static let instrument = SiteRoute("/admin/instruments/:key")
    public static let survey = SiteRoute("/survey/:token")
    public static let tokens = SiteRoute("/account/tokens")
    public static let revokeToken = SiteRoute("/account/tokens/:id/revoke")
    public static let healthz = SiteRoute("/healthz")
    public static let readyz = SiteRoute("/readyz")
    public static let metrics = SiteRoute("/metrics")
    public static let stylesheet = SiteRoute("/static/accord.css")
    public static let script = SiteRoute("/static/accord.js")
    /// Search as you type: at most ten names containing `q`, as JSON, for the portfolio's filters and the team picker.
    public static let partnerChoices = SiteRoute("/alliances/choices/partners")
    public static let managerChoices = SiteRoute("/alliances/choices/managers")
    public static let teamCandidates = SiteRoute("/alliances/:id/team/candidates")
}
