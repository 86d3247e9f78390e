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
            APIRoute(
                method: .get, path: g + "/bodies",
                doc: APIDoc(
                    "listBodies", "The alliance's governance bodies with charters, members and warnings", parameters: [.alliance],
                    replies: [.json(200, APIModels.List<APIModels.Body>.self, "Every body the user may see")], errors: [401, 404]),
                handler: gov.bodies),
            APIRoute(
                method: .post, path: g + "/bodies",
                doc: APIDoc(
                    "createBody", "Create a body with its charter", parameters: [.alliance], body: GovernanceAPI.bodyCreate,
                    replies: [.record(201, APIModels.Body.self, "Created")], errors: APIDoc.changeErrors), handler: gov.createBody),
            APIRoute(
                method: .get, path: g + "/bodies/{bodyId}",
                doc: APIDoc(
                    "getBody", "One body", parameters: [.alliance, .body], replies: [.record(200, APIModels.Body.self, "The body")],
                    errors: [401, 404]),
                handler: gov.body),
            APIRoute(
                method: .put, path: g + "/bodies/{bodyId}",
                doc: APIDoc(
                    "updateBody", "Replace a body's name and charter", parameters: [.alliance, .body], body: GovernanceAPI.bodyUpdate,
                    replies: [.record(200, APIModels.Body.self, "Updated")], errors: APIDoc.changeErrors), handler: gov.updateBody),
            APIRoute(
                method: .post, path: g + "/bodies/{bodyId}/members",
                doc: APIDoc(
                    "addBodyMember", "Seat a team member on the body (refused above the charter's maximum)",
                    parameters: [.alliance, .body], body: GovernanceAPI.bodyMemberCreate,
                    replies: [.json(201, APIModels.BodyMemberModel.self, "Added")],
                    errors: APIDoc.changeErrors), handler: gov.addMember),
            APIRoute(
                method: .delete, path: g + "/bodies/{bodyId}/members/{memberId}",
                doc: APIDoc(
                    "removeBodyMember", "Remove a member from the body", parameters: [.alliance, .body, .bodyMembership],
                    replies: [.empty(204, "Removed")], errors: [401, 403, 404, 409]), handler: gov.removeMember),
            APIRoute(
                method: .post, path: g + "/bodies/{bodyId}/meetings",
                doc: APIDoc(
                    "scheduleMeeting", "Schedule a meeting (inside the notice period only with noticeOverride)",
                    parameters: [.alliance, .body], body: GovernanceAPI.meetingCreate,
                    replies: [.record(201, APIModels.MeetingModel.self, "Scheduled")],
                    errors: APIDoc.changeErrors), handler: gov.scheduleMeeting),
            APIRoute(
                method: .post, path: g + "/bodies/{bodyId}/decisions",
                doc: APIDoc(
                    "proposeDecision", "Propose a decision to the body", parameters: [.alliance, .body], body: GovernanceAPI.decisionCreate,
                    replies: [.record(201, APIModels.DecisionModel.self, "Proposed")], errors: APIDoc.changeErrors), handler: gov.propose),
            APIRoute(
                method: .get, path: g + "/meetings",
                doc: APIDoc(
                    "listMeetings", "Meetings of the bodies the user may see, by date", parameters: [.alliance],
                    replies: [.json(200, APIModels.List<APIModels.MeetingModel>.self, "Every meeting")], errors: [401, 404]),
                handler: gov.meetings),
            APIRoute(
                method: .get, path: g + "/meetings/{meetingId}",
                doc: APIDoc(
                    "getMeeting", "One meeting with attendance and quorum", parameters: [.alliance, .meeting],
                    replies: [.record(200, APIModels.MeetingModel.self, "The meeting")], errors: [401, 404]), handler: gov.meeting),
            APIRoute(
                method: .put, path: g + "/meetings/{meetingId}/attendance",
                doc: APIDoc(
                    "setAttendance", "Record who attended a meeting that has taken place", parameters: [.alliance, .meeting],
                    body: GovernanceAPI.attendance, replies: [.record(200, APIModels.MeetingModel.self, "Saved")],
                    errors: APIDoc.changeErrors),
                handler: gov.setAttendance),
            APIRoute(
                method: .put, path: g + "/meetings/{meetingId}/minutes",
                doc: APIDoc(
                    "saveMinutes", "Save minutes and document links; approved minutes are final", parameters: [.alliance, .meeting],
                    body: GovernanceAPI.minutesSave, replies: [.record(200, APIModels.MeetingModel.self, "Saved")],
                    errors: APIDoc.changeErrors),
                handler: gov.saveMinutes
            ),
            APIRoute(
                method: .get, path: g + "/decisions",
                doc: APIDoc(
                    "listDecisions", "The decision register", parameters: [.alliance],
                    replies: [.json(200, APIModels.List<APIModels.DecisionModel>.self, "Every decision")], errors: [401, 404]),
                handler: gov.decisions),
            APIRoute(
                method: .get, path: g + "/decisions/{decisionId}",
                doc: APIDoc(
                    "getDecision", "One decision with its votes and escalation clock", parameters: [.alliance, .decision],
                    replies: [.record(200, APIModels.DecisionModel.self, "The decision")], errors: [401, 404]), handler: gov.decision),
            APIRoute(
                method: .post, path: g + "/decisions/{decisionId}/votes",
                doc: APIDoc(
                    "recordVotes", "Record votes cast at a meeting; the charter's rule decides, a deadlock starts the ladder",
                    parameters: [.alliance, .decision], body: GovernanceAPI.votes,
                    replies: [.record(200, APIModels.DecisionModel.self, "The decision after the votes")],
                    errors: APIDoc.changeErrors), handler: gov.recordVotes),
            APIRoute(
                method: .post, path: g + "/decisions/{decisionId}/status",
                doc: APIDoc(
                    "setDecisionStatus", "Escalate, resolve, defer or reopen a decision", parameters: [.alliance, .decision],
                    body: GovernanceAPI.decisionStatusChange, replies: [.record(200, APIModels.DecisionModel.self, "The decision")],
                    errors: APIDoc.changeErrors),
                handler: gov.setDecisionStatus),
            APIRoute(
                method: .post, path: g + "/decisions/{decisionId}/supersede",
                doc: APIDoc(
                    "supersedeDecision", "Mark a decision superseded by a later one", parameters: [.alliance, .decision],
                    body: GovernanceAPI.supersede,
                    replies: [.record(200, APIModels.DecisionModel.self, "The decision")], errors: APIDoc.changeErrors),
                handler: gov.supersede),
            APIRoute(
                method: .get, path: g + "/actions",
                doc: APIDoc(
                    "listActionItems", "The alliance's governance action items", parameters: [.alliance],
                    replies: [.json(200, APIModels.List<APIModels.ActionItemModel>.self, "Every action item the user may see")],
                    errors: [401, 404]),
                handler: gov.actionItems),
            APIRoute(
                method: .post, path: g + "/actions",
                doc: APIDoc(
                    "addActionItem", "Add an action item", parameters: [.alliance], body: GovernanceAPI.actionItemCreate,
                    replies: [.record(201, APIModels.ActionItemModel.self, "Added")], errors: APIDoc.changeErrors),
                handler: gov.addActionItem),
            APIRoute(
                method: .put, path: g + "/actions/{actionId}",
                doc: APIDoc(
                    "updateActionItem", "Replace an action item's fields", parameters: [.alliance, .actionItem],
                    body: GovernanceAPI.actionItemUpdate,
                    replies: [.record(200, APIModels.ActionItemModel.self, "Updated")], errors: APIDoc.changeErrors),
                handler: gov.updateActionItem),
        ].tagged("Governance")
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

/// The path parameters of the feature's API operations.
extension APIParameter {
    static let actionItem = path("actionId", "The action item's id")
    static let body = path("bodyId", "The body's id")
    static let bodyMembership = path("memberId", "The body membership's id")
    static let decision = path("decisionId", "The decision's id")
    static let meeting = path("meetingId", "The meeting's id")
}
