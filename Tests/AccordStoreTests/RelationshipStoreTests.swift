import AccordCore
import AccordStore
import Foundation
import Testing

@Suite struct RelationshipStoreTests {
    @Test(arguments: TestDatabase.available)
    func pairsAreUniqueVersionedAndAudited(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
            let partner = try await Fixtures.organization(store, "Norvik", kind: .partner)
            let alliance = try await store.alliances.create(
                try Fixtures.allianceInput("HX", partner: partner).validate(), by: Fixtures.actor)
            let dana = try await Fixtures.person(store, ours, "Dana")
            let kenji = try await Fixtures.person(store, partner, "Kenji")
            let valid = CounterpartInput.Valid(
                ourPersonID: dana.id, partnerPersonID: kenji.id, level: .management, function: .research, cadence: .monthly,
                lastContact: LocalDate("2026-10-01"), strength: 3, notes: nil)
            let before = try await Fixtures.auditCount(store)
            let pair = try await store.relationships.create(allianceID: alliance.id, valid, by: Fixtures.actor)
            let duplicate = await #expect(throws: DomainError.self) {
                try await store.relationships.create(allianceID: alliance.id, valid, by: Fixtures.actor)
            }
            #expect(duplicate?.fieldErrors.map(\.field) == ["partnerPersonID"])
            let contacted = try await store.relationships.recordContact(pair.id, on: LocalDate("2026-11-20")!, by: Fixtures.actor)
            #expect(contacted.lastContact == LocalDate("2026-11-20") && contacted.version == 2)
            // An older contact never moves the date back.
            #expect(
                try await store.relationships.recordContact(pair.id, on: LocalDate("2026-09-01")!, by: Fixtures.actor).lastContact
                    == LocalDate("2026-11-20"))
            var stronger = valid
            stronger.strength = 5
            await #expect(throws: DomainError.self) {
                try await store.relationships.update(pair.id, stronger, expectedVersion: 1, by: Fixtures.actor)
            }
            #expect(try await store.relationships.update(pair.id, stronger, expectedVersion: 3, by: Fixtures.actor).strength == 5)
            #expect(try await store.relationships.pairs(allianceID: alliance.id).map(\.id) == [pair.id])
            await #expect(throws: DomainError.self) { try await store.people.delete(kenji.id, by: Fixtures.actor) }
            await #expect(throws: DomainError.self) { try await store.alliances.delete(alliance.id, by: Fixtures.actor) }
            try await store.relationships.delete(pair.id, by: Fixtures.actor)
            #expect(try await store.relationships.pair(id: pair.id) == nil)
            #expect(try await Fixtures.auditCount(store) == before + 5)
        }
    }
}
