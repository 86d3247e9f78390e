import AccordCore
import AccordStore
import AccordTestSupport
import Foundation
import Testing

/// The clock and the id generator reach the store: a test pins both and sees them in the records and the audit.
@Suite struct PinnedTimeAndIdsTests {
    @Test(arguments: TestDatabase.available)
    func recordsAndAuditRowsCarryThePinnedTimeAndIds(_ kind: TestDatabase) async throws {
        let instant = Date(timeIntervalSince1970: 1_800_000_000.123)
        try await kind.withStore(clock: .fixed(instant), ids: .sequential(start: 41)) { store in
            let org = try await Fixtures.organization(store, "Norvik Biologics", kind: .partner)
            #expect(org.id.uuidString == "00000000-0000-4000-8000-000000000029")
            #expect(org.createdAt == instant && org.updatedAt == instant)
            let person = try await Fixtures.person(store, org, "Ana Kim")
            #expect(person.id.uuidString == "00000000-0000-4000-8000-00000000002A")
            let stored = try await store.organizations.find(org.id)
            #expect(abs((stored?.createdAt ?? .distantPast).timeIntervalSince(instant)) < 0.001)
            let audit = try await store.audit.recent(limit: 2)
            #expect(audit.allSatisfy { abs($0.at.timeIntervalSince(instant)) < 0.001 })
            #expect(Set(audit.map(\.change.entityID)) == [org.id, person.id])
        }
    }

    @Test func sequentialIdsAreDistinctUnderConcurrency() async {
        let ids = IDGenerator.sequential()
        let made = await withTaskGroup(of: UUID.self) { group in
            for _ in 0..<200 { group.addTask { ids.next() } }
            var all: Set<UUID> = []
            for await id in group { all.insert(id) }
            return all
        }
        #expect(made.count == 200)
    }
}
