import AccordCore
import AccordStore
import Foundation

/// Three past health waves on three demo alliances: one improving after its actions, one declining with a
/// widening perception gap, one steady. Answers go through the same submission path as real respondents;
/// every dimension that needs an action gets one, and waves whose actions were agreed are marked reviewed.
enum DemoHealth {
    struct Plan {
        let alliance: String
        /// Mean score per wave for our side and the partner's.
        let waves: [(title: String, opens: String, ours: Double, partner: Double)]
        /// How many of the waves (oldest first) get their actions and are reviewed; later ones are left to do.
        let reviewed: Int
        /// The status the reviewed waves' actions reached.
        let actionStatus: ActionStatus
    }

    static let plans = [
        Plan(
            alliance: "Pampas gene therapy in-license",
            waves: [
                ("Health check 2025 H1", "2025-02-03", 2.4, 2.2), ("Health check 2025 H2", "2025-08-04", 3.1, 3.0),
                ("Health check 2026 H1", "2026-02-02", 3.9, 3.7),
            ], reviewed: 3, actionStatus: .done),
        Plan(
            alliance: "Kanto Japan co-commercialization",
            waves: [
                ("Health check 2025 H1", "2025-03-03", 4.2, 3.7), ("Health check 2025 H2", "2025-09-01", 4.0, 2.9),
                ("Health check 2026 H1", "2026-03-02", 3.9, 2.2),
            ], reviewed: 2, actionStatus: .inProgress),
        Plan(
            alliance: "Meridian biologics supply",
            waves: [
                ("Health check 2025", "2025-04-07", 3.8, 3.7), ("Health check 2026 Q1", "2026-01-12", 3.9, 3.8),
                ("Health check 2026 Q3", "2026-07-06", 4.0, 3.8),
            ], reviewed: 3, actionStatus: .done),
    ]

    static func load(_ demo: DemoContext) async throws {
        let (store, actor) = (demo.store, demo.actor)
        let (instrumentID, instrument) = try await store.health.currentInstrument(DefaultInstrument.instrument, by: actor)
        for plan in plans {
            var query = AllianceQuery()
            query.text = plan.alliance
            guard let alliance = try await store.alliances.list(query).items.first?.alliance else { continue }
            let members = try await store.alliances.members(of: alliance.id)
            let people = try await store.people.find(ids: members.map(\.personID))
            var seen: Set<UUID> = []
            // In name order, so every database gets the same answers.
            let team = members.filter { seen.insert($0.personID).inserted }.sorted {
                (people[$0.personID]?.name ?? "") < (people[$1.personID]?.name ?? "")
            }
            for (waveIndex, wave) in plan.waves.enumerated() {
                guard let opens = LocalDate(wave.opens) else { continue }
                let closes = opens.adding(days: 21)
                var tokens: [(String, Side, Int)] = []
                var invitees: [WaveInvitee] = []
                for (index, member) in team.enumerated() {
                    guard let person = people[member.personID] else { continue }
                    let token = UUID().canonicalText
                    tokens.append((token, member.side, index))
                    invitees.append(
                        WaveInvitee(personID: person.id, side: member.side, function: person.function, tokenHash: "demo-\(token)"))
                }
                let created = try await store.health.createWave(
                    allianceID: alliance.id, instrumentID: instrumentID,
                    WaveInput.Valid(title: wave.title, opensOn: opens, closesOn: closes), invitees: invitees, by: actor)
                for (token, side, index) in tokens where index % 5 != 4 {  // most, not all, answer
                    let target = side == .ours ? wave.ours : wave.partner
                    var scores: [String: String] = [:]
                    for (q, question) in instrument.questions.enumerated() {
                        let wobble = Double((index * 7 + q * 3 + waveIndex) % 5 - 2) * 0.5
                        scores[question.key] = String(min(5, max(1, Int((target + wobble).rounded()))))
                    }
                    let comment =
                        side == .partner && waveIndex == 2 && plan.alliance.hasPrefix("Kanto")
                        ? ["decisions.speed": "Decisions wait for Helix's internal approvals far too long."] : [:]
                    let valid = try SurveySubmission(scores: scores, comments: comment).validate(against: instrument)
                    try await store.health.submit(tokenHash: "demo-\(token)", valid, today: opens)
                }
                try await store.health.setStatus(created.id, .closed, by: actor)
                if waveIndex < plan.reviewed {
                    let results = HealthScoring.results(instrument, try await store.health.tally(waveID: created.id))
                    for (index, dimension) in results.dimensions.filter(\.needsAction).enumerated() {
                        let owner = team[index % max(team.count, 1)].personID
                        let action = HealthActionInput.Valid(
                            dimensionKey: dimension.key,
                            title: actionTitles[dimension.key] ?? "Agree a joint plan for \(dimension.name.lowercased())",
                            ownerID: owner, dueOn: closes.adding(days: 60), status: plan.actionStatus)
                        _ = try await store.health.createAction(created, action, by: actor)
                    }
                    try await store.health.setStatus(created.id, .reviewed, by: actor)
                }
            }
        }
    }

    static let actionTitles = [
        "trust": "Hold a joint off-site to reset working norms between the two teams",
        "transparency": "Share the monthly programme dashboard with the partner's team",
        "commitment": "Re-confirm the joint development plan's goals at the next steering committee",
        "communication": "Set up a fortnightly alliance managers' call with written follow-ups",
        "decisions": "Agree decision rights and a 10-day turnaround for joint decisions",
        "conflict": "Write down the escalation path and use it for the open supply dispute",
        "culture": "Run a cultural-awareness session for both teams",
        "value": "Refresh the joint value case with the latest market data",
        "operations": "Fix the hand-offs between the two supply teams",
        "governance": "Trim the committee agendas to decisions, with papers a week ahead",
    ]
}
