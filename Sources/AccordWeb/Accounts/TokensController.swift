import AccordCore
import Foundation
import Hummingbird

/// Personal API tokens: create (shown once), list, revoke. Every signed-in user manages their own.
struct TokensController {
    let views: Views
    let accounts: AccountsService

    struct TokensPage: PageModel {
        struct Row: Sendable {
            let name: String
            let prefix: String
            let created: String
            let expires: String
            let lastUsed: String
            let state: String
            let active: Bool
            let revokeHref: String?
        }
        let layout: LayoutModel
        let rows: [Row]
        let hasRows: Bool
        let newToken: String?
        let name: String
        let expiresInDays: String
        let nameError: String?
        let expiryError: String?
        let action = Site.tokens.pattern
        let apiDocument = APIRoutes.documentPath
    }

    func register(_ router: Router<AppContext>) {
        router.get(Site.tokens) { request, context in
            try await page(context, notice: LayoutModel.notice(request.queryValues["notice"]))
        }
        router.post(Site.tokens) { request, context in
            let user = try context.requireUser()
            let form = try await FormData.read(request, context: context)
            do {
                let token = try await accounts.issueToken(
                    ApiTokenInput(name: form["name"], expiresInDays: form["expiresInDays"]), for: user)
                return try await page(context, newToken: token, status: .created)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await page(
                    context, name: form["name"] ?? "", expiresInDays: form["expiresInDays"] ?? "", errors: error.fieldErrors,
                    status: .unprocessableContent)
            }
        }
        router.post(Site.revokeToken) { request, context, id in
            let user = try context.requireUser()
            _ = try await FormData.read(request, context: context)
            try await accounts.revokeToken(id, of: user)
            return redirect(Site.tokens.pattern, .tokenRevoked)
        }
    }

    func page(
        _ context: AppContext, newToken: String? = nil, name: String = "", expiresInDays: String = "90", errors: [FieldError] = [],
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser()
        let now = accounts.clock.now()
        let day = Date.FormatStyle(date: .abbreviated, time: .omitted, timeZone: TimeZone(identifier: "UTC")!)
        let rows = try await accounts.tokens(user).map { t in
            let state = t.revokedAt != nil ? "Revoked" : (t.isUsable(at: now) ? "Active" : "Expired")
            return TokensPage.Row(
                name: t.name, prefix: t.prefix + "…", created: t.createdAt.formatted(day),
                expires: t.expiresAt?.formatted(day) ?? "Never", lastUsed: t.lastUsedAt?.formatted(day) ?? "Never", state: state,
                active: state == "Active", revokeHref: t.revokedAt == nil ? Site.revokeToken.path(t.id) : nil)
        }
        let model = TokensPage(
            layout: LayoutModel(title: "API tokens", context: context, section: "tokens", notice: notice), rows: rows,
            hasRows: !rows.isEmpty, newToken: newToken, name: name, expiresInDays: expiresInDays,
            nameError: errors.first { $0.field == "name" }?.message, expiryError: errors.first { $0.field == "expiresInDays" }?.message)
        return try views.page(model, .accountTokens, status: status)
    }
}
