import AccordMemberwise
import Foundation

/// What needs attention in governance, across one alliance or the portfolio: escalation steps past their deadline,
/// overdue action items, bodies behind their charter's meeting cadence, and issues past their escalation limit.
public struct GovernanceAttention: Sendable, Equatable {
    public var escalations: [Decision]
    public var actionItems: [ActionItem]
    public var behindCadence: [GovernanceWarning]
    /// Open issues that stayed at their level longer than the playbook allows, most overdue first.
    public var issues: [Issue]
    /// How many entries each list has in all when the lists hold only the most overdue ones (`first(_:...)`); nil
    /// while they are whole.
    public var totals: Counts?

    @Memberwise
    public struct Counts: Sendable, Equatable {
        public var escalations: Int
        public var actionItems: Int
        public var behindCadence: Int
        public var issues: Int
    }

    /// Each list's full length.
    public var counts: Counts {
        totals
            ?? Counts(
                escalations: escalations.count, actionItems: actionItems.count, behindCadence: behindCadence.count, issues: issues.count)
    }

    /// The most overdue `limit` entries of each list, keeping the full counts; `escalations` and `actionItems` give
    /// those lists' totals when they were already cut by the database.
    public func first(
        _ limit: Int, escalations escalationTotal: Int? = nil, actionItems itemTotal: Int? = nil, issues issueTotal: Int? = nil
    ) -> GovernanceAttention {
        let all = counts
        var cut = GovernanceAttention(
            escalations: Array(escalations.prefix(limit)), actionItems: Array(actionItems.prefix(limit)),
            behindCadence: Array(behindCadence.prefix(limit)), issues: Array(issues.prefix(limit)))
        cut.totals = Counts(
            escalations: max(escalationTotal ?? all.escalations, all.escalations),
            actionItems: max(itemTotal ?? all.actionItems, all.actionItems), behindCadence: all.behindCadence,
            issues: max(issueTotal ?? all.issues, all.issues))
        return cut
    }

    public init(
        escalations: [Decision] = [], actionItems: [ActionItem] = [], behindCadence: [GovernanceWarning] = [], issues: [Issue] = []
    ) {
        self.escalations = escalations
        self.actionItems = actionItems
        self.behindCadence = behindCadence
        self.issues = issues
    }

    /// Sorts out what is late on `today` from the bodies, how many meetings each held in the last year (meetings
    /// are never dated before their body exists, so the last year covers a younger body's whole life), escalated
    /// decisions, open action items and open issues.
    public static func on(
        _ today: LocalDate, bodies: [GovernanceBody], meetingCounts held: [UUID: Int], escalated: [Decision],
        openItems: [ActionItem], openIssues: [Issue] = [], limits: (UUID) -> EscalationLimits = { _ in .standard }
    ) -> GovernanceAttention {
        on(
            today, cadence: bodies.map { CadenceCandidate($0, held: held[$0.id] ?? 0) }, escalated: escalated, openItems: openItems,
            openIssues: openIssues, limits: limits)
    }

    /// The same from the cadence columns of the bodies that may be behind (`GovernanceRepository.cadenceCandidates`).
    public static func on(
        _ today: LocalDate, cadence: [CadenceCandidate], escalated: [Decision], openItems: [ActionItem], openIssues: [Issue] = [],
        limits: (UUID) -> EscalationLimits = { _ in .standard }
    ) -> GovernanceAttention {
        // One rule for which open issues are late and in what order: `IssueClock.late`.
        let byID = Dictionary(openIssues.filter { $0.status == .open }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let late = IssueClock.late(openIssues.filter { $0.status == .open }.map(\.clock), today: today, limits: limits)
        return GovernanceAttention(
            escalations: escalated.filter { $0.isOverdue(on: today) }.sorted { $0.escalation!.deadline < $1.escalation!.deadline },
            actionItems: openItems.filter { $0.isOverdue(on: today) }.sorted { $0.dueOn < $1.dueOn },
            behindCadence: cadence.compactMap { GovernanceChecks.behindCadence($0, today: today) },
            issues: late.compactMap { byID[$0.id] })
    }

    public var isEmpty: Bool {
        let all = counts
        return all.escalations + all.actionItems + all.behindCadence + all.issues == 0
    }

    /// The same, split per alliance (alliances with nothing late are left out).
    public func byAlliance(bodies: [GovernanceBody]) -> [UUID: GovernanceAttention] {
        byAlliance(allianceOfBody: Dictionary(bodies.map { ($0.id, $0.allianceID) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The same, given the alliance of each body the entries name.
    public func byAlliance(allianceOfBody allianceOf: [UUID: UUID]) -> [UUID: GovernanceAttention] {
        var result: [UUID: GovernanceAttention] = [:]
        for decision in escalations { result[decision.allianceID, default: .init()].escalations.append(decision) }
        for item in actionItems { result[item.allianceID, default: .init()].actionItems.append(item) }
        for issue in issues { result[issue.allianceID, default: .init()].issues.append(issue) }
        for warning in behindCadence {
            if let alliance = allianceOf[warning.bodyID] { result[alliance, default: .init()].behindCadence.append(warning) }
        }
        return result
    }

    /// The summary, or nil when nothing is late.
    public var flag: String? { isEmpty ? nil : summary }

    /// One line for a list: "1 escalation past its deadline · 2 overdue actions · 1 body behind its cadence".
    public var summary: String {
        let all = counts
        var parts: [String] = []
        if all.escalations > 0 {
            parts.append(all.escalations == 1 ? "1 escalation past its deadline" : "\(all.escalations) escalations past their deadline")
        }
        if all.actionItems > 0 { parts.append(all.actionItems == 1 ? "1 overdue action" : "\(all.actionItems) overdue actions") }
        if all.behindCadence > 0 {
            parts.append(all.behindCadence == 1 ? "1 body behind its cadence" : "\(all.behindCadence) bodies behind their cadence")
        }
        if all.issues > 0 {
            parts.append(all.issues == 1 ? "1 issue past its escalation limit" : "\(all.issues) issues past their escalation limit")
        }
        return parts.joined(separator: " · ")
    }
}
