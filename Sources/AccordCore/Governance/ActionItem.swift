import AccordMemberwise
import Foundation

/// What made an action item: a meeting, a decision, or nothing recorded.
public enum ActionSource: Sendable, Equatable {
    case meeting(UUID)
    case decision(UUID)
}

/// A governance action item: owner on either side, due date, status, and the meeting or decision that made it.
@Memberwise
public struct ActionItem: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var allianceID: UUID
    public var title: String
    public var ownerID: UUID
    public var dueOn: LocalDate
    public var status: ActionStatus
    public var meetingID: UUID?
    public var decisionID: UUID?
    public var visibility: Visibility
    public var version: Int
    public var createdAt: Date

    /// Not done or dropped, and past its due date.
    public func isOverdue(on day: LocalDate) -> Bool {
        status.isOpen && dueOn < day
    }
}

@Memberwise
public struct ActionItemInput: Sendable, Equatable {
    public var title: String?
    public var owner: String?
    public var dueOn: String?
    public var status: String?
    public var source: String?
    public var visibility: String?

    @Memberwise
    public struct Valid: Sendable, Equatable {
        public var title: String
        public var ownerID: UUID
        public var dueOn: LocalDate
        public var status: ActionStatus
        public var meetingID: UUID?
        public var decisionID: UUID?
        public var visibility: Visibility
    }

    /// `source` is "meeting:<id>", "decision:<id>" or empty; it must be one of `sources` (the alliance's own).
    public func validate(team: Set<UUID>, sources: Set<String>) throws(DomainError) -> Valid {
        var v = Validator()
        let common = v.action(title: title, owner: owner, dueOn: dueOn, status: status, team: team)
        let visibility: Visibility? = (visibility ?? "").isEmpty ? .shared : v.choice(visibility, "visibility", "Visibility")
        var meeting: UUID?
        var decision: UUID?
        let source = (source ?? "").lowercased()
        if !source.isEmpty {
            if !sources.contains(source) {
                v.add("source", "The action must come from a meeting or decision of this alliance.")
            } else if source.hasPrefix("meeting:") {
                meeting = UUID(canonical: String(source.dropFirst(8)))
            } else if source.hasPrefix("decision:") {
                decision = UUID(canonical: String(source.dropFirst(9)))
            }
        }
        try v.check()
        return Valid(
            title: common.title, ownerID: common.owner!, dueOn: common.due!, status: common.status!, meetingID: meeting,
            decisionID: decision,
            visibility: visibility!)
    }
}
