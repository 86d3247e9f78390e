import AccordCore
import AccordStore
import Foundation

/// Relationship maps on three demo alliances, built from each side's person of a function. Kanto has pairs at every
/// level with one weak and one overdue; Pampas has no operational pair; HX-201 pairs only its executives and managers.
enum DemoRelationships {
    typealias Pair = (ours: BusinessFunction, theirs: BusinessFunction, cadence: ContactCadence, lastDaysAgo: Int?, strength: Int)

    static let plans: [(alliance: String, pairs: [Pair])] = [
        (
            "Kanto Japan co-commercialization",
            [
                (.commercial, .commercial, .quarterly, 40, 4), (.allianceManagement, .allianceManagement, .weekly, 3, 5),
                (.medical, .medical, .monthly, 75, 2), (.finance, .finance, .quarterly, 20, 3),
                (.supplyChain, .supplyChain, .monthly, 12, 4),
            ]
        ),
        (
            "Pampas gene therapy in-license",
            [
                (.research, .research, .quarterly, 60, 3), (.allianceManagement, .allianceManagement, .weekly, 5, 2),
                (.regulatory, .regulatory, .monthly, 45, 3), (.clinical, .clinical, .monthly, 9, 4),
            ]
        ),
        (
            "HX-201 antibody discovery",
            [(.research, .research, .twiceAYear, 30, 5), (.allianceManagement, .allianceManagement, .weekly, 2, 4)]
        ),
    ]

    static func load(_ demo: DemoContext) async throws {
        let (store, actor, today) = (demo.store, demo.actor, demo.today)
        let (people, ours) = (demo.people, demo.ours?.name ?? "")
        for plan in plans {
            var query = AllianceQuery()
            query.text = plan.alliance
            guard let alliance = try await store.alliances.list(query).items.first?.alliance,
                let partner = try await store.organizations.find(alliance.partnerID)
            else { continue }
            for pair in plan.pairs {
                guard let our = people[ours]?[pair.ours], let their = people[partner.name]?[pair.theirs] else { continue }
                let valid = CounterpartInput.Valid(
                    ourPersonID: our.id, partnerPersonID: their.id, level: our.level, function: pair.ours, cadence: pair.cadence,
                    lastContact: pair.lastDaysAgo.map { today.adding(days: -$0) }, strength: pair.strength, notes: nil)
                _ = try await store.relationships.create(allianceID: alliance.id, valid, by: actor)
            }
        }
    }
}
