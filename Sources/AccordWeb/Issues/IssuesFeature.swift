import Hummingbird

/// The issue log with its escalation ladder.
struct IssuesFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        IssuesController(views: services.views, issues: IssuesService(services.store)).register(router)
    }

    func apiRoutes(_ services: Services) -> [APIRoute] {
        let issues = IssuesAPI(issues: IssuesService(services.store))
        let i = APIRoutes.prefix + "/alliances/{id}/issues"
        return [
            APIRoute(method: .get, path: i, handler: issues.list),
            APIRoute(method: .post, path: i, handler: issues.create),
            APIRoute(method: .get, path: i + "/{issueId}", handler: issues.get),
            APIRoute(method: .put, path: i + "/{issueId}", handler: issues.update),
            APIRoute(method: .post, path: i + "/{issueId}/escalate", handler: issues.escalate),
            APIRoute(method: .post, path: i + "/{issueId}/resolve", handler: issues.resolve),
            APIRoute(method: .post, path: i + "/{issueId}/reopen", handler: issues.reopen),
        ]
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoIssues.load(demo) }
}
