import AccordCore
import AccordStore
import Foundation
import Testing

@Suite struct CalendarFeedStoreTests {
    @Test(arguments: TestDatabase.available)
    func feedsAreFoundByHashResetAndTurnedOffWithAudit(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let user = try await store.users.create(
                try UserInput(email: "cal@helix.example", name: "C", role: "member").validate(), passwordHash: "h", by: Fixtures.actor)
            #expect(try await store.calendarFeeds.feed(userID: user.id) == nil)
            _ = try await store.calendarFeeds.reset(userID: user.id, tokenHash: "hash-1", by: Fixtures.actor)
            #expect(try await store.calendarFeeds.userID(tokenHash: "hash-1") == user.id)
            _ = try await store.calendarFeeds.reset(userID: user.id, tokenHash: "hash-2", by: Fixtures.actor)
            #expect(try await store.calendarFeeds.userID(tokenHash: "hash-1") == nil)
            #expect(try await store.calendarFeeds.userID(tokenHash: "hash-2") == user.id)
            try await store.calendarFeeds.revoke(userID: user.id, by: Fixtures.actor)
            try await store.calendarFeeds.revoke(userID: user.id, by: Fixtures.actor)
            #expect(try await store.calendarFeeds.userID(tokenHash: "hash-2") == nil)
            #expect(try await store.calendarFeeds.feed(userID: user.id) == nil)
            let actions = try await store.audit.recent(limit: 10).filter { $0.change.entity == "calendar_feed" }.map(\.change.action)
            #expect(actions.sorted { $0.rawValue < $1.rawValue } == [.create, .delete, .update])
            #expect(try await store.audit.verify().intact)
        }
    }
}
