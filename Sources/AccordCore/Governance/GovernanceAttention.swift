import Foundation

/// What needs attention in governance, across one alliance or the portfolio: escalation steps past their deadline,
/// overdue action items, bodies behind their charter's meeting cadence, and issues past their escalation limit.
public struct GovernanceAttention: Sendable, Equatable {
    public var escalations: [Decision]
    public var actionItems: [ActionItem]
    public var behindCadence: [GovernanceWarning]
    /// Open issues that stayed at their level longer than the playbook allows, most overdue first.
    public var issues: [Issue]

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
        let late = openIssues.filter { $0.isOverdue(limits($0.allianceID), today: today) }
        return GovernanceAttention(
            escalations: escalated.filter { $0.isOverdue(on: today) }.sorted { $0.escalation!.deadline < $1.escalation!.deadline },
            actionItems: openItems.filter { $0.isOverdue(on: today) }.sorted { $0.dueOn < $1.dueOn },
            behindCadence: bodies.compactMap {
                GovernanceChecks.behindCadence($0, held: held[$0.id] ?? 0, today: today)
            },
            issues: late.sorted {
                ($0.daysOver(limits($0.allianceID), today: today), $1.raisedOn) > (
                    $1.daysOver(limits($1.allianceID), today: today), $0.raisedOn
                )
            })
    }

    public var isEmpty: Bool { escalations.isEmpty && actionItems.isEmpty && behindCadence.isEmpty && issues.isEmpty }

    /// The same, split per alliance (alliances with nothing late are left out).
    public func byAlliance(bodies: [GovernanceBody]) -> [UUID: GovernanceAttention] {
        let allianceOf = Dictionary(bodies.map { ($0.id, $0.allianceID) }, uniquingKeysWith: { a, _ in a })
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
        var parts: [String] = []
        if !escalations.isEmpty {
            parts.append(escalations.count == 1 ? "1 escalation past its deadline" : "\(escalations.count) escalations past their deadline")
        }
        if !actionItems.isEmpty { parts.append(actionItems.count == 1 ? "1 overdue action" : "\(actionItems.count) overdue actions") }
        if !behindCadence.isEmpty {
            parts.append(behindCadence.count == 1 ? "1 body behind its cadence" : "\(behindCadence.count) bodies behind their cadence")
        }
        if !issues.isEmpty {
            parts.append(issues.count == 1 ? "1 issue past its escalation limit" : "\(issues.count) issues past their escalation limit")
        }
        return parts.joined(separator: " · ")
    }
}
