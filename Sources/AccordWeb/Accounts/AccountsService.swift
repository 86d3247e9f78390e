import AccordCore
import AccordStore
import Foundation

/// Users (administered: `manageUsers`) and each user's own API tokens.
struct AccountsService: Sendable {
    private let users: any UserRepository
    private let apiTokens: any ApiTokenRepository
    private let choices: DirectoryChoices
    /// bcrypt cost; tests lower it to stay fast.
    let bcryptCost: UInt8
    let clock: WallClock

    init(_ services: Services) {
        let store = services.store
        users = store.users
        apiTokens = store.apiTokens
        choices = DirectoryChoices(store)
        bcryptCost = services.bcryptCost
        clock = store.database.clock
    }

    // MARK: Users

    func allUsers(_ admin: SignedIn) async throws -> [User] {
        try AccessPolicy.require(admin.principal, .manageUsers)
        return try await users.list()
    }

    func user(_ id: UUID, _ admin: SignedIn) async throws -> User {
        try AccessPolicy.require(admin.principal, .manageUsers)
        guard let user = try await users.find(id) else { throw DomainError.notFound("No such user.") }
        return user
    }

    /// The person a user is linked to, chosen among everyone in the directory: resolved from a posted form or (with
    /// none) from the id `input` holds, which gets what was chosen.
    func linkedPerson(_ form: FormData?, _ input: inout UserInput) async throws -> FormChoice.Resolved {
        let resolved = try await FormChoice.resolve(
            form, "personID", label: "Linked person", current: input.personID, choices.people(.everyone, blank: "None"))
        input.personID = resolved.value
        return FormChoice.Resolved(value: resolved.value, field: try await choices.labelled(resolved.field), error: resolved.error)
    }

    /// Creates a user with a password that follows the rules (checked before it is hashed).
    func createUser(_ input: UserInput, password: String, by admin: SignedIn) async throws -> User {
        try AccessPolicy.require(admin.principal, .manageUsers)
        let valid = try input.validate()
        try PasswordRules.check(password, email: valid.email)
        return try await users.create(valid, passwordHash: try await Passwords.hash(password, cost: bcryptCost), by: admin.actor)
    }

    func updateUser(_ user: User, _ input: UserInput, expectedVersion: Int?, by admin: SignedIn) async throws -> User {
        try AccessPolicy.require(admin.principal, .manageUsers)
        return try await users.update(user.id, try input.validate(), expectedVersion: expectedVersion, by: admin.actor)
    }

    func setPassword(_ user: User, _ password: String, by admin: SignedIn) async throws {
        try AccessPolicy.require(admin.principal, .manageUsers)
        try PasswordRules.check(password, email: user.email)
        try await users.setPassword(user.id, passwordHash: try await Passwords.hash(password, cost: bcryptCost), by: admin.actor)
    }

    // MARK: API tokens

    func tokens(_ user: SignedIn) async throws -> [ApiToken] { try await apiTokens.list(userID: user.user.id) }

    /// Creates a token for the user and returns its text: the only time it is ever available.
    func issueToken(_ input: ApiTokenInput, for user: SignedIn) async throws -> String {
        try await ApiTokenIssuer.issue(try input.validate(now: clock.now()), for: user.user, tokens: apiTokens, actor: user.actor)
    }

    func revokeToken(_ id: UUID, of user: SignedIn) async throws {
        try await apiTokens.revoke(id, userID: user.user.id, by: user.actor)
    }
}

/// Creates tokens for the web page and the `accord token create` command alike.
public enum ApiTokenIssuer {
    /// Creates a token and returns its text, the only time it is ever available.
    public static func issue(_ valid: ApiTokenInput.Valid, for user: User, tokens: any ApiTokenRepository, actor: AuditActor)
        async throws -> String
    {
        let token = ApiToken.marker + Tokens.random()
        _ = try await tokens.create(
            userID: user.id, valid, tokenHash: Tokens.sha256(token), prefix: String(token.prefix(10)), by: actor)
        return token
    }
}
