import AccordCore
import Foundation
import Hummingbird

/// Loads the signed-in user from the session cookie and sets the CSRF token forms must carry.
/// Signed-in users get their session's token; anonymous visitors a random token in a cookie (double submit).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppContext
    static let sessionCookie = "accord_session"
    static let csrfCookie = "accord_csrf"
    let signIn: SignInService
    let secureCookies: Bool

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        // The API authenticates with tokens only (TokenAuthMiddleware); cookies play no part there.
        if request.uri.path.hasPrefix(APIRoutes.prefix + "/") { return try await next(request, context) }
        if let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty,
            let signedIn = try await signIn.signedIn(sessionToken: token), let session = signedIn.session
        {
            context.signedIn = signedIn
            context.csrfToken = session.csrfToken
            return try await next(request, context)
        }
        var newToken: String?
        if let cookie = request.cookies[Self.csrfCookie]?.value, cookie.count >= 20 {
            context.csrfToken = cookie
        } else {
            newToken = Tokens.random()
            context.csrfToken = newToken!
        }
        var response = try await next(request, context)
        if let newToken {
            response.setCookie(cookie(Self.csrfCookie, newToken, maxAge: nil))
        }
        return response
    }

    func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Self.cookie(name, value, maxAge: maxAge, secure: secureCookies)
    }

    /// Every cookie Accord sets: HttpOnly, SameSite=Lax, path /, Secure when served over TLS.
    static func cookie(_ name: String, _ value: String, maxAge: Int?, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
