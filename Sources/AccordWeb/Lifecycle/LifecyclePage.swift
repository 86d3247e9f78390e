import AccordCore
import Foundation

/// The lifecycle page: who should be involved now against who is, the pending phase change with its stage gate and
/// proposals, and the phase history.
struct LifecyclePage: PageModel {
    /// Where the breadcrumb or form leads (the route table, not a path written in the template).
    let portfolioHref = Site.alliances.pattern
    struct Cell: Sendable {
        let people: [String]
        let gap: Bool
        let candidates: [OptionModel]
        let hasCandidates: Bool
        /// With more candidates than the list holds: how many are not listed, and where to find anyone by name.
        let more: String?
        let side: String
        let label: String
    }
    struct CoverageRow: Sendable {
        let function: String
        let involvement: String
        let letter: String
        let code: String
        let surplus: Bool
        let cells: [Cell]
    }
    struct ChecklistRow: Sendable {
        let index: Int
        let gate: String
        let text: String
        let done: Bool
        let waiver: String
        let error: String?
    }
    struct ProposalRow: Sendable {
        let key: String
        let action: String
        let place: String
        let person: String
        let side: String
        let function: String
        let reason: String
        let checked: Bool
    }
    struct HistoryRow: Sendable {
        let effective: String
        let summary: String
        let reason: String
        let status: String
        let statusCode: String
        let proposedBy: String
        let decidedBy: String
        let checklist: String
        let waivers: [String]
        let hasWaivers: Bool
    }
    let layout: LayoutModel
    let allianceName: String
    let allianceHref: String
    /// The alliance page's team section, where anyone can be found by name and added.
    let teamHref: String
    let phase: String
    let transition: String?
    let playbookName: String
    let playbookHref: String?
    let coverage: [CoverageRow]
    let hasGaps: Bool
    let gapSummary: String
    let hasPending: Bool
    let pendingSummary: String
    let pendingEffective: String
    let pendingReason: String
    let pendingBy: String
    let checklist: [ChecklistRow]
    let hasChecklist: Bool
    let teamProposals: [ProposalRow]
    let bodyProposals: [ProposalRow]
    let hasProposals: Bool
    let completeAction: String
    let cancelAction: String
    let canChange: Bool
    let canManageTeam: Bool
    let gapAction: String
    let proposeAction: String
    let phaseOptions: [OptionModel]
    let transitionOptions: [OptionModel]
    let effectiveOn: String
    let reason: String
    let history: [HistoryRow]
    let hasHistory: Bool
    let errors: [String]
    let hasErrors: Bool

    struct Form: Sendable {
        var toPhase = ""
        var toTransition = ""
        var effectiveOn = ""
        var reason = ""
        var done: Set<Int>? = nil
        var waivers: [Int: String] = [:]
        var accepted: Set<String>? = nil
    }

    init(
        layout: LayoutModel, alliance: Alliance, state: LifecycleService.LifecycleState, principal: Principal, today: LocalDate,
        form: Form = Form(), errors: [FieldError] = []
    ) {
        self.layout = layout
        allianceName = alliance.name
        allianceHref = Site.alliance.path(alliance.id)
        teamHref = allianceHref + "#team"
        phase = alliance.phase.label
        transition = alliance.transition?.label
        let playbook = state.playbook
        playbookName = "\(alliance.type.label) playbook" + (playbook.isDefault ? " (as shipped)" : " (version \(playbook.version))")
        playbookHref = AccessPolicy.allows(principal, .managePlaybooks) ? Site.playbook.path(alliance.type.rawValue) : nil
        canChange = AccessPolicy.allows(principal, .changeLifecycle(alliance.id))
        canManageTeam = AccessPolicy.allows(principal, .manageTeam(alliance.id))
        gapAction = Site.lifecycleTeam.path(alliance.id)
        coverage = state.coverage.rows.filter { $0.involvement != nil || $0.isSurplus }.map { row in
            CoverageRow(
                function: row.function.label, involvement: row.involvement?.label ?? "No part in this phase",
                letter: row.involvement?.letter ?? "–", code: row.involvement?.rawValue ?? "none", surplus: row.isSurplus,
                cells: Side.allCases.map { side in
                    let found = state.candidates[side]?[row.function]
                    let candidates = found?.items ?? []
                    let unlisted = (found?.total ?? 0) - candidates.count
                    return Cell(
                        people: row.people(side).map(\.name), gap: row.isGap(side),
                        candidates: OptionModel.ids(
                            candidates.map { ($0.id, "\($0.name) (\($0.level.label))") }, selected: nil, blank: nil),
                        hasCandidates: !candidates.isEmpty,
                        more: unlisted > 0
                            ? "The \(candidates.count) best suited are listed; \(unlisted) more can be found by name on the team." : nil,
                        side: side.label, label: "\(row.function.label), \(side.label.lowercased())")
                })
        }
        let gaps = state.coverage.gaps
        hasGaps = !gaps.isEmpty
        gapSummary =
            gaps.isEmpty
            ? "Every function the phase needs has someone on both sides."
            : "\(gaps.count) gap\(gaps.count == 1 ? "" : "s"): "
                + gaps.map { "\($0.function.label) (\($0.side == .ours ? "ours" : "partner"))" }.joined(separator: ", ")
        let fieldErrors = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
        if let p = state.pending {
            hasPending = true
            pendingSummary = p.summary
            pendingEffective = p.effectiveOn.description
            pendingReason = p.reason
            pendingBy = p.proposedBy
            checklist = p.checklist.enumerated().map { i, item in
                ChecklistRow(
                    index: i, gate: LifecycleGate(code: item.gate)?.label ?? item.gate, text: item.text,
                    done: form.done?.contains(i) ?? item.done, waiver: form.waivers[i] ?? item.waiver ?? "",
                    error: fieldErrors["checklist.\(i)"])
            }
            completeAction = Site.lifecycleComplete.path(alliance.id, p.id)
            cancelAction = Site.lifecycleCancel.path(alliance.id, p.id)
        } else {
            hasPending = false
            (pendingSummary, pendingEffective, pendingReason, pendingBy) = ("", "", "", "")
            checklist = []
            (completeAction, cancelAction) = ("", "")
        }
        hasChecklist = !checklist.isEmpty
        func row(_ p: TeamProposal) -> ProposalRow {
            ProposalRow(
                key: p.key, action: p.action.label, place: p.bodyName ?? "Team", person: p.personName, side: p.side.label,
                function: p.function.label, reason: p.reason, checked: form.accepted?.contains(p.key) ?? true)
        }
        teamProposals = state.proposals.filter { $0.bodyID == nil }.map(row)
        bodyProposals = state.proposals.filter { $0.bodyID != nil }.map(row)
        hasProposals = !state.proposals.isEmpty
        proposeAction = Site.lifecycle.path(alliance.id)
        phaseOptions = OptionModel.list(LifecyclePhase.self, selected: form.toPhase.isEmpty ? alliance.phase.rawValue : form.toPhase)
        transitionOptions = OptionModel.list(LifecycleTransition.self, selected: form.toTransition, blank: "None")
        effectiveOn = form.effectiveOn.isEmpty ? today.description : form.effectiveOn
        reason = form.reason
        history = state.history.map { c in
            let done = c.checklist.filter(\.done).count
            let waived = c.checklist.filter { !$0.done && $0.waiver != nil }
            return HistoryRow(
                effective: c.effectiveOn.description, summary: c.summary, reason: c.reason, status: c.status.label,
                statusCode: c.status.rawValue, proposedBy: c.proposedBy, decidedBy: c.decidedBy ?? "—",
                checklist: c.checklist.isEmpty ? "No checklist" : "\(done) of \(c.checklist.count) done, \(waived.count) waived",
                waivers: waived.map { "\($0.text): \($0.waiver ?? "")" }, hasWaivers: !waived.isEmpty)
        }
        hasHistory = !history.isEmpty
        var messages = errors.filter { !$0.field.hasPrefix("checklist.") }.map(\.message)
        if errors.contains(where: { $0.field.hasPrefix("checklist.") }) {
            messages.append("Some checklist items are neither done nor waived: tick each one or give the reason it is waived.")
        }
        self.errors = messages
        hasErrors = !messages.isEmpty
    }
}
