import AccordCore
import AccordStore
import Foundation

/// Issue logs on three demo alliances: on Kanto an issue with the alliance managers past its 14-day limit (so the
/// portfolio flags it), on Pampas one escalated to the steering committee and a resolved one, on Meridian a fresh
/// shared issue the partner users see.
enum DemoIssues {
    struct Plan {
        let alliance: String
        let title: String
        let details: String
        let severity: IssueSeverity
        let visibility: Visibility
        let raisedDaysAgo: Int
        /// (days ago, note) for each escalation, oldest first.
        let escalations: [(Int, String)]
        let resolution: (Int, String)?
    }

    static let plans: [Plan] = [
        Plan(
            alliance: "Kanto Japan co-commercialization", title: "Targeting data for the field force arrives late",
            details: "Kanto's monthly prescriber data reaches our team three weeks after month end; call plans run on stale lists.",
            severity: .high, visibility: .shared, raisedDaysAgo: 34, escalations: [(20, "Working team could not agree a data cut-off.")],
            resolution: nil),
        Plan(
            alliance: "Pampas gene therapy in-license", title: "Vector supply for the pivotal batch slipping",
            details: "The CDMO moved the engineering run twice; the pivotal batch now lands after the planned first dosing.",
            severity: .critical, visibility: .internal, raisedDaysAgo: 40,
            escalations: [(30, "Needs a budget decision on a second CDMO slot."), (12, "Alliance managers escalate to the JSC agenda.")],
            resolution: nil),
        Plan(
            alliance: "Pampas gene therapy in-license", title: "Duplicate safety reporting lines",
            details: "Both sides sent the same SUSAR reports to regulators.", severity: .medium, visibility: .shared, raisedDaysAgo: 90,
            escalations: [], resolution: (70, "One reporting line agreed: Pampas reports, we review within 48 hours.")),
        Plan(
            alliance: "Meridian biologics supply", title: "Certificate of analysis template differs between sites",
            details: "The Ireland site uses the old template; our QA asks for the new one.", severity: .low, visibility: .shared,
            raisedDaysAgo: 3, escalations: [], resolution: nil),
    ]

    static func load(_ demo: DemoContext) async throws {
        let (store, actor, today) = (demo.store, demo.actor, demo.today)
        for plan in plans {
            var query = AllianceQuery()
            query.text = plan.alliance
            guard let alliance = try await store.alliances.list(query).items.first?.alliance else { continue }
            let first = try await store.alliances.members(of: alliance.id).first?.personID
            guard let owner = alliance.ourManagerID ?? first else { continue }
            let valid = IssueInput.Valid(
                title: plan.title, details: plan.details, severity: plan.severity, ownerID: owner, visibility: plan.visibility)
            let issue = try await store.issues.create(
                allianceID: alliance.id, valid, raisedOn: today.adding(days: -plan.raisedDaysAgo), by: actor)
            for (daysAgo, note) in plan.escalations {
                let day = today.adding(days: -daysAgo)
                _ = try await store.issues.move(issue.id, by: actor) { try IssueFlow.escalate($0, note: note, today: day, by: actor.name) }
            }
            if let (daysAgo, text) = plan.resolution {
                let day = today.adding(days: -daysAgo)
                _ = try await store.issues.move(issue.id, by: actor) { try IssueFlow.resolve($0, resolution: text, today: day) }
            }
        }
    }
}
