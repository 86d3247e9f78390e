import AccordCore
import Foundation
import Testing

/// Counterpart pairs: one person from each side, strength 1-5, contact cadence; gaps by level and needed function.
@Suite struct RelationshipTests {
    let ours = UUID()
    let partner = UUID()
    let today = LocalDate("2026-11-30")!

    func person(_ name: String, _ org: UUID, _ function: BusinessFunction = .commercial, _ level: Level = .management) -> Person {
        Person(
            id: UUID(), organizationID: org, name: name, email: "\(name)@x.com", title: nil, function: function, level: level,
            createdAt: Date(), updatedAt: Date())
    }

    @Test func aPairJoinsOnePersonFromEachSide() throws {
        let dana = person("Dana", ours, .allianceManagement, .seniorManagement)
        let kenji = person("Kenji", partner)
        let victor = person("Victor", ours)
        let stranger = person("Sam", UUID())
        let people = Dictionary(uniqueKeysWithValues: [dana, kenji, victor, stranger].map { ($0.id, $0) })
        func check(_ input: CounterpartInput) throws -> CounterpartInput.Valid {
            try input.validate(people: people, ourOrganizationID: ours, partnerID: partner, today: today)
        }
        let valid = try check(CounterpartInput(ourPersonID: dana.id.uuidString, partnerPersonID: kenji.id.uuidString, strength: "4"))
        #expect(valid.level == .seniorManagement && valid.function == .allianceManagement && valid.cadence == .quarterly)
        let sameSide = #expect(throws: DomainError.self) {
            try check(CounterpartInput(ourPersonID: dana.id.uuidString, partnerPersonID: victor.id.uuidString, strength: "3"))
        }
        #expect(sameSide?.fieldErrors.map(\.field) == ["partnerPersonID"])
        #expect(sameSide?.fieldErrors.first?.message.contains("Both people work for our company") == true)
        let swapped = #expect(throws: DomainError.self) {
            try check(CounterpartInput(ourPersonID: kenji.id.uuidString, partnerPersonID: stranger.id.uuidString, strength: "3"))
        }
        #expect(Set(swapped?.fieldErrors.map(\.field) ?? []) == ["ourPersonID", "partnerPersonID"])
        let bad = #expect(throws: DomainError.self) {
            try check(
                CounterpartInput(
                    ourPersonID: UUID().uuidString, partnerPersonID: "nope", level: "board", function: "marketing", cadence: "daily",
                    lastContact: "2026-12-25", strength: "6"))
        }
        #expect(
            Set(bad?.fieldErrors.map(\.field) ?? []) == [
                "ourPersonID", "partnerPersonID", "level", "function", "cadence", "lastContact", "strength",
            ])
    }

    @Test func contactIsOverdueAfterTheCadenceAndGapsFollowThePlaybook() throws {
        let valid = CounterpartInput.Valid(
            ourPersonID: UUID(), partnerPersonID: UUID(), level: .executive, function: .commercial, cadence: .monthly,
            lastContact: today.adding(days: -31), strength: 4, notes: nil)
        var pair = CounterpartPair(id: UUID(), allianceID: UUID(), valid: valid, createdAt: Date())
        #expect(!pair.isContactOverdue(today: today))
        #expect(pair.isContactOverdue(today: today.adding(days: 1)))
        pair.cadence = .adHoc
        #expect(!pair.isContactOverdue(today: today.adding(days: 900)))
        pair.cadence = .weekly
        pair.lastContact = nil
        #expect(pair.isContactOverdue(today: today))

        var second = pair
        (second.level, second.function, second.strength) = (.operational, .supplyChain, 2)
        let map = RelationshipMap(
            pairs: [second, pair], playbook: DefaultPlaybooks.playbook(.coCommercialization), phase: .commercialization)
        #expect(map.pairs.map(\.level) == [.executive, .operational])
        #expect(map.levelGaps == [.seniorManagement, .management])
        #expect(map.functionGaps == [.medical, .finance])
        #expect(map.averageStrength == 3.0 && map.hasGaps)
    }
}
