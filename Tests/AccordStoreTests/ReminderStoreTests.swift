import AccordCore
import AccordStore
import Foundation
import Testing

@Suite struct ReminderStoreTests {
    @Test(arguments: TestDatabase.available)
    func eachReminderIsClaimedOnceAcrossServers(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (alliance, ours, _) = try await GovernanceStoreTests.setup(store)
            let item = try await store.obligations.createObligation(
                allianceID: alliance.id,
                try ObligationInput(title: "Report", kind: "report", direction: "joint", dueOn: "2027-01-17").validate(triggers: []),
                by: Fixtures.actor)
            let rule = ReminderRule(obligationID: item.id, recipients: [ours[0].id], leadDays: [7, 0])
            try await store.reminders.saveRule(item.id, rule, by: Fixtures.actor)
            #expect(try await store.reminders.rules(obligationIDs: [item.id])[item.id] == rule)
            let reminder = DueReminder(
                obligationID: item.id, allianceID: alliance.id, occurrence: 0, leadDays: 7, personID: ours[0].id,
                dueOn: LocalDate("2027-01-17")!, title: "Report")
            func note() -> InAppNotification {
                InAppNotification(
                    id: UUID(), personID: ours[0].id, title: "Due in 7 days: Report", body: "b", link: nil, createdAt: Date(), readAt: nil)
            }
            // A second server on the same database, and eight claims racing from both.
            let other = Store(database: try await AccordDatabase.open(store.database.url, logger: TestDatabase.logger))
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 0..<8 {
                    let server = n % 2 == 0 ? store : other
                    group.addTask { try await server.reminders.claim(reminder, notification: note()) != nil }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            await other.database.close()
            #expect(wins == 1)
            #expect(try await store.reminders.notifications(personID: ours[0].id, limit: 10).count == 1)
            var sameDay = reminder
            sameDay.leadDays = 0
            #expect(try await store.reminders.claim(sameDay, notification: note()) != nil)
            try await store.reminders.markRead(personID: ours[0].id, at: Date())
            #expect(try await store.reminders.notifications(personID: ours[0].id, limit: 10).allSatisfy { $0.readAt != nil })
            try await store.reminders.saveRule(item.id, nil, by: Fixtures.actor)
            #expect(try await store.reminders.rules(obligationIDs: [item.id]).isEmpty)
            #expect(try await store.audit.verify().intact)
        }
    }
}
