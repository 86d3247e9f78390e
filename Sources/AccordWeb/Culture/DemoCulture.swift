import AccordCore
import AccordStore
import Foundation

/// Our culture profile, Kanto's and Pampas's beside it, and a differences log with Kanto in progress: one entry being
/// worked on, one overdue, one already leveraged, spread over the next quarters of the road map.
enum DemoCulture {
    typealias Scores = [CultureScale: Int]

    static let profiles: [(org: String, scores: Scores, zones: String, languages: String, norms: String)] = [
        (
            "Helix Therapeutics",
            [.decisionSpeed: 4, .hierarchy: 2, .riskAppetite: 4, .directness: 4, .decisionStyle: 4, .timeOrientation: 3],
            "US Eastern (Boston), CET (Basel)", "English",
            "Decisions by the accountable lead after a short consultation; written pre-reads; meetings start on time and end with owners."
        ),
        (
            "Kanto Pharma",
            [.decisionSpeed: 2, .hierarchy: 4, .riskAppetite: 2, .directness: 2, .decisionStyle: 1, .timeOrientation: 1],
            "Japan (JST, UTC+9)", "Japanese, English for governance",
            "Nemawashi before formal meetings; decisions confirmed in the ringi process; senior attendance signals priority."
        ),
        (
            "Pampas Biotech",
            [.decisionSpeed: 5, .hierarchy: 1, .riskAppetite: 5, .directness: 4, .decisionStyle: 5, .timeOrientation: 4],
            "Argentina (ART, UTC−3)", "Spanish, English",
            "Founder-led; quick calls over formal papers; availability late in our day."
        ),
    ]

    static let kantoLog:
        [(scale: CultureScale?, difference: String, risk: String, leverage: String, status: DifferenceStatus, dueDays: Int?)] = [
            (
                .decisionStyle, "Consensus building before any formal decision",
                "JSC decisions stall when proposals arrive at the meeting without prior alignment.",
                "Share proposals two weeks ahead and hold one-to-one pre-meetings; Kanto's alignment makes launches stick.",
                .inProgress, 21
            ),
            (
                .directness, "Concerns are raised indirectly",
                "Problems surface late; the health survey showed a transparency gap.",
                "Add an anonymous 'what worries you' round to each JSC and pair counterparts at manager level.", .identified, -10
            ),
            (
                .timeOrientation, "Kanto plans five years ahead, we plan by quarter",
                "Our quarterly re-forecasts read as instability to Kanto's leadership.",
                "Use Kanto's long-range plan as the frame for the joint brand plan; we bring the quarterly execution view.", .leveraged, -60
            ),
            (
                .hierarchy, "Senior presence expected at governance meetings", "Our delegated attendance is read as low priority.",
                "Our executive sponsor joins the JSC twice a year in Tokyo.", .identified, 120
            ),
        ]

    static func load(_ demo: DemoContext) async throws {
        let (store, actor, today) = (demo.store, demo.actor, demo.today)
        let owner = demo.ourPerson(.allianceManagement)
        let orgs = try await store.organizations.list()
        for plan in profiles {
            guard let org = orgs.first(where: { $0.name == plan.org }) else { continue }
            let profile = CultureProfile(
                organizationID: org.id, scores: plan.scores, timeZones: plan.zones, languages: plan.languages, workingNorms: plan.norms)
            _ = try await store.culture.saveProfile(profile, expectedVersion: 0, by: actor)
        }
        guard let kanto = orgs.first(where: { $0.name == "Kanto Pharma" }), let owner else { return }
        for entry in kantoLog {
            let valid = DifferenceInput.Valid(
                scale: entry.scale, difference: entry.difference, risk: entry.risk, leverage: entry.leverage, ownerID: owner.id,
                status: entry.status, dueOn: entry.dueDays.map { today.adding(days: $0) })
            _ = try await store.culture.createDifference(organizationID: kanto.id, valid, by: actor)
        }
    }
}
