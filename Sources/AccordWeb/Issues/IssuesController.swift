import AccordCore
import Foundation
import Hummingbird

/// An alliance's issue log: log an issue, edit it, escalate it up the ladder, resolve or reopen it.
struct IssuesController {
    let views: Views
    let issues: IssuesService

    func register(_ router: Router<AppContext>) {
        router.get(Site.issues) { request, context in
            let (user, alliance) = try await issues.access.page(context)
            return try await page(context, alliance, user: user, notice: LayoutModel.notice(request.queryValues["notice"]))
        }
        router.post(Site.issues) { request, context in
            try await change(request, context, notice: .issueLogged) { form, alliance, user in
                _ = try await issues.logIssue(Self.input(form), in: alliance, by: user)
            }
        }
        router.post(Site.editIssue) { request, context, ids in
            try await change(request, context, notice: .issueUpdated) { form, alliance, user in
                let issue = try await issues.issue(ids.1, of: alliance, user)
                _ = try await issues.updateIssue(issue, Self.input(form), expectedVersion: form.version, in: alliance, by: user)
            }
        }
        let moves: [(SiteRoute<(UUID, UUID)>, Notice, @Sendable (FormData) -> IssuesService.IssueMove)] = [
            (Site.escalateIssue, .issueEscalated, { .escalate(note: $0["note"]) }),
            (Site.resolveIssue, .issueResolved, { .resolve(resolution: $0["resolution"]) }),
            (Site.reopenIssue, .issueReopened, { .reopen(note: $0["note"]) }),
        ]
        for (route, notice, move) in moves {
            router.post(route) { request, context, ids in
                try await change(request, context, notice: notice) { form, alliance, user in
                    let issue = try await issues.issue(ids.1, of: alliance, user)
                    _ = try await issues.moveIssue(issue, move(form), in: alliance, by: user)
                }
            }
        }
    }

    static func input(_ form: FormData) -> IssueInput {
        IssueInput(
            title: form["title"], details: form["details"], severity: form["severity"], owner: form["ownerID"],
            visibility: form["visibility"])
    }

    /// A change from the issues page; field errors show at the top of the page with 422.
    func change(
        _ request: Request, _ context: AppContext, notice: Notice, _ apply: (FormData, Alliance, SignedIn) async throws -> Void
    ) async throws -> Response {
        try await issues.access.formChange(request, context, Permission.manageIssues, back: Site.issues, notice: notice, apply) {
            form, alliance, user, errors in
            try await page(context, alliance, user: user, notice: nil, form: form, errors: errors)
        }
    }

    func page(
        _ context: AppContext, _ alliance: Alliance, user: SignedIn, notice: String?, form: FormData? = nil, errors: [FieldError] = []
    ) async throws -> Response {
        let model = IssuesPage(
            layout: LayoutModel(title: "Issues: \(alliance.name)", context: context, section: "alliances", notice: notice),
            alliance: alliance, issues: try await issues.issues(alliance, user),
            limits: try await issues.limits(alliance), team: try await issues.access.team(alliance),
            today: issues.today, canManage: AccessPolicy.allows(user.principal, .manageIssues(alliance.id)), form: form, errors: errors)
        return try views.page(model, .issuesIndex, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
