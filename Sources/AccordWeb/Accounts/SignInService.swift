import AccordCore
import AccordStore
import Foundation

/// Signing in and out, and who a request is signed in as: a browser session (`SessionMiddleware`) or an API token
/// (`TokenAuthMiddleware`). Failed attempts are throttled per account and per address before any password is
/// compared.
struct SignInService: Sendable {
    private let users: any UserRepository
    private let sessions: any SessionRepository
    private let attempts: any SignInAttemptRepository
    private let apiTokens: any ApiTokenRepository
    let access: AllianceAccess
    let throttle: SignInThrottle
    let sessionLifetime: TimeInterval
    let clock: WallClock

    init(_ services: Services) {
        let store = services.store
        users = store.users
        sessions = store.sessions
        attempts = store.signInAttempts
        apiTokens = store.apiTokens
        access = AllianceAccess(store)
        throttle = services.throttle
        sessionLifetime = services.config.sessionLifetime
        clock = store.database.clock
    }

    enum Outcome {
        /// Too many failures in the window: refused without comparing the password.
        case throttled(minutes: Int)
        /// Wrong email or password, or a disabled account (one answer for all, so none is revealed).
        case refused
        /// Signed in: the session and the cookie token that names it.
        case signedIn(Session, token: String)
    }

    func signIn(email: String, password: String, address: String) async throws -> Outcome {
        let now = clock.now()
        // The attempt is counted before the password is compared, in one serialised step: a burst of parallel
        // attempts gets exactly the limit's worth of comparisons, and the rest are refused without one.
        guard
            let reservation = try await attempts.reserve(
                account: SignInThrottle.accountKey(email), address: SignInThrottle.addressKey(address), throttle: throttle, now: now)
        else { return .throttled(minutes: Int(throttle.window / 60)) }
        let user = try await users.find(email: email)
        var hash: String?
        if let user { hash = try await users.passwordHash(for: user.id) }
        // A password no account can have (control characters, more than bcrypt's 72 bytes) is compared with the
        // decoy, so it takes the same time and never matches.
        let acceptable = PasswordRules.isComparable(password)
        let matches = try await Passwords.verify(password, hash: acceptable ? (hash ?? Passwords.decoy) : Passwords.decoy)
        guard let user, hash != nil, acceptable, matches, user.active else { return .refused }
        try await attempts.succeeded(reservation)
        try await sessions.purgeExpired(now: now)
        let token = Tokens.random()
        let session = Session(
            tokenHash: Tokens.sha256(token), userID: user.id, csrfToken: Tokens.random(), createdAt: now,
            expiresAt: now.addingTimeInterval(sessionLifetime))
        try await sessions.create(session)
        return .signedIn(session, token: token)
    }

    func signOut(_ user: SignedIn) async throws {
        if let session = user.session { try await sessions.delete(tokenHash: session.tokenHash) }
    }

    /// The active user a session cookie names, with their principal.
    func signedIn(sessionToken token: String) async throws -> SignedIn? {
        guard let session = try await sessions.find(tokenHash: Tokens.sha256(token), now: clock.now()),
            let user = try await users.find(session.userID), user.active
        else { return nil }
        return SignedIn(user: user, principal: try await access.principal(for: user), session: session)
    }

    /// The active user a usable API token belongs to, with their principal. Use is recorded at most once a minute,
    /// so reads do not turn into writes.
    func signedIn(apiToken token: String) async throws -> SignedIn? {
        let now = clock.now()
        guard let record = try await apiTokens.find(tokenHash: Tokens.sha256(token)), record.isUsable(at: now),
            let user = try await users.find(record.userID), user.active
        else { return nil }
        if record.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true { try await apiTokens.markUsed(record.id, at: now) }
        return SignedIn(user: user, principal: try await access.principal(for: user), session: nil)
    }
}
