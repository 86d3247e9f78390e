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

    /// Search as you type: a case-insensitive "contains" on the name, limited, with `%`, `_` and `\` taken literally.
    @Test(arguments: TestDatabase.available)
    func namesMatchTypedTextLiterallyAndAreLimited(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
            let norvik = try await Fixtures.organization(store, "Norvik Biologics", kind: .partner)
            let nordic = try await Fixtures.organization(store, "Nordic 100% Bio", kind: .partner)
            let under = try await Fixtures.organization(store, "Under_score Pharma", kind: .partner)
            _ = try await Fixtures.organization(store, "Basilea Genomics", kind: .partner)
            #expect(try await store.organizations.names(kind: .partner, matching: "NOR", limit: nil).map(\.id) == [nordic.id, norvik.id])
            #expect(try await store.organizations.names(kind: .partner, matching: "nor", limit: 1).map(\.id) == [nordic.id])
            #expect(try await store.organizations.names(kind: .partner, matching: "100%", limit: nil).map(\.id) == [nordic.id])
            #expect(try await store.organizations.names(kind: .partner, matching: "%", limit: nil).map(\.id) == [nordic.id])
            #expect(try await store.organizations.names(kind: .partner, matching: "k_b", limit: nil).isEmpty, "_ is no wildcard")
            #expect(try await store.organizations.names(kind: .partner, matching: "_", limit: nil).map(\.id) == [under.id])
            #expect(try await store.organizations.names(kind: .partner, matching: "\\", limit: nil).isEmpty)
            #expect(try await store.organizations.names(kind: .partner, matching: "helix", limit: nil).isEmpty, "ours is not a partner")
            #expect(
                try await store.organizations.names(ids: [norvik.id, ours.id, UUID()]) == [norvik.id: "Norvik Biologics", ours.id: "Helix"])

            let dana = try await Fixtures.person(store, ours, "Dana Whitfield")
            let dan = try await Fixtures.person(store, ours, "Dan Okafor")
            _ = try await store.alliances.create(
                try Fixtures.allianceInput("HX", partner: norvik, manager: dana).validate(), by: Fixtures.actor)
            _ = try await store.alliances.create(
                try Fixtures.allianceInput("NX", partner: nordic, manager: dan).validate(), by: Fixtures.actor)
            #expect(try await store.alliances.managerChoices(matching: "dan", limit: nil).map(\.id) == [dan.id, dana.id])
            #expect(try await store.alliances.managerChoices(matching: "whit", limit: 5).map(\.id) == [dana.id])
            #expect(try await store.alliances.managerCount(upTo: 10) == 2)
            #expect(try await store.alliances.managerCount(upTo: 1) == 1)
            #expect(try await store.organizations.count(kind: .partner, upTo: 10) == 4)
            #expect(try await store.organizations.count(kind: .partner, upTo: 3) == 3)
        }
    }

    /// The team picker offers our people and the partner's who are not on the team yet, by name, matching and limited.
    @Test(arguments: TestDatabase.available)
    func teamCandidatesLeaveOutTheTeamAndOtherPartners(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
            let norvik = try await Fixtures.organization(store, "Norvik", kind: .partner)
            let other = try await Fixtures.organization(store, "Basilea", kind: .partner)
            let dana = try await Fixtures.person(store, ours, "Dana Whitfield")
            let priya = try await Fixtures.person(store, ours, "Priya Raman")
            let lars = try await Fixtures.person(store, norvik, "Lars Berg")
            _ = try await Fixtures.person(store, other, "Paola Conti")
            let alliance = try await store.alliances.create(
                try Fixtures.allianceInput("HX", partner: norvik, manager: dana).validate(), by: Fixtures.actor)
            let orgs = [ours.id, norvik.id]
            let all = try await store.people.teamCandidates(allianceID: alliance.id, organizationIDs: orgs, matching: nil, limit: 10)
            #expect(all.map(\.id) == [lars.id, priya.id], "Dana manages it; Paola works for another partner")
            #expect(
                try await store.people.teamCandidates(allianceID: alliance.id, organizationIDs: orgs, matching: "RAM", limit: 10).map(\.id)
                    == [priya.id])
            #expect(
                try await store.people.teamCandidates(allianceID: alliance.id, organizationIDs: orgs, matching: nil, limit: 1).map(\.id)
                    == [lars.id])
            #expect(try await store.people.teamCandidates(allianceID: alliance.id, organizationIDs: [], matching: nil, limit: 10).isEmpty)
            #expect(try await store.people.teamCandidateCount(allianceID: alliance.id, organizationIDs: orgs, upTo: 10) == 2)
            #expect(try await store.people.teamCandidateCount(allianceID: alliance.id, organizationIDs: orgs, upTo: 1) == 1)
        }
    }
}
