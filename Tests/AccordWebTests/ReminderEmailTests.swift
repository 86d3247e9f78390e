import AccordCore
import AccordStore
import AccordWeb
import Foundation
import Testing

/// Reminder email through the mailer protocol: two servers on one database run their schedulers at the same
/// moment, and every due reminder is mailed exactly once, with no sleeping and no SMTP server.
@Suite struct ReminderEmailTests {
    @Test(arguments: WebHarness.databases)
    func twoServersRunningTogetherMailEachReminderOnce(_ database: String) async throws {
        let mailer = RecordingMailer()
        try await WebHarness.run(database: database, mailer: mailer) { h in
            let first = try #require(h.services)
            let second = Services(store: h.store, views: first.views, config: AppConfig(), bcryptCost: 4, mailer: mailer)
            // The demo's Kanto plan reminds both alliance managers 45 days ahead: due the day the demo was loaded.
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for round in 0..<6 {
                    let services = round.isMultiple(of: 2) ? first : second
                    group.addTask { try await ReminderService(services).send() }
                }
                var all: [Int] = []
                for try await count in group { all.append(count) }
                return all
            }
            #expect(counts.reduce(0, +) == mailer.sent.count)
            #expect(mailer.sent.count == 2, "\(mailer.sent.map(\.to))")
            #expect(Set(mailer.sent.map(\.to)).count == 2)
            for email in mailer.sent {
                #expect(email.subject == "[Accord] Due in 45 days: Annual joint commercialization plan")
                #expect(email.body.contains("Kanto Japan co-commercialization, is due on") && email.body.contains("accord@helix.example"))
            }
        }
    }
}
