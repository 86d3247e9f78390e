import AccordMemberwise
import Foundation

public enum LifecycleChangeStatus: String, Labeled {
    case pending, completed, cancelled

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// One stage-gate item: done, or waived with a reason.
@Memberwise
public struct ChecklistItem: Sendable, Equatable, Codable {
    public var gate: String
    public var text: String
    public var done: Bool = false
    public var waiver: String?

    public var isSettled: Bool { done || waiver != nil }
}

/// A phase change or transition: proposed (pending), then completed with its checklist settled, or cancelled.
@Memberwise
public struct LifecycleChange: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var allianceID: UUID
    public var fromPhase: LifecyclePhase
    public var toPhase: LifecyclePhase
    public var fromTransition: LifecycleTransition?
    public var toTransition: LifecycleTransition?
    public var effectiveOn: LocalDate
    public var reason: String
    public var status: LifecycleChangeStatus
    public var checklist: [ChecklistItem]
    public var proposedBy: String
    public var decidedBy: String?
    public var version: Int = 1
    public var createdAt: Date
    public var decidedAt: Date?

    /// The gates the change passes: the new phase when it changes, the new transition when one starts.
    public static func gates(
        from phase: LifecyclePhase, _ transition: LifecycleTransition?, to toPhase: LifecyclePhase, _ toTransition: LifecycleTransition?
    ) -> [LifecycleGate] {
        var gates: [LifecycleGate] = []
        if toPhase != phase { gates.append(.phase(toPhase)) }
        if let t = toTransition, t != transition { gates.append(.transition(t)) }
        return gates
    }

    /// "Development → Commercialization", with transitions when they change.
    public var summary: String {
        func name(_ p: LifecyclePhase, _ t: LifecycleTransition?) -> String { t.map { "\(p.label) (\($0.label))" } ?? p.label }
        return "\(name(fromPhase, fromTransition)) → \(name(toPhase, toTransition))"
    }
}

/// Starting a phase change or transition.
@Memberwise
public struct LifecycleChangeInput: Sendable, Equatable {
    public var toPhase: String?
    public var toTransition: String?
    public var effectiveOn: String?
    public var reason: String?

    public struct Valid: Sendable, Equatable {
        public var toPhase: LifecyclePhase
        public var toTransition: LifecycleTransition?
        public var effectiveOn: LocalDate
        public var reason: String
        public var checklist: [ChecklistItem]
    }

    /// The checklist is taken from the playbook's gates for this change.
    public func validate(_ alliance: Alliance, playbook: Playbook) throws(DomainError) -> Valid {
        var v = Validator()
        let phase = v.choice(toPhase, "toPhase", "Phase", as: LifecyclePhase.self)
        let transition = v.optionalChoice(toTransition, "toTransition", "Transition", as: LifecycleTransition.self)
        let date = v.optionalDate(effectiveOn, "effectiveOn", "Effective date")
        if date == nil, (effectiveOn ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            v.add("effectiveOn", "Effective date is required.")
        }
        let reason = v.text(reason, "reason", "Reason", max: 2000)
        if let phase, phase == alliance.phase, transition == alliance.transition {
            v.add(
                "toPhase",
                "The alliance is already in \(phase.label.lowercased())\(transition.map { " (\($0.label))" } ?? ""): choose a different phase or transition."
            )
        }
        try v.check()
        let gates = LifecycleChange.gates(from: alliance.phase, alliance.transition, to: phase!, transition)
        let checklist = gates.flatMap { gate in playbook.checklist(gate).map { ChecklistItem(gate: gate.description, text: $0) } }
        return Valid(toPhase: phase!, toTransition: transition, effectiveOn: date!, reason: reason, checklist: checklist)
    }
}

/// Completing a pending change: each checklist item ticked or waived with a reason, and the proposals accepted.
@Memberwise
public struct CompletionInput: Sendable, Equatable {
    /// Indexes of the items ticked as done.
    public var done: Set<Int> = []
    /// Index -> the reason an item is waived.
    public var waivers: [Int: String] = [:]
    /// Keys of the accepted proposals.
    public var accepted: Set<String> = []

    /// The settled checklist, and the accepted proposals out of those on offer.
    public func validate(_ change: LifecycleChange, proposals: [TeamProposal]) throws(DomainError) -> (
        checklist: [ChecklistItem], accepted: [TeamProposal]
    ) {
        var v = Validator()
        guard change.status == .pending else { throw .conflict("This change is already \(change.status.label.lowercased()).") }
        let count = change.checklist.count
        for i in done.union(waivers.keys) where i < 0 || i >= count {
            v.add("checklist.\(i)", "The checklist has no item \(i + 1).")
        }
        var items = change.checklist
        for i in items.indices {
            let waiver = v.optionalText(waivers[i], "checklist.\(i)", "The reason for waiving “\(items[i].text)”", max: 500)
            items[i].done = done.contains(i)
            items[i].waiver = items[i].done ? nil : waiver
            if !items[i].isSettled {
                v.add("checklist.\(i)", "“\(items[i].text)” is neither done nor waived: tick it, or give the reason it is waived.")
            }
        }
        let offered = Dictionary(proposals.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        if let stale = accepted.sorted().first(where: { offered[$0] == nil }) {
            v.add("accepted", "The proposal “\(stale)” is no longer on offer (the team changed); review the proposals again.")
        }
        let chosen = proposals.filter { accepted.contains($0.key) }
        for p in chosen where p.action == .joinBody && p.needsTeamJoin {
            if !chosen.contains(where: { $0.action == .joinTeam && $0.personID == p.personID }) {
                v.add("accepted", "\(p.personName) can join \(p.bodyName ?? "the body") only if they also join the team.")
            }
        }
        try v.check()
        return (items, chosen)
    }
}

public protocol LifecycleRepository: Sendable {
    /// Changes of the alliance, newest first.
    func changes(allianceID: UUID) async throws -> [LifecycleChange]
    func change(id: UUID) async throws -> LifecycleChange?
    /// Opens a pending change; refused while another is pending.
    func propose(_ alliance: Alliance, _ valid: LifecycleChangeInput.Valid, by actor: AuditActor) async throws -> LifecycleChange
    /// In one transaction: settles the checklist, moves the alliance, applies the accepted proposals.
    func complete(_ id: UUID, checklist: [ChecklistItem], accepted: [TeamProposal], by actor: AuditActor) async throws
        -> LifecycleChange
    func cancel(_ id: UUID, by actor: AuditActor) async throws -> LifecycleChange
    /// Pending changes across alliances (nil: all), for the portfolio.
    func pending(allianceIDs: [UUID]?) async throws -> [LifecycleChange]
}
