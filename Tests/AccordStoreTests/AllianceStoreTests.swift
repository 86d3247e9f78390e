import AccordCore
import AccordStore
import Foundation
import Testing

@Suite struct AllianceStoreTests {
    struct World {
        let ours: Organization
        let norvik: Organization
        let kanto: Organization
        let dana: Person
        let lars: Person
    }

    static func world(_ store: Store) async throws -> World {
        let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
        let norvik = try await Fixtures.organization(store, "Norvik", kind: .partner)
        let kanto = try await Fixtures.organization(store, "Kanto", kind: .partner)
        let dana = try await Fixtures.person(store, ours, "Dana Whitfield", function: .allianceManagement)
        let lars = try await Fixtures.person(store, norvik, "Lars Berg")
        return World(ours: ours, norvik: norvik, kanto: kanto, dana: dana, lars: lars)
    }

    @Test(arguments: TestDatabase.available)
    func namedPeopleBecomeTeamMembersAndFollowChanges(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let w = try await Self.world(store)
            var input = Fixtures.allianceInput("HX-201", partner: w.norvik, manager: w.dana)
            input.partnerManagerID = w.lars.id.uuidString
            let alliance = try await store.alliances.create(try input.validate(), by: Fixtures.actor)
            let members = try await store.alliances.members(of: alliance.id)
            #expect(Set(members.map(\.personID)) == [w.dana.id, w.lars.id])
            #expect(members.first { $0.personID == w.lars.id }?.side == .partner)
            #expect(try await store.alliances.allianceIDs(forPerson: w.lars.id) == [alliance.id])

            input.partnerManagerID = ""
            _ = try await store.alliances.update(alliance.id, try input.validate(), expectedVersion: 1, by: Fixtures.actor)
            #expect(try await store.alliances.members(of: alliance.id).map(\.personID) == [w.dana.id])
            let history = try await store.audit.history(allianceID: alliance.id, limit: 10)
            #expect(history.map(\.change.entity) == ["membership", "alliance", "membership", "membership", "alliance"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func badReferencesWriteNothing(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let w = try await Self.world(store)
            let before = try await Fixtures.auditCount(store)
            var input = Fixtures.allianceInput("Wrong side", partner: w.kanto)
            input.partnerManagerID = w.lars.id.uuidString  // works for Norvik, not Kanto
            await #expect(throws: DomainError.invalid("partnerManagerID", "Partner alliance manager must work for the partner.")) {
                try await store.alliances.create(try input.validate(), by: Fixtures.actor)
            }
            input = Fixtures.allianceInput("Our own partner", partner: w.ours)
            await #expect(throws: DomainError.self) { try await store.alliances.create(try input.validate(), by: Fixtures.actor) }
            #expect(try await Fixtures.auditCount(store) == before)
            #expect(try await store.alliances.list(AllianceQuery()).total == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func listFiltersSortsPagesAndScopes(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let w = try await Self.world(store)
            var ids: [UUID] = []
            for i in 0..<12 {
                var input = Fixtures.allianceInput(
                    String(format: "Alliance %02d", i), partner: i.isMultiple(of: 3) ? w.kanto : w.norvik,
                    manager: i < 4 ? w.dana : nil)
                input.phase = i.isMultiple(of: 2) ? "commercialization" : "development"
                input.valueAmount = String(i * 1000)
                input.valueCurrency = "USD"
                ids.append(try await store.alliances.create(try input.validate(), by: Fixtures.actor).id)
            }
            var q = AllianceQuery()
            q.perPage = 5
            q.page = 3
            let last = try await store.alliances.list(q)
            #expect(last.total == 12 && last.items.map(\.alliance.name) == ["Alliance 10", "Alliance 11"])
            q = AllianceQuery()
            q.partnerID = w.kanto.id
            q.phase = .commercialization
            #expect(try await store.alliances.list(q).items.map(\.alliance.name) == ["Alliance 00", "Alliance 06"])
            q = AllianceQuery()
            q.managerID = w.dana.id
            q.sort = .value
            q.descending = true
            let managed = try await store.alliances.list(q)
            #expect(managed.items.map(\.alliance.name) == ["Alliance 03", "Alliance 02", "Alliance 01", "Alliance 00"])
            #expect(managed.items.first?.managerName == "Dana Whitfield" && managed.items.first?.partnerName == "Kanto")
            q = AllianceQuery()
            q.text = "kanto"
            #expect(try await store.alliances.list(q).total == 4)
            q = AllianceQuery()
            q.scope = .only([ids[5], ids[7]])
            #expect(try await store.alliances.list(q).items.map(\.alliance.id) == [ids[5], ids[7]])
            q.scope = .only([])
            #expect(try await store.alliances.list(q).total == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func deletingAnAllianceRemovesItsTeamWithAuditRecords(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let w = try await Self.world(store)
            let alliance = try await store.alliances.create(
                try Fixtures.allianceInput("Short-lived", partner: w.norvik, manager: w.dana).validate(), by: Fixtures.actor)
            let member = try await store.alliances.addMember(
                alliance.id, personID: w.lars.id, side: .partner, role: .member, by: Fixtures.actor)
            await #expect(throws: DomainError.self) {
                try await store.alliances.addMember(alliance.id, personID: w.lars.id, side: .partner, role: .member, by: Fixtures.actor)
            }
            try await store.alliances.removeMember(member.id, from: alliance.id, by: Fixtures.actor)
            try await store.alliances.delete(alliance.id, by: Fixtures.actor)
            #expect(try await store.alliances.find(alliance.id) == nil)
            let history = try await store.audit.history(allianceID: alliance.id, limit: 20)
            #expect(history.first?.change.action == .delete && history.first?.change.entity == "alliance")
            #expect(history.filter { $0.change.entity == "membership" && $0.change.action == .delete }.count == 2)
            #expect(try await store.audit.verify().intact)
        }
    }

    /// Totals are kept per audit head and filter: each create, edit and delete moves the head, so the same query asked
    /// again counts what is there now, and a filter is never answered with another filter's total.
    @Test(arguments: TestDatabase.available)
    func keptTotalsFollowEveryChangeAndEveryFilter(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let w = try await Self.world(store)
            var byKanto = AllianceQuery()
            byKanto.partnerID = w.kanto.id
            var byText = AllianceQuery()
            byText.text = "renamed"
            func totals() async throws -> [Int] {
                [
                    try await store.alliances.list(AllianceQuery()).total, try await store.alliances.list(byKanto).total,
                    try await store.alliances.list(byText).total,
                ]
            }
            #expect(try await totals() == [0, 0, 0])
            let first = try await store.alliances.create(
                try Fixtures.allianceInput("First", partner: w.norvik).validate(), by: Fixtures.actor)
            #expect(try await totals() == [1, 0, 0])
            #expect(try await totals() == [1, 0, 0])
            var input = Fixtures.allianceInput("Second", partner: w.kanto)
            let second = try await store.alliances.create(try input.validate(), by: Fixtures.actor)
            #expect(try await totals() == [2, 1, 0])
            input.name = "Renamed second"
            _ = try await store.alliances.update(second.id, try input.validate(), expectedVersion: 1, by: Fixtures.actor)
            #expect(try await totals() == [2, 1, 1])
            try await store.alliances.delete(first.id, by: Fixtures.actor)
            #expect(try await totals() == [1, 1, 1])
            try await store.alliances.delete(second.id, by: Fixtures.actor)
            #expect(try await totals() == [0, 0, 0])
        }
    }
}
