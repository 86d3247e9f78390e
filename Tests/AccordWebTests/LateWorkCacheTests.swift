import AccordCore
import Foundation
import Testing

@testable import AccordWeb

/// The portfolio's late work is worked out once per audit head and day, once however many ask at the same moment.
@Suite struct LateWorkCacheTests {
    actor Counter {
        var runs = 0
        func run() -> Int {
            runs += 1
            return runs
        }
    }

    func work(_ n: Int) -> LateWork {
        LateWork(
            attention: GovernanceAttention(actionItems: []).first(n, actionItems: n), bodies: [], allianceOfBody: [:], issueLimits: [:],
            allianceNames: [:], ownerNames: [:])
    }

    @Test func oneComputationPerHeadAndDaySharedByConcurrentCallers() async throws {
        let cache = LateWorkCache()
        let counter = Counter()
        let day = LocalDate("2026-12-01")!
        let key = LateWorkCache.Key(head: 7, day: day, sharedOnly: false, limit: 200)
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try await cache.value(for: key) {
                        let n = await counter.run()
                        try await Task.sleep(for: .milliseconds(20))
                        return self.work(n)
                    }.attention.counts.actionItems
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let runs = await counter.runs
        #expect(answers == Array(repeating: 1, count: 16) && runs == 1)
        // A newer head, another day or another audience is worked out again.
        for next in [
            LateWorkCache.Key(head: 8, day: day, sharedOnly: false, limit: 200),
            LateWorkCache.Key(head: 8, day: day.adding(days: 1), sharedOnly: false, limit: 200),
            LateWorkCache.Key(head: 8, day: day.adding(days: 1), sharedOnly: true, limit: 200),
        ] {
            _ = try await cache.value(for: next) { self.work(await counter.run()) }
        }
        let after = await counter.runs
        #expect(after == 4)
        #expect(try await cache.value(for: key) { self.work(await counter.run()) }.attention.counts.actionItems == 5)
    }

    @Test func aFailedComputationIsNotKept() async throws {
        struct Failure: Error {}
        let cache = LateWorkCache()
        let key = LateWorkCache.Key(head: 1, day: LocalDate("2026-12-01")!, sharedOnly: false, limit: nil)
        await #expect(throws: Failure.self) { try await cache.value(for: key) { throw Failure() } }
        #expect(try await cache.value(for: key) { self.work(3) }.attention.counts.actionItems == 3)
    }
}
