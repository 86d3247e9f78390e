import AccordCore
import Foundation
import Hummingbird

/// Governance bodies, meetings, decisions and votes, action items, the calendar feed and late work across the
/// portfolio.
struct GovernanceFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        let (views, store) = (services.views, services.store)
        let governance = GovernanceService(store)
        let myActions = ActionItemsController(
            views: views, governance: governance, calendar: CalendarService(store), reminders: ReminderService(services))
        GovernanceController(views: views, governance: governance).register(router)
        MeetingsController(views: views, governance: governance).register(router)
        DecisionsController(views: views, governance: governance).register(router)
        myActions.register(router)
        CalendarController(config: services.config, myActions: myActions).register(router)
        GovernancePortfolioController(views: views, governance: governance).register(router)
    }

    func apiRoutes(_ services: Services) -> [APIRoute] {
        let gov = GovernanceAPI(governance: GovernanceService(services.store))
        let g = APIRoutes.prefix + "/alliances/{id}/governance"
        return [
            APIRoute(method: .get, path: g + "/bodies", handler: gov.bodies),
            APIRoute(method: .post, path: g + "/bodies", handler: gov.createBody),
            APIRoute(method: .get, path: g + "/bodies/{bodyId}", handler: gov.body),
            APIRoute(method: .put, path: g + "/bodies/{bodyId}", handler: gov.updateBody),
            APIRoute(method: .post, path: g + "/bodies/{bodyId}/members", handler: gov.addMember),
            APIRoute(method: .delete, path: g + "/bodies/{bodyId}/members/{memberId}", handler: gov.removeMember),
            APIRoute(method: .post, path: g + "/bodies/{bodyId}/meetings", handler: gov.scheduleMeeting),
            APIRoute(method: .post, path: g + "/bodies/{bodyId}/decisions", handler: gov.propose),
            APIRoute(method: .get, path: g + "/meetings", handler: gov.meetings),
            APIRoute(method: .get, path: g + "/meetings/{meetingId}", handler: gov.meeting),
            APIRoute(method: .put, path: g + "/meetings/{meetingId}/attendance", handler: gov.setAttendance),
            APIRoute(method: .put, path: g + "/meetings/{meetingId}/minutes", handler: gov.saveMinutes),
            APIRoute(method: .get, path: g + "/decisions", handler: gov.decisions),
            APIRoute(method: .get, path: g + "/decisions/{decisionId}", handler: gov.decision),
            APIRoute(method: .post, path: g + "/decisions/{decisionId}/votes", handler: gov.recordVotes),
            APIRoute(method: .post, path: g + "/decisions/{decisionId}/status", handler: gov.setDecisionStatus),
            APIRoute(method: .post, path: g + "/decisions/{decisionId}/supersede", handler: gov.supersede),
            APIRoute(method: .get, path: g + "/actions", handler: gov.actionItems),
            APIRoute(method: .post, path: g + "/actions", handler: gov.addActionItem),
            APIRoute(method: .put, path: g + "/actions/{actionId}", handler: gov.updateActionItem),
        ]
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoGovernance.load(demo) }

    var notices: [Notice] {
        [
            .bodyCreated, .bodyUpdated, .bodyMemberAdded, .bodyMemberRemoved, .meetingScheduled, .attendanceSaved, .minutesSaved,
            .decisionProposed, .votesRecorded, .decisionUpdated, .itemAdded, .itemUpdated, .calendarRevoked,
        ]
    }

    var templates: [Template] { [.governanceDecision, .governanceIndex, .governanceMeeting, .governanceMyActions] }
}

extension Site {
    public static let governance = SiteRoute<UUID>("/alliances/:id/governance")
    public static let editBody = SiteRoute<(UUID, UUID)>("/alliances/:id/governance/:body/edit")
    public static let bodyMembers = SiteRoute<(UUID, UUID)>("/alliances/:id/governance/:body/members")
    public static let removeBodyMember = SiteRoute<(UUID, UUID, UUID)>("/alliances/:id/governance/:body/members/:member/delete")
    public static let bodyMeetings = SiteRoute<(UUID, UUID)>("/alliances/:id/governance/:body/meetings")
    public static let meeting = SiteRoute<(UUID, UUID)>("/alliances/:id/meetings/:meeting")
    public static let meetingAttendance = SiteRoute<(UUID, UUID)>("/alliances/:id/meetings/:meeting/attendance")
    public static let meetingMinutes = SiteRoute<(UUID, UUID)>("/alliances/:id/meetings/:meeting/minutes")
    public static let allianceActions = SiteRoute<UUID>("/alliances/:id/actions")
    public static let allianceAction = SiteRoute<(UUID, UUID)>("/alliances/:id/actions/:action")
    public static let myActions = SiteRoute<Void>("/my/actions")
    public static let governancePortfolio = SiteRoute<Void>("/governance")
    public static let myCalendar = SiteRoute<Void>("/my/calendar")
    public static let myCalendarRevoke = SiteRoute<Void>("/my/calendar/revoke")
    public static let calendarFeed = SiteRoute<String>("/calendar/:token")
    public static let bodyDecisions = SiteRoute<(UUID, UUID)>("/alliances/:id/governance/:body/decisions")
    public static let decision = SiteRoute<(UUID, UUID)>("/alliances/:id/decisions/:decision")
    public static let decisionVotes = SiteRoute<(UUID, UUID)>("/alliances/:id/decisions/:decision/votes")
    public static let decisionStatus = SiteRoute<(UUID, UUID)>("/alliances/:id/decisions/:decision/status")
    public static let decisionSupersede = SiteRoute<(UUID, UUID)>("/alliances/:id/decisions/:decision/supersede")
}

extension Notice {
    public static let bodyCreated = Notice("body-created", "Body created. Add its members below.")
    public static let bodyUpdated = Notice("body-updated", "Body saved. The change is recorded in the history.")
    public static let bodyMemberAdded = Notice("body-member-added", "Member added.")
    public static let bodyMemberRemoved = Notice("body-member-removed", "Member removed.")
    public static let meetingScheduled = Notice("meeting-scheduled", "Meeting scheduled. Record attendance on the day.")
    public static let attendanceSaved = Notice("attendance-saved", "Attendance saved.")
    public static let minutesSaved = Notice("minutes-saved", "Minutes saved.")
    public static let decisionProposed = Notice("decision-proposed", "Decision proposed. Record the votes at a meeting of the body.")
    public static let votesRecorded = Notice("votes-recorded", "Votes recorded; the outcome follows the charter's decision rule.")
    public static let decisionUpdated = Notice("decision-updated", "Decision updated.")
    public static let itemAdded = Notice("item-added", "Action item added.")
    public static let itemUpdated = Notice("item-updated", "Action item updated.")
    public static let calendarRevoked = Notice("calendar-revoked", "Calendar feed turned off. Its link no longer works.")
}

extension Template {
    static let governanceDecision = Template("governance/decision")
    static let governanceIndex = Template("governance/index")
    static let governanceMeeting = Template("governance/meeting")
    static let governanceMyActions = Template("governance/my-actions")
}
