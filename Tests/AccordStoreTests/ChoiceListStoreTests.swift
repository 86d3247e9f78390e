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

    /// A coverage gap's candidates: one organisation's people of one function, not on the team, the best suited level
    /// first and then by name, the first few and how many there are.
    @Test(arguments: TestDatabase.available)
    func functionCandidatesRankLevelsAndCountTheRest(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
            let norvik = try await Fixtures.organization(store, "Norvik", kind: .partner)
            let dana = try await Fixtures.person(store, ours, "Dana Whitfield", function: .legal, level: .management)
            let exec = try await Fixtures.person(store, ours, "Ada Executive", function: .legal, level: .executive)
            let ops = try await Fixtures.person(store, ours, "Bo Operational", function: .legal, level: .operational)
            let senior = try await Fixtures.person(store, ours, "Cy Senior", function: .legal, level: .seniorManagement)
            let zed = try await Fixtures.person(store, ours, "Zed Manager", function: .legal, level: .management)
            let abe = try await Fixtures.person(store, ours, "abe manager", function: .legal, level: .management)
            _ = try await Fixtures.person(store, ours, "Finn Finance", function: .finance)
            _ = try await Fixtures.person(store, norvik, "Lars Legal", function: .legal)
            let alliance = try await store.alliances.create(
                try Fixtures.allianceInput("HX", partner: norvik, manager: dana).validate(), by: Fixtures.actor)
            func candidates(_ limit: Int) async throws -> Page<Person> {
                try await store.people.functionCandidates(
                    allianceID: alliance.id, organizationID: ours.id, function: .legal, levels: InvolvementPlan.pickOrder, limit: limit)
            }
            let all = try await candidates(10)
            #expect(
                all.items.map(\.id) == [abe.id, zed.id, senior.id, ops.id, exec.id], "Dana manages it; by level, then name in any case")
            #expect(all.total == 5)
            let first = try await candidates(2)
            #expect(first.items.map(\.id) == [abe.id, zed.id])
            #expect(first.total == 5, "counted beyond the page")
            let none = try await store.people.functionCandidates(
                allianceID: alliance.id, organizationID: ours.id, function: .quality, levels: InvolvementPlan.pickOrder, limit: 2)
            #expect(none.items.isEmpty && none.total == 0)
        }
    }

    /// The forms' choice of a person: one organisation's people, every partner's, ours or everyone's, by name in any
    /// case, narrowed by a name with LIKE's wildcards taken literally, limited, and counted up to a limit.
    @Test(arguments: TestDatabase.available)
    func peopleNamesAndCountsFollowTheScope(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
            let norvik = try await Fixtures.organization(store, "Norvik", kind: .partner)
            let kanto = try await Fixtures.organization(store, "Kanto", kind: .partner)
            let dana = try await Fixtures.person(store, ours, "Dana Whitfield")
            let vera = try await Fixtures.person(store, norvik, "vera Lindqvist")
            let lars = try await Fixtures.person(store, norvik, "Lars 100% Sure")
            let kei = try await Fixtures.person(store, kanto, "Kei Tanaka")
            func names(_ scope: PeopleScope, _ text: String? = nil, limit: Int? = nil) async throws -> [UUID] {
                try await store.people.names(in: scope, matching: text, limit: limit).map(\.id)
            }
            #expect(try await names(.organization(norvik.id)) == [lars.id, vera.id])
            #expect(try await names(.kind(.partner)) == [kei.id, lars.id, vera.id])
            #expect(try await names(.kind(.ours)) == [dana.id])
            #expect(try await names(.everyone) == [dana.id, kei.id, lars.id, vera.id])
            #expect(try await names(.everyone, limit: 2) == [dana.id, kei.id])
            #expect(try await names(.kind(.partner), "LIND") == [vera.id])
            #expect(try await names(.everyone, "0% s") == [lars.id])
            #expect(try await names(.everyone, "%") == [lars.id], "a percent sign is a percent sign")
            #expect(try await names(.organization(UUID())).isEmpty)
            #expect(
                try await store.people.names(in: .organization(norvik.id), matching: "vera", limit: nil).first?.name == "vera Lindqvist")
            #expect(try await store.people.count(in: .kind(.partner), upTo: 10) == 3)
            #expect(try await store.people.count(in: .kind(.partner), upTo: 2) == 2)
            #expect(try await store.people.count(in: .everyone, upTo: 10) == 4)
            #expect(try await store.people.count(in: .organization(kanto.id), upTo: 10) == 1)
        }
    }

    /// The organisations list a page at a time, in the order of the whole list, narrowed by name, with the total.
    @Test(arguments: TestDatabase.available)
    func organisationsPageInTheListsOrder(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            _ = try await Fixtures.organization(store, "Helix", kind: .ours)
            for name in ["Norvik", "kanto", "Basilea", "Lotus 100%"] { _ = try await Fixtures.organization(store, name, kind: .partner) }
            let all = try await store.organizations.list().map(\.id)
            let first = try await store.organizations.list(matching: nil, page: 1, perPage: 2)
            let third = try await store.organizations.list(matching: nil, page: 3, perPage: 2)
            #expect(
                first.items.map(\.id) + (try await store.organizations.list(matching: nil, page: 2, perPage: 2)).items.map(\.id)
                    + third.items.map(\.id) == all)
            #expect(first.total == 5 && third.items.count == 1)
            let named = try await store.organizations.list(matching: "AN", page: 1, perPage: 10)
            #expect(named.items.map(\.name) == ["kanto"] && named.total == 1)
            #expect(try await store.organizations.list(matching: "0%", page: 1, perPage: 10).items.map(\.name) == ["Lotus 100%"])
            #expect(try await store.organizations.list(matching: nil, page: 9, perPage: 10).items.isEmpty)
        }
    }
}
