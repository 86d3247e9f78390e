import AccordMemberwise
import Foundation

public protocol UserRepository: Sendable {
    func list() async throws -> [User]
    func find(_ id: UUID) async throws -> User?
    func find(email: String) async throws -> User?
    func passwordHash(for id: UUID) async throws -> String?
    func create(_ valid: UserInput.Valid, passwordHash: String, by actor: AuditActor) async throws -> User
    func update(_ id: UUID, _ valid: UserInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> User
    func setPassword(_ id: UUID, passwordHash: String, by actor: AuditActor) async throws
}

/// A signed-in browser. The cookie carries the token; the database keeps only its hash.
@Memberwise
public struct Session: Sendable, Equatable {
    public var tokenHash: String
    public var userID: UUID
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date
}

public protocol SessionRepository: Sendable {
    func create(_ session: Session) async throws
    func find(tokenHash: String, now: Date) async throws -> Session?
    func delete(tokenHash: String) async throws
    func deleteAll(userID: UUID) async throws
    func purgeExpired(now: Date) async throws
}

public protocol SignInAttemptRepository: Sendable {
    /// Counts a sign-in attempt before its password is compared. In one step, serialised with every other attempt
    /// on the same keys, it refuses (nil) when the account or the address has reached its limit within the window,
    /// and otherwise records the attempt as a failure, so parallel attempts can never exceed the limit.
    func reserve(account: String, address: String, throttle: SignInThrottle, now: Date) async throws -> SignInReservation?
    /// The password matched: the reserved failures are withdrawn and the account's count starts again.
    func succeeded(_ reservation: SignInReservation) async throws
    func recordFailure(keys: [String], at: Date) async throws
    func failures(key: String, since: Date) async throws -> Int
    func clear(key: String) async throws
}

/// The failure rows one attempt recorded in advance; withdrawn when the password matches.
@Memberwise
public struct SignInReservation: Sendable, Equatable {
    public let account: String
    public let rowIDs: [String]
}

/// A user's calendar feed. Only a hash of its secret URL token is kept; resetting replaces it.
@Memberwise
public struct CalendarFeed: Sendable, Equatable, Codable {
    public var userID: UUID
    public var createdAt: Date
}

public protocol CalendarFeedRepository: Sendable {
    func feed(userID: UUID) async throws -> CalendarFeed?
    /// The user whose feed has this token hash.
    func userID(tokenHash: String) async throws -> UUID?
    /// Creates the user's feed or gives it a new secret; the previous URL stops working at once.
    func reset(userID: UUID, tokenHash: String, by actor: AuditActor) async throws -> CalendarFeed
    /// Turns the feed off; its URL stops working.
    func revoke(userID: UUID, by actor: AuditActor) async throws
}
