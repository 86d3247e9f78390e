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
            APIRoute(
                method: .get, path: i,
                doc: APIDoc(
                    "listIssues", "The alliance's issue log, with each issue's ladder and clock", parameters: [.alliance],
                    replies: [.json(200, APIModels.List<APIModels.IssueModel>.self, "Every issue the user may see")], errors: [401, 404]),
                handler: issues.list),
            APIRoute(
                method: .post, path: i,
                doc: APIDoc(
                    "createIssue", "Log an issue (it starts with the working team)", parameters: [.alliance], body: IssuesAPI.issueCreate,
                    replies: [.record(201, APIModels.IssueModel.self, "Logged")], errors: APIDoc.changeErrors), handler: issues.create),
            APIRoute(
                method: .get, path: i + "/{issueId}",
                doc: APIDoc(
                    "getIssue", "One issue", parameters: [.alliance, .issue],
                    replies: [.record(200, APIModels.IssueModel.self, "The issue")],
                    errors: [401, 404]), handler: issues.get),
            APIRoute(
                method: .put, path: i + "/{issueId}",
                doc: APIDoc(
                    "updateIssue", "Replace an issue's fields", parameters: [.alliance, .issue], body: IssuesAPI.issueUpdate,
                    replies: [.record(200, APIModels.IssueModel.self, "Updated")], errors: APIDoc.changeErrors), handler: issues.update),
            APIRoute(
                method: .post, path: i + "/{issueId}/escalate",
                doc: APIDoc(
                    "escalateIssue", "Move an open issue one level up the ladder", parameters: [.alliance, .issue],
                    body: IssuesAPI.issueEscalation,
                    replies: [.record(200, APIModels.IssueModel.self, "Escalated")], errors: APIDoc.changeErrors), handler: issues.escalate),
            APIRoute(
                method: .post, path: i + "/{issueId}/resolve",
                doc: APIDoc(
                    "resolveIssue", "Resolve an open issue", parameters: [.alliance, .issue], body: IssuesAPI.issueResolution,
                    replies: [.record(200, APIModels.IssueModel.self, "Resolved")], errors: APIDoc.changeErrors), handler: issues.resolve),
            APIRoute(
                method: .post, path: i + "/{issueId}/reopen",
                doc: APIDoc(
                    "reopenIssue", "Reopen a resolved issue at the level it reached", parameters: [.alliance, .issue],
                    body: IssuesAPI.issueReopening, replies: [.record(200, APIModels.IssueModel.self, "Reopened")],
                    errors: APIDoc.changeErrors),
                handler: issues.reopen),
        ].tagged("Issues")
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

/// The path parameters of the feature's API operations.
extension APIParameter {
    static let issue = path("issueId", "The issue's id")
}
