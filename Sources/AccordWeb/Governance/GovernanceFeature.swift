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
        CalendarController(config: services.config, calendar: CalendarService(store), myActions: myActions).register(router)
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
}
