import AccordCore
import AccordStore
import AccordTestSupport
import Foundation
import Testing

/// The portfolio's filter lists read ids and names only: partners by name, and our people who manage an alliance.
@Suite struct ChoiceListStoreTests {
    @Test(arguments: TestDatabase.available)
    func partnerNamesAndTheManagersOfAlliances(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
            let norvik = try await Fixtures.organization(store, "norvik Biologics", kind: .partner)
            let basilea = try await Fixtures.organization(store, "Basilea Genomics", kind: .partner)
            let dana = try await Fixtures.person(store, ours, "Dana Whitfield")
            let idle = try await Fixtures.person(store, ours, "Alex Idle")
            _ = try await store.alliances.create(
                try Fixtures.allianceInput("HX", partner: norvik, manager: dana).validate(), by: Fixtures.actor)
            _ = try await store.alliances.create(
                try Fixtures.allianceInput("BX", partner: basilea, manager: dana).validate(), by: Fixtures.actor)
            #expect(
                try await store.organizations.names(kind: .partner) == [
                    NamedID(id: basilea.id, name: "Basilea Genomics"), NamedID(id: norvik.id, name: "norvik Biologics"),
                ])
            #expect(try await store.organizations.names(kind: .ours).map(\.id) == [ours.id])
            let managers = try await store.alliances.managerChoices()
            #expect(managers == [NamedID(id: dana.id, name: "Dana Whitfield")], "\(managers)")
            #expect(!managers.contains { $0.id == idle.id })
        }
    }
}
