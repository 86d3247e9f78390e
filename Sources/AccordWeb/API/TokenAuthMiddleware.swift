import AccordCore
import Foundation
import Hummingbird

/// Signs API requests in with `Authorization: Bearer acc_...`. No token, an unknown, expired or revoked
/// token, or a disabled user: 401. The token carries its user's access, decided by the same policy.
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let signIn: SignInService
    /// Paths under the API that need no token (the OpenAPI document).
    let open: Set<String>

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        context.signedIn = nil
        if open.contains(request.uri.path) { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { throw Problem.unauthorized }
        let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard token.hasPrefix(ApiToken.marker), token.count < 200 else { throw Problem.unauthorized }
        guard let signedIn = try await signIn.signedIn(apiToken: token) else { throw Problem.unauthorized }
        context.signedIn = signedIn
        return try await next(request, context)
    }
}
