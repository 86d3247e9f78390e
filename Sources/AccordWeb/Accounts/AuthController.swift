import AccordCore
import Foundation
import Hummingbird

/// Sign-in with throttling, database sessions and sign-out.
struct AuthController {
    let services: Services

    struct SignInModel: PageModel {
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
            return try page(context, email: "", next: Self.safeNext(query["next"]), error: nil, notice: LayoutModel.notice(query["notice"]))
        }
        router.post(RouterPath(Site.signIn.pattern)) { request, context in try await signIn(request, context) }
        router.post(RouterPath(Site.signOut.pattern)) { request, context in
            let user = try context.requireUser()
            _ = try await FormData.read(request, context: context)
            if let session = user.session { try await services.store.sessions.delete(tokenHash: session.tokenHash) }
            var response = redirect(Site.signIn.pattern, .signedOut)
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
        return try services.views.page(model, .signin, status: status)
    }

    func signIn(_ request: Request, _ context: AppContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form["password"] ?? ""
        let next = Self.safeNext(form["next"])
        guard !email.isEmpty, !password.isEmpty, email.count <= 254, password.count <= 1024 else {
            return try page(context, email: email, next: next, error: "Enter your email and password.", status: .unprocessableContent)
        }
        let now = services.clock()
        let accountKey = SignInThrottle.accountKey(email)
        // The attempt is counted before the password is compared, in one serialised step: a burst of parallel
        // attempts gets exactly the limit's worth of comparisons, and the rest are refused without one.
        guard
            let reservation = try await services.store.signInAttempts.reserve(
                account: accountKey, address: SignInThrottle.addressKey(context.remoteAddress), throttle: services.throttle, now: now)
        else {
            let minutes = Int(services.throttle.window / 60)
            return try page(
                context, email: email, next: next,
                error: "Too many failed sign-ins. Wait \(minutes) minutes and try again, or ask an administrator to reset your password.",
                status: .tooManyRequests, throttled: true)
        }
        let user = try await services.store.users.find(email: email)
        var hash: String?
        if let user { hash = try await services.store.users.passwordHash(for: user.id) }
        // A password no account can have (control characters, more than bcrypt's 72 bytes) is compared with the
        // decoy, so it takes the same time and never matches.
        let acceptable = PasswordRules.isComparable(password)
        let matches = try await Passwords.verify(password, hash: acceptable ? (hash ?? Passwords.decoy) : Passwords.decoy)
        guard let user, hash != nil, acceptable, matches, user.active else {
            return try page(context, email: email, next: next, error: "Email or password is incorrect.", status: .unauthorized)
        }
        try await services.store.signInAttempts.succeeded(reservation)
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
