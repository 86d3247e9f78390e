import AccordCore
import Foundation
import Hummingbird

/// Signs API requests in with `Authorization: Bearer acc_...`. No token, an unknown, expired or revoked
/// token, or a disabled user: 401. The token carries its user's access, decided by the same policy.
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let services: Services
    /// Paths under the API that need no token (the OpenAPI document).
    let open: Set<String>

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        context.signedIn = nil
        if open.contains(request.uri.path) { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { throw Problem.unauthorized }
        let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard token.hasPrefix(ApiToken.marker), token.count < 200 else { throw Problem.unauthorized }
        let now = services.clock()
        guard let record = try await services.store.apiTokens.find(tokenHash: Tokens.sha256(token)), record.isUsable(at: now),
            let user = try await services.store.users.find(record.userID), user.active
        else { throw Problem.unauthorized }
        // Record use at most once a minute, so reads do not turn into writes.
        if record.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await services.store.apiTokens.markUsed(record.id, at: now)
        }
        context.signedIn = SignedIn(user: user, principal: try await services.principal(for: user), session: nil)
        return try await next(request, context)
    }
}
