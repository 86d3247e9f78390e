import AccordCore
import AccordStore
import Foundation

/// Phase history made through the real steps: Kanto moved to commercialization at its Japanese launch, Basilea
/// started its first 100 days, Pampas went through a governance reset (one gate item waived); Velorin China has a
/// change to development waiting, with its stage gate and team proposals.
enum DemoLifecycle {
    struct Plan {
        let alliance: String
        let toPhase: LifecyclePhase
        let toTransition: LifecycleTransition?
        let effective: String
        let reason: String
        /// Index of a gate item waived (with this reason) instead of done.
        let waive: (Int, String)?
        let complete: Bool
    }

    static func plans(today: LocalDate) -> [Plan] {
        [
            Plan(
                alliance: "Kanto Japan co-commercialization", toPhase: .commercialization, toTransition: nil, effective: "2021-10-01",
                reason: "MHLW approval of Velorin; launch in Japan with a shared field force.", waive: nil, complete: true),
            Plan(
                alliance: "Pampas gene therapy in-license", toPhase: .development, toTransition: .reset, effective: "2025-11-15",
                reason: "The CMC scale-up deadlock reached the chief executives; both sides agreed to reset governance and the plan.",
                waive: (3, "The next health wave is planned with the partner's new alliance manager in place."), complete: true),
            Plan(
                alliance: "Basilea companion diagnostic", toPhase: .initiation, toTransition: .startUp, effective: "2026-09-01",
                reason: "Agreement effective; first 100 days of the companion diagnostic programme.",
                waive: (4, "Baseline health check after the first steering committee, in January."), complete: true),
            Plan(
                alliance: "Velorin out-license China", toPhase: .development, toTransition: nil,
                effective: today.adding(days: 30).description,
                reason: "The China IND was accepted; Kanto starts the bridging study next quarter.", waive: nil, complete: false),
        ]
    }

    static func load(_ demo: DemoContext) async throws {
        let (store, actor, today) = (demo.store, demo.actor, demo.today)
        for plan in plans(today: today) {
            var query = AllianceQuery()
            query.text = plan.alliance
            guard let alliance = try await store.alliances.list(query).items.first?.alliance else { continue }
            let playbook = try await store.playbooks.playbook(alliance.type)
            let valid = try LifecycleChangeInput(
                toPhase: plan.toPhase.rawValue, toTransition: plan.toTransition?.rawValue, effectiveOn: plan.effective, reason: plan.reason
            ).validate(alliance, playbook: playbook)
            let change = try await store.lifecycle.propose(alliance, valid, by: actor)
            guard plan.complete else { continue }
            let checklist = change.checklist.enumerated().map { i, item in
                var settled = item
                if let (index, reason) = plan.waive, index == i { settled.waiver = reason } else { settled.done = true }
                return settled
            }
            _ = try await store.lifecycle.complete(change.id, checklist: checklist, accepted: [], by: actor)
        }
    }
}
