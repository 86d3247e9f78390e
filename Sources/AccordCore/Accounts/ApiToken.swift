import AccordMemberwise
import Foundation

/// A personal API token. Only its hash is stored; the token itself is shown once, at creation.
@Memberwise
public struct ApiToken: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var userID: UUID
    public var name: String
    /// The first characters of the token, so people can tell their tokens apart.
    public var prefix: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }

    /// Every token starts with this, so leaked tokens are easy to find in code and logs.
    public static let marker = "acc_"
}

@Memberwise
public struct ApiTokenInput: Sendable, Equatable {
    public var name: String?
    public var expiresInDays: String?

    @Memberwise
    public struct Valid: Sendable, Equatable {
        public var name: String
        public var expiresAt: Date?
    }

    public static let maxDays = 365

    /// Expiry is counted from `now`; empty means the token does not expire.
    public func validate(now: Date) throws(DomainError) -> Valid {
        var v = Validator()
        let name = v.text(name, "name", "Name", max: 80)
        var expiresAt: Date?
        let days = (expiresInDays ?? "").trimmingCharacters(in: .whitespaces)
        if !days.isEmpty {
            if let n = Int(days), (1...Self.maxDays).contains(n) {
                expiresAt = now.addingTimeInterval(TimeInterval(n) * 86_400)
            } else {
                v.add("expiresInDays", "Expiry must be a whole number of days from 1 to \(Self.maxDays), or empty for no expiry.")
            }
        }
        try v.check()
        return Valid(name: name, expiresAt: expiresAt)
    }
}

public protocol ApiTokenRepository: Sendable {
    func create(userID: UUID, _ valid: ApiTokenInput.Valid, tokenHash: String, prefix: String, by actor: AuditActor) async throws
        -> ApiToken
    func list(userID: UUID) async throws -> [ApiToken]
    /// The token with this hash, whatever its state; the caller checks `isUsable`.
    func find(tokenHash: String) async throws -> ApiToken?
    func revoke(_ id: UUID, userID: UUID, by actor: AuditActor) async throws
    func markUsed(_ id: UUID, at: Date) async throws
}
