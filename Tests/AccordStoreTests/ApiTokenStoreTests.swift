import AccordCore
import AccordStore
import Foundation
import Testing

@Suite struct ApiTokenStoreTests {
    @Test(arguments: TestDatabase.available)
    func tokensAreStoredHashedUsedAndRevokedWithAudit(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let user = try await store.users.create(
                try UserInput(email: "t@helix.example", name: "T", role: "executive").validate(), passwordHash: "h", by: Fixtures.actor)
            let now = Date()
            let valid = try ApiTokenInput(name: "Export", expiresInDays: "30").validate(now: now)
            let token = try await store.apiTokens.create(userID: user.id, valid, tokenHash: "hash-1", prefix: "acc_abc", by: Fixtures.actor)
            #expect(token.isUsable(at: now) && !token.isUsable(at: now.addingTimeInterval(31 * 86_400)))
            #expect(try await store.apiTokens.find(tokenHash: "hash-1")?.id == token.id)
            #expect(try await store.apiTokens.find(tokenHash: "acc_abc") == nil)
            try await store.apiTokens.markUsed(token.id, at: now)
            #expect(try await store.apiTokens.list(userID: user.id).first?.lastUsedAt != nil)
            let other = UUID()
            await #expect(throws: DomainError.notFound("No such token.")) {
                try await store.apiTokens.revoke(token.id, userID: other, by: Fixtures.actor)
            }
            try await store.apiTokens.revoke(token.id, userID: user.id, by: Fixtures.actor)
            let revoked = try await store.apiTokens.find(tokenHash: "hash-1")
            #expect(revoked?.revokedAt != nil && revoked?.isUsable(at: now) == false)
            let entities = try await store.audit.recent(limit: 2).map(\.change.entity)
            #expect(entities == ["api_token", "api_token"])
            #expect(try await store.audit.verify().intact)
        }
    }
}
