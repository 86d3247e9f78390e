import AccordCore
import AccordStore
import Foundation
import Testing

@Suite struct CultureStoreTests {
    @Test(arguments: TestDatabase.available)
    func profilesAreVersionedAndTheLogKeepsItsOwners(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
            let partner = try await Fixtures.organization(store, "Kanto", kind: .partner)
            let dana = try await Fixtures.person(store, ours, "Dana")
            #expect(try await store.culture.profile(organizationID: partner.id) == .empty(partner.id))
            let before = try await Fixtures.auditCount(store)
            let profile = try CultureProfileInput(scores: ["hierarchy": "4"], timeZones: "JST").validate(partner.id)
            let saved = try await store.culture.saveProfile(profile, expectedVersion: 0, by: Fixtures.actor)
            #expect(saved.version == 1)
            await #expect(throws: DomainError.self) { try await store.culture.saveProfile(profile, expectedVersion: 0, by: Fixtures.actor) }
            var again = profile
            again.scores[.directness] = 2
            #expect(try await store.culture.saveProfile(again, expectedVersion: 1, by: Fixtures.actor).version == 2)
            let read = try await store.culture.profile(organizationID: partner.id)
            #expect(read.scores == [.hierarchy: 4, .directness: 2] && read.timeZones == "JST")
            await #expect(throws: DomainError.self) {
                try await store.culture.saveProfile(.empty(UUID()), expectedVersion: nil, by: Fixtures.actor)
            }

            let valid = try DifferenceInput(
                difference: "Consensus", risk: "Slow", leverage: "Pre-meet", owner: dana.id.uuidString, dueOn: "2027-01-15"
            )
            .validate(owners: [dana.id])
            let entry = try await store.culture.createDifference(organizationID: partner.id, valid, by: Fixtures.actor)
            var moved = valid
            moved.status = .leveraged
            await #expect(throws: DomainError.self) {
                try await store.culture.updateDifference(entry.id, moved, expectedVersion: 2, by: Fixtures.actor)
            }
            let updated = try await store.culture.updateDifference(entry.id, moved, expectedVersion: 1, by: Fixtures.actor)
            #expect(updated.status == .leveraged && updated.version == 2)
            #expect(try await store.culture.differences(organizationID: partner.id).map(\.id) == [entry.id])
            #expect(try await Fixtures.auditCount(store) == before + 4)
            await #expect(throws: DomainError.self) { try await store.people.delete(dana.id, by: Fixtures.actor) }
            await #expect(throws: DomainError.self) { try await store.organizations.delete(partner.id, by: Fixtures.actor) }
        }
    }
}
