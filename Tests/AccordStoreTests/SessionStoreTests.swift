import AccordCore
import AccordStore
import Foundation
import Testing

@Suite struct SessionStoreTests {
    @Test(arguments: TestDatabase.available)
    func sessionsExpireAndUsersCarryTheirRole(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let user = try await store.users.create(
                try UserInput(email: "a@helix.example", name: "Avery", role: "administrator").validate(), passwordHash: "hash",
                by: Fixtures.actor)
            let now = Date()
            let session = Session(tokenHash: "h1", userID: user.id, csrfToken: "c", createdAt: now, expiresAt: now.addingTimeInterval(60))
            try await store.sessions.create(session)
            #expect(try await store.sessions.find(tokenHash: "h1", now: now)?.userID == user.id)
            #expect(try await store.sessions.find(tokenHash: "h1", now: now.addingTimeInterval(61)) == nil)
            #expect(try await store.users.passwordHash(for: user.id) == "hash")
            await #expect(throws: DomainError.invalid("role", "Accord needs at least one active administrator.")) {
                try await store.users.update(
                    user.id, try UserInput(email: user.email, name: "Avery", role: "member").validate(), expectedVersion: nil,
                    by: Fixtures.actor)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func failuresAreCountedPerKeyWithinTheWindow(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let now = Date()
            for i in 0..<3 {
                try await store.signInAttempts.recordFailure(keys: ["account:a", "address:1"], at: now.addingTimeInterval(Double(i)))
            }
            #expect(try await store.signInAttempts.failures(key: "account:a", since: now.addingTimeInterval(-1)) == 3)
            #expect(try await store.signInAttempts.failures(key: "account:a", since: now.addingTimeInterval(1.5)) == 1)
            try await store.signInAttempts.clear(key: "account:a")
            #expect(try await store.signInAttempts.failures(key: "account:a", since: now.addingTimeInterval(-1)) == 0)
            #expect(try await store.signInAttempts.failures(key: "address:1", since: now.addingTimeInterval(-1)) == 3)
        }
    }

    @Test(arguments: TestDatabase.available)
    func partnerUsersMustBeLinkedToAPartnersPerson(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
            let dana = try await Fixtures.person(store, ours, "Dana")
            let input = UserInput(email: "p@x.example", name: "P", role: "partner", personID: dana.id.uuidString)
            await #expect(throws: DomainError.invalid("personID", "Partner users must be linked to a person at a partner organisation.")) {
                try await store.users.create(try input.validate(), passwordHash: "h", by: Fixtures.actor)
            }
        }
    }
}
