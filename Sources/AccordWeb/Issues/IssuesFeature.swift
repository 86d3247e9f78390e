import AccordCore
import Foundation
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

    var notices: [Notice] { [.issueLogged, .issueUpdated, .issueEscalated, .issueResolved, .issueReopened] }

    var templates: [Template] { [.issuesIndex] }
}

extension Site {
    public static let issues = SiteRoute<UUID>("/alliances/:id/issues")
    public static let editIssue = SiteRoute<(UUID, UUID)>("/alliances/:id/issues/:issue/edit")
    public static let escalateIssue = SiteRoute<(UUID, UUID)>("/alliances/:id/issues/:issue/escalate")
    public static let resolveIssue = SiteRoute<(UUID, UUID)>("/alliances/:id/issues/:issue/resolve")
    public static let reopenIssue = SiteRoute<(UUID, UUID)>("/alliances/:id/issues/:issue/reopen")
}

extension Notice {
    public static let issueLogged = Notice("issue-logged", "Issue logged at the working team level.")
    public static let issueUpdated = Notice("issue-updated", "Issue saved.")
    public static let issueEscalated = Notice("issue-escalated", "Issue escalated; its clock at the new level has started.")
    public static let issueResolved = Notice("issue-resolved", "Issue resolved.")
    public static let issueReopened = Notice("issue-reopened", "Issue reopened at the level it was resolved at.")
}

extension Template {
    static let issuesIndex = Template("issues/index")
}
