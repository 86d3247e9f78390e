import AccordCore
import Foundation
import Hummingbird

/// Sign-in with throttling, database sessions and sign-out.
struct AuthController {
    let services: Services

    struct SignInModel: Sendable {
        let layout: LayoutModel
        let action = Site.signIn.pattern
        let email: String
        let next: String
        let error: String?
        let throttled: Bool
    }

    func register(_ router: Router<AppContext>) {
        router.get(RouterPath(Site.signIn.pattern)) { request, context in
            if context.signedIn != nil { return redirect(Site.alliances.pattern) }
            let query = request.queryValues
            return try page(context, email: "", next: query["next"] ?? "", error: nil, notice: LayoutModel.notice(query["notice"]))
        }
        router.post(RouterPath(Site.signIn.pattern)) { request, context in try await signIn(request, context) }
        router.post(RouterPath(Site.signOut.pattern)) { request, context in
            let user = try context.requireUser()
            _ = try await FormData.read(request, context: context)
            if let session = user.session { try await services.store.sessions.delete(tokenHash: session.tokenHash) }
            var response = redirect(Site.signIn.pattern + "?notice=signed-out")
            response.setCookie(
                SessionMiddleware.cookie(SessionMiddleware.sessionCookie, "", maxAge: 0, secure: services.config.secureCookies))
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
        return try services.views.page(model, "signin", status: status)
    }

    func signIn(_ request: Request, _ context: AppContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form["password"] ?? ""
        let next = safeNext(form["next"])
        guard !email.isEmpty, !password.isEmpty, email.count <= 254, password.count <= PasswordRules.maximumLength else {
            return try page(context, email: email, next: next, error: "Enter your email and password.", status: .unprocessableContent)
        }
        let now = services.clock()
        let since = now.addingTimeInterval(-services.throttle.window)
        let accountKey = SignInThrottle.accountKey(email)
        let addressKey = SignInThrottle.addressKey(context.remoteAddress)
        let attempts = services.store.signInAttempts
        let blocked = services.throttle.isBlocked(
            accountFailures: try await attempts.failures(key: accountKey, since: since),
            addressFailures: try await attempts.failures(key: addressKey, since: since))
        if blocked {
            let minutes = Int(services.throttle.window / 60)
            return try page(
                context, email: email, next: next,
                error: "Too many failed sign-ins. Wait \(minutes) minutes and try again, or ask an administrator to reset your password.",
                status: .tooManyRequests, throttled: true)
        }
        let user = try await services.store.users.find(email: email)
        var hash: String?
        if let user { hash = try await services.store.users.passwordHash(for: user.id) }
        let matches = try await Passwords.verify(password, hash: hash ?? Passwords.decoy)
        guard let user, hash != nil, matches, user.active else {
            try await attempts.recordFailure(keys: [accountKey, addressKey], at: now)
            return try page(context, email: email, next: next, error: "Email or password is incorrect.", status: .unauthorized)
        }
        try await attempts.clear(key: accountKey)
        try await services.store.sessions.purgeExpired(now: now)
        let token = Tokens.random()
        let session = Session(
            tokenHash: Tokens.sha256(token), userID: user.id, csrfToken: Tokens.random(), createdAt: now,
            expiresAt: now.addingTimeInterval(services.config.sessionLifetime))
        try await services.store.sessions.create(session)
        var response = redirect(next.isEmpty ? Site.alliances.pattern : next)
        let secure = services.config.secureCookies
        response.setCookie(
            SessionMiddleware.cookie(SessionMiddleware.sessionCookie, token, maxAge: Int(services.config.sessionLifetime), secure: secure))
        response.setCookie(SessionMiddleware.cookie(SessionMiddleware.csrfCookie, "", maxAge: 0, secure: secure))
        return response
    }

    /// Only local paths: never an open redirect to another site.
    func safeNext(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), raw.count < 300 else { return "" }
        return raw
    }
}
