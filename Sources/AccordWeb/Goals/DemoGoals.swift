import AccordCore
import AccordStore
import Foundation

/// Joint goals with KPIs on three demo alliances, one KPI per category at least, with a few months of measurements
/// so each status and trend shows.
enum DemoGoals {
    struct Plan {
        let goal: String
        let term: GoalTerm
        let kpis: [(name: String, category: KPICategory, unit: String, target: String, direction: KPIDirection, values: [String])]
    }

    static let alliances: [(name: String, plans: [Plan])] = [
        (
            "Kanto Japan co-commercialization",
            [
                Plan(
                    goal: "Reach 20% share of the Japanese market", term: .longTerm,
                    kpis: [
                        ("Market share", .strategic, "%", "20", .higherIsBetter, ["9.5", "11", "12.5", "13"]),
                        ("Net sales", .financial, "JPY bn", "12", .higherIsBetter, ["7.8", "8.9", "10.1", "11.2"]),
                    ]),
                Plan(
                    goal: "Decide launch questions within the charter's 15 days", term: .shortTerm,
                    kpis: [
                        ("Days to a JSC decision", .operational, "days", "15", .lowerIsBetter, ["31", "28", "26", "24"]),
                        ("Partner health score", .relationship, "/ 5", "3.6", .higherIsBetter, ["3.1", "2.6", "2.2"]),
                    ]),
            ]
        ),
        (
            "Pampas gene therapy in-license",
            [
                Plan(
                    goal: "First patient dosed by next summer", term: .shortTerm,
                    kpis: [
                        ("Sites activated", .operational, "sites", "12", .higherIsBetter, ["3", "6", "9", "11"]),
                        ("Development spend against budget", .financial, "%", "100", .lowerIsBetter, ["96", "99", "103"]),
                    ])
            ]
        ),
        (
            "HX-201 antibody discovery",
            [
                Plan(
                    goal: "Nominate a development candidate", term: .longTerm,
                    kpis: [("Leads meeting the profile", .strategic, "leads", "3", .higherIsBetter, ["0", "1", "1", "2"])])
            ]
        ),
    ]

    static func load(_ demo: DemoContext) async throws {
        let (store, actor, today) = (demo.store, demo.actor, demo.today)
        for entry in alliances {
            var query = AllianceQuery()
            query.text = entry.name
            guard let alliance = try await store.alliances.list(query).items.first?.alliance else { continue }
            let members = try await store.alliances.members(of: alliance.id).sorted {
                $0.personID.canonicalText < $1.personID.canonicalText
            }
            guard let owner = (alliance.ourManagerID ?? members.first?.personID) else { continue }
            for plan in entry.plans {
                let goal = try await store.goals.createGoal(
                    allianceID: alliance.id, title: plan.goal, term: plan.term, ownerID: owner, status: .inProgress, by: actor)
                for k in plan.kpis {
                    let kpi = try await store.goals.createKPI(
                        allianceID: alliance.id,
                        try KPIInput(
                            name: k.name, category: k.category.rawValue, unit: k.unit, target: k.target, direction: k.direction.rawValue,
                            goal: goal.id.canonicalText
                        ).validate(goals: [goal.id]), by: actor)
                    for (n, value) in k.values.enumerated() {
                        let day = today.adding(months: n - k.values.count)
                        try await store.goals.record(
                            try MeasurementInput(on: day.description, value: value).validate(kpi, today: today), allianceID: alliance.id,
                            by: actor)
                    }
                }
            }
        }
    }
}
