import AccordMemberwise
import Foundation

/// Logging or editing an issue.
@Memberwise
public struct IssueInput: Sendable, Equatable {
    public var title: String?
    public var details: String?
    public var severity: String?
    public var owner: String?
    public var visibility: String?

    public init(_ issue: Issue) {
        self.init(
            title: issue.title, details: issue.details, severity: issue.severity.rawValue, owner: issue.ownerID.canonicalText,
            visibility: issue.visibility.rawValue)
    }

    @Memberwise
    public struct Valid: Sendable, Equatable {
        public var title: String
        public var details: String?
        public var severity: IssueSeverity
        public var ownerID: UUID
        public var visibility: Visibility
    }

    /// `team` is everyone on the alliance's team; the owner must be one of them.
    public func validate(team: Set<UUID>) throws(DomainError) -> Valid {
        var v = Validator()
        let title = v.text(title, "title", "Issue", max: 200)
        let details = v.optionalText(details, "details", "Details", max: 4000)
        let severity = v.choice(severity, "severity", "Severity", as: IssueSeverity.self)
        let owner = v.id(owner, "ownerID", "Owner")
        if let owner, !team.contains(owner) { v.add("ownerID", "The owner must be on the alliance's team.") }
        let visibility: Visibility? = (visibility ?? "").isEmpty ? .internal : v.choice(visibility, "visibility", "Visibility")
        try v.check()
        return Valid(title: title, details: details, severity: severity!, ownerID: owner!, visibility: visibility!)
    }
}

/// The escalation limits of a playbook, as typed: one number of days per level.
public struct LimitsInput: Sendable, Equatable {
    public var days: [String: String]

    public init(days: [String: String] = [:]) { self.days = days }

    public func validate() throws(DomainError) -> EscalationLimits {
        var v = Validator()
        var result: [EscalationLevel: Int] = [:]
        for (key, raw) in days.sorted(by: { $0.key < $1.key }) {
            guard let level = EscalationLevel(rawValue: key) else {
                v.add(
                    "limits.\(key)",
                    "Unknown escalation level “\(key)”: use \(EscalationLevel.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let n = Int(text), EscalationLimits.range.contains(n) else {
                v.add("limits.\(key)", "\(level.label): the limit is a whole number of days from 1 to 365.")
                continue
            }
            result[level] = n
        }
        try v.check()
        var limits = EscalationLimits.standard
        for (level, n) in result { limits.days[level] = n }
        return limits
    }
}

public protocol IssueRepository: Sendable {
    /// The alliance's issues, open first, then newest.
    func issues(allianceID: UUID) async throws -> [Issue]
    func issue(id: UUID) async throws -> Issue?
    /// Where each open issue stands on the ladder (nil: every alliance's; shared ones only when `sharedOnly`).
    func openIssueClocks(allianceIDs: [UUID]?, sharedOnly: Bool) async throws -> [IssueClock]
    /// Several issues by id (missing ones are left out), in no particular order.
    func issues(ids: [UUID]) async throws -> [Issue]
    func create(allianceID: UUID, _ valid: IssueInput.Valid, raisedOn: LocalDate, by actor: AuditActor) async throws -> Issue
    func update(_ id: UUID, _ valid: IssueInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> Issue
    /// Escalates, resolves or reopens: `change` gets the locked issue and returns it changed.
    func move(_ id: UUID, by actor: AuditActor, _ change: @Sendable (Issue) throws -> Issue) async throws -> Issue
}
