import AccordCore
import Foundation
import Hummingbird

/// Sign-in with throttling, database sessions and sign-out.
struct AuthController {
    let views: Views
    let signIn: SignInService
    let secureCookies: Bool

    struct SignInModel: PageModel {
        let layout: LayoutModel
        let action = Site.signIn.pattern
        let email: String
        let next: String
        let error: String?
        let throttled: Bool
    }

    func register(_ router: Router<AppContext>) {
        router.get(Site.signIn) { request, context in
            if context.signedIn != nil { return redirect(Site.alliances.pattern) }
            let query = request.queryValues
            return try page(context, email: "", next: Self.safeNext(query["next"]), error: nil, notice: LayoutModel.notice(query["notice"]))
        }
        router.post(Site.signIn) { request, context in try await submit(request, context) }
        router.post(Site.signOut) { request, context in
            let user = try context.requireUser()
            _ = try await FormData.read(request, context: context)
            try await signIn.signOut(user)
            var response = redirect(Site.signIn.pattern, .signedOut)
            response.setCookie(
                SessionMiddleware.cookie(SessionMiddleware.sessionCookie, "", maxAge: 0, secure: secureCookies))
            return response
        }
    }

    func page(
        _ context: AppContext, email: String, next: String, error: String?, notice: String? = nil,
        status: HTTPResponse.Status = .ok, throttled: Bool = false
    ) throws -> Response {
        let model = SignInModel(
            layout: LayoutModel(title: "Sign in", context: context, section: "", notice: notice), email: email, next: next,
            error: error, throttled: throttled)
        return try views.page(model, .signin, status: status)
    }

    func submit(_ request: Request, _ context: AppContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form["password"] ?? ""
        let next = Self.safeNext(form["next"])
        guard !email.isEmpty, !password.isEmpty, email.count <= 254, password.count <= 1024 else {
            return try page(context, email: email, next: next, error: "Enter your email and password.", status: .unprocessableContent)
        }
        switch try await signIn.signIn(email: email, password: password, address: context.remoteAddress) {
        case .throttled(let minutes):
            return try page(
                context, email: email, next: next,
                error: "Too many failed sign-ins. Wait \(minutes) minutes and try again, or ask an administrator to reset your password.",
                status: .tooManyRequests, throttled: true)
        case .refused:
            return try page(context, email: email, next: next, error: "Email or password is incorrect.", status: .unauthorized)
        case .signedIn(let session, let token):
            var response = redirect(next.isEmpty ? Site.alliances.pattern : next)
            let maxAge = Int(session.expiresAt.timeIntervalSince(session.createdAt))
            response.setCookie(SessionMiddleware.cookie(SessionMiddleware.sessionCookie, token, maxAge: maxAge, secure: secureCookies))
            response.setCookie(SessionMiddleware.cookie(SessionMiddleware.csrfCookie, "", maxAge: 0, secure: secureCookies))
            return response
        }
    }

    /// Only a same-origin absolute path: never an open redirect to another site. Browsers drop tabs and newlines
    /// from URLs and read a backslash as a slash, so `/\t/host` or `/\\host` would leave the site: any control
    /// character, space, backslash or a second leading slash refuses the whole value.
    static func safeNext(_ raw: String?) -> String {
        guard let raw, raw.count < 300, raw.hasPrefix("/"), !raw.hasPrefix("//") else { return "" }
        let refused = raw.unicodeScalars.contains { scalar in
            scalar.value < 0x21 || scalar.value == 0x7F || scalar == "\\" || (0x80...0x9F).contains(scalar.value)
                || scalar.properties.generalCategory == .format || scalar.properties.isWhitespace
        }
        return refused ? "" : raw
    }
}
