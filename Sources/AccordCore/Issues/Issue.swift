import AccordMemberwise
import Foundation

public enum IssueSeverity: String, Labeled {
    case low, medium, high, critical

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

public enum IssueStatus: String, Labeled {
    case open, resolved

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// The ladder an issue climbs: each level has a limit on how long it may stay there.
public enum EscalationLevel: String, Labeled, Comparable {
    case workingTeam = "working_team"
    case allianceManagers = "alliance_managers"
    case governanceBody = "governance_body"
    case executiveSponsors = "executive_sponsors"

    public var label: String {
        switch self {
        case .workingTeam: "Working team"
        case .allianceManagers: "Alliance managers"
        case .governanceBody: "Governance body"
        case .executiveSponsors: "Executive sponsors"
        }
    }

    var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    public var next: EscalationLevel? { rank + 1 < Self.allCases.count ? Self.allCases[rank + 1] : nil }
}

/// Days an issue may stay at each level before it is overdue; set per alliance type in the playbook.
public struct EscalationLimits: Sendable, Equatable, Codable {
    public var days: [EscalationLevel: Int]

    public static let standard = EscalationLimits(days: [
        .workingTeam: 14, .allianceManagers: 14, .governanceBody: 30, .executiveSponsors: 30,
    ])

    public init(days: [EscalationLevel: Int]) { self.days = days }

    public func limit(_ level: EscalationLevel) -> Int { days[level] ?? Self.standard.days[level]! }

    public static let range = 1...365
}

/// Time spent at one level.
@Memberwise
public struct IssueStep: Sendable, Equatable, Codable {
    public var level: EscalationLevel
    public var since: LocalDate
    public var until: LocalDate?
    public var note: String?
    public var by: String

    public func days(today: LocalDate) -> Int { max(0, (until ?? today).dayNumber - since.dayNumber) }
}

/// One issue in an alliance's log, with the ladder it has climbed.
public struct Issue: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var allianceID: UUID
    public var title: String
    public var details: String?
    public var severity: IssueSeverity
    public var ownerID: UUID
    public var status: IssueStatus
    public var visibility: Visibility
    public var raisedOn: LocalDate
    /// Oldest first; the last is the current level.
    public var steps: [IssueStep]
    public var resolution: String?
    public var resolvedOn: LocalDate?
    public var version: Int
    public var createdAt: Date

    public init(
        id: UUID, allianceID: UUID, valid: IssueInput.Valid, raisedOn: LocalDate, steps: [IssueStep], status: IssueStatus = .open,
        resolution: String? = nil, resolvedOn: LocalDate? = nil, version: Int = 1, createdAt: Date
    ) {
        self.id = id
        self.allianceID = allianceID
        self.title = valid.title
        self.details = valid.details
        self.severity = valid.severity
        self.ownerID = valid.ownerID
        self.visibility = valid.visibility
        self.status = status
        self.raisedOn = raisedOn
        self.steps = steps
        self.resolution = resolution
        self.resolvedOn = resolvedOn
        self.version = version
        self.createdAt = createdAt
    }

    public mutating func apply(_ v: IssueInput.Valid) {
        (title, details, severity, ownerID, visibility) = (v.title, v.details, v.severity, v.ownerID, v.visibility)
    }

    public var level: EscalationLevel { steps.last?.level ?? .workingTeam }

    /// Days at the current level, and whether that is past the level's limit (open issues only).
    public func daysAtLevel(today: LocalDate) -> Int { steps.last?.days(today: today) ?? 0 }

    public func isOverdue(_ limits: EscalationLimits, today: LocalDate) -> Bool {
        status == .open && daysAtLevel(today: today) > limits.limit(level)
    }

    /// Days past the limit (0 when within it).
    public func daysOver(_ limits: EscalationLimits, today: LocalDate) -> Int {
        max(0, daysAtLevel(today: today) - limits.limit(level))
    }

    /// Where the issue stands on the ladder, as `IssueClock`.
    public var clock: IssueClock {
        IssueClock(id: id, allianceID: allianceID, level: level, since: steps.last?.since ?? raisedOn, raisedOn: raisedOn)
    }
}

/// An open issue's place on the ladder and since when: what late work needs of each open issue to find the ones past
/// their limit, read as columns (no steps decoded) across the portfolio.
@Memberwise
public struct IssueClock: Sendable, Equatable {
    public var id: UUID
    public var allianceID: UUID
    public var level: EscalationLevel
    /// The day it reached its current level.
    public var since: LocalDate
    public var raisedOn: LocalDate

    /// Days past the level's limit on `today` (0 when within it), as `Issue.daysOver` for an open issue.
    public func daysOver(_ limits: EscalationLimits, today: LocalDate) -> Int {
        max(0, max(0, today.dayNumber - since.dayNumber) - limits.limit(level))
    }

    /// The open issues past their limit, most overdue first (the order of `GovernanceAttention.issues`).
    public static func late(_ clocks: [IssueClock], today: LocalDate, limits: (UUID) -> EscalationLimits) -> [IssueClock] {
        clocks.map { ($0, $0.daysOver(limits($0.allianceID), today: today)) }.filter { $0.1 > 0 }
            .sorted { ($0.1, $1.0.raisedOn) > ($1.1, $0.0.raisedOn) }.map(\.0)
    }
}

/// What moves an issue: up the ladder, resolved, reopened.
public enum IssueFlow {
    public static func escalate(_ issue: Issue, note: String?, today: LocalDate, by: String) throws(DomainError) -> Issue {
        guard issue.status == .open else { throw .conflict("Only an open issue can be escalated; reopen it first.") }
        guard let next = issue.level.next else {
            throw .invalid("level", "The issue is already with the executive sponsors, the top of the ladder.")
        }
        var after = issue
        after.steps[after.steps.count - 1].until = today
        after.steps.append(IssueStep(level: next, since: today, note: note, by: by))
        return after
    }

    public static func resolve(_ issue: Issue, resolution: String, today: LocalDate) throws(DomainError) -> Issue {
        guard issue.status == .open else { throw .conflict("This issue is already resolved.") }
        var after = issue
        after.status = .resolved
        after.resolution = resolution
        after.resolvedOn = today
        after.steps[after.steps.count - 1].until = today
        return after
    }

    /// Back at the level it was resolved at, with the clock starting again.
    public static func reopen(_ issue: Issue, note: String?, today: LocalDate, by: String) throws(DomainError) -> Issue {
        guard issue.status == .resolved else { throw .conflict("This issue is open.") }
        var after = issue
        after.status = .open
        after.resolution = nil
        after.resolvedOn = nil
        after.steps.append(IssueStep(level: issue.level, since: today, note: note.map { "Reopened: \($0)" } ?? "Reopened", by: by))
        return after
    }
}
