import AccordMemberwise
import Foundation

/// A joint committee or team of one alliance, with the charter the system enforces.
@Memberwise
public struct GovernanceBody: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var allianceID: UUID
    public var parentID: UUID?
    public var name: String
    public var kind: BodyKind
    public var charter: Charter
    public var visibility: Visibility
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
}

public enum BodyRole: String, Labeled {
    case chair
    case coChair = "co_chair"
    case member
    case secretary

    public var label: String {
        switch self {
        case .chair: "Chair"
        case .coChair: "Co-chair"
        case .member: "Member"
        case .secretary: "Secretary"
        }
    }

    /// Secretaries keep the record but do not count toward size, parity, quorum or votes.
    public var isVoting: Bool { self != .secretary }
}

@Memberwise
public struct BodyMember: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var bodyID: UUID
    public var personID: UUID
    public var side: Side
    public var role: BodyRole
    public var createdAt: Date
}

/// A body as typed into the form or an API body; the charter's numbers arrive as text.
@Memberwise
public struct BodyInput: Sendable, Equatable {
    public var name: String?
    public var kind: String?
    public var parentID: String?
    public var visibility: String?
    public var minMembersPerParty: String?
    public var maxMembersPerParty: String?
    public var parityRequired: Bool = true
    public var quorumPerParty: String?
    public var decisionRule: String?
    public var minMeetingsPerYear: String?
    public var noticeDays: String?
    public var escalation: [EscalationStepInput] = []

    public init(_ body: GovernanceBody) {
        let c = body.charter
        self.init(
            name: body.name, kind: body.kind.rawValue, parentID: body.parentID?.canonicalText, visibility: body.visibility.rawValue,
            minMembersPerParty: String(c.minMembersPerParty), maxMembersPerParty: String(c.maxMembersPerParty),
            parityRequired: c.parityRequired, quorumPerParty: String(c.quorumPerParty), decisionRule: c.decisionRule.rawValue,
            minMeetingsPerYear: String(c.minMeetingsPerYear), noticeDays: String(c.noticeDays),
            escalation: c.escalation.map {
                EscalationStepInput(
                    decidedBy: $0.decidedBy, days: String($0.days), finalSay: $0.finalSay?.rawValue ?? "",
                    excludedMatters: $0.excludedMatters.joined(separator: "; "))
            })
    }

    public struct Valid: Sendable, Equatable {
        public var name: String
        public var kind: BodyKind
        public var parentID: UUID?
        public var visibility: Visibility
        public var charter: Charter
    }

    public func validate() throws(DomainError) -> Valid {
        var v = Validator()
        let name = v.text(name, "name", "Name", max: 120)
        let kind: BodyKind? = v.choice(kind, "kind", "Kind")
        let parent = v.optionalID(parentID, "parentID", "Parent body")
        let visibility: Visibility = (visibility ?? "").isEmpty ? .shared : (v.choice(visibility, "visibility", "Visibility") ?? .shared)
        let rule: DecisionRule? = v.choice(decisionRule, "decisionRule", "Decision rule")
        func number(_ raw: String?, _ field: String, _ label: String, default value: Int) -> Int {
            let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return value }
            guard let number = Int(text) else {
                v.add(field, "\(label) must be a whole number.")
                return value
            }
            return number
        }
        var steps: [EscalationStep] = []
        for (index, step) in escalation.enumerated() where !step.isBlank {
            let days = Int(step.days.trimmingCharacters(in: .whitespaces))
            if days == nil { v.add("escalation.\(index + 1)", "Step \(index + 1): days must be a whole number.") }
            var finalSay: Side?
            if !step.finalSay.isEmpty {
                finalSay = Side(rawValue: step.finalSay)
                if finalSay == nil { v.add("escalation.\(index + 1)", "Step \(index + 1): final say must be ours, partner or none.") }
            }
            let excluded = step.excludedMatters.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            steps.append(
                EscalationStep(
                    decidedBy: step.decidedBy.trimmingCharacters(in: .whitespaces), days: days ?? 1, finalSay: finalSay,
                    excludedMatters: excluded))
        }
        let charter = Charter(
            minMembersPerParty: number(minMembersPerParty, "minMembersPerParty", "Minimum members per party", default: 1),
            maxMembersPerParty: number(maxMembersPerParty, "maxMembersPerParty", "Maximum members per party", default: 4),
            parityRequired: parityRequired, quorumPerParty: number(quorumPerParty, "quorumPerParty", "Quorum per party", default: 1),
            decisionRule: rule ?? .onePerParty,
            minMeetingsPerYear: number(minMeetingsPerYear, "minMeetingsPerYear", "Meetings per year", default: 4),
            noticeDays: number(noticeDays, "noticeDays", "Notice days", default: 30), escalation: steps)
        do {
            try charter.validate()
        } catch {
            for e in error.fieldErrors where !v.errors.contains(where: { $0.field == e.field }) { v.add(e.field, e.message) }
        }
        try v.check()
        return Valid(name: name, kind: kind!, parentID: parent, visibility: visibility, charter: charter)
    }
}

@Memberwise
public struct EscalationStepInput: Sendable, Equatable {
    public var decidedBy: String = ""
    public var days: String = ""
    public var finalSay: String = ""
    public var excludedMatters: String = ""

    var isBlank: Bool {
        [decidedBy, days, finalSay, excludedMatters].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}

public protocol GovernanceRepository: Sendable {
    func bodies(allianceID: UUID) async throws -> [GovernanceBody]
    func body(id: UUID) async throws -> GovernanceBody?
    /// Bodies of these alliances; every alliance's when nil.
    func bodies(allianceIDs: [UUID]?) async throws -> [GovernanceBody]
    /// Planned or in-progress action items due before `day`, earliest first, the first `limit` of them (all when nil)
    /// with their total; every alliance's when `allianceIDs` is nil, shared ones only when `sharedOnly`.
    func overdueActionItems(allianceIDs: [UUID]?, before day: LocalDate, sharedOnly: Bool, limit: Int?) async throws -> Page<ActionItem>
    /// Bodies that held fewer meetings from `from` through `through` than their charter asks a year, with that count
    /// (the only ones that can be behind their cadence), oldest body first; shared bodies only when `sharedOnly`.
    func cadenceCandidates(allianceIDs: [UUID]?, from: LocalDate, through: LocalDate, sharedOnly: Bool) async throws -> [CadenceCandidate]
    func bodies(ids: [UUID]) async throws -> [GovernanceBody]
    /// Escalated decisions whose current step's deadline is before `day`, the earliest deadline first, the first
    /// `limit` of them (all when nil) with their total; decisions of shared bodies only when `sharedOnly`.
    func overdueEscalations(allianceIDs: [UUID]?, on day: LocalDate, sharedOnly: Bool, limit: Int?) async throws -> Page<Decision>
    /// The parent must be a body of the same alliance, and not the body itself or one of its subcommittees.
    func createBody(allianceID: UUID, _ valid: BodyInput.Valid, by actor: AuditActor) async throws -> GovernanceBody
    func updateBody(_ id: UUID, _ valid: BodyInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> GovernanceBody
    /// Members of each body, chairs first, then by side.
    func members(bodyIDs: [UUID]) async throws -> [UUID: [BodyMember]]
    /// The bodies a person sits on, one entry per seat.
    func seats(personID: UUID) async throws -> [BodyMember]
    /// Checks the charter's maximum inside the write, so two concurrent additions cannot both pass.
    func addMember(_ bodyID: UUID, personID: UUID, side: Side, role: BodyRole, by actor: AuditActor) async throws -> BodyMember
    func removeMember(_ memberID: UUID, from bodyID: UUID, by actor: AuditActor) async throws
    /// Meetings of the bodies, by date.
    func meetings(bodyIDs: [UUID]) async throws -> [Meeting]
    func meeting(id: UUID) async throws -> Meeting?
    func scheduleMeeting(_ body: GovernanceBody, _ valid: MeetingInput.Valid, by actor: AuditActor) async throws -> Meeting
    /// Who attended, with their side.
    func attendance(meetingID: UUID) async throws -> [UUID: Side]
    /// Replaces the attendance of a meeting held on or before `today`; every attendee must be a member of its body.
    func setAttendance(_ meetingID: UUID, personIDs: Set<UUID>, today: LocalDate, by actor: AuditActor) async throws
    /// Minutes can be approved only once the meeting has been held.
    func saveMinutes(_ meetingID: UUID, _ valid: MinutesInput.Valid, expectedVersion: Int?, today: LocalDate, by actor: AuditActor)
        async throws -> Meeting
    func decisions(bodyIDs: [UUID]) async throws -> [Decision]
    func decision(id: UUID) async throws -> Decision?
    /// A new proposal; `proposedAt` (never later than now) dates one entered after it was tabled, as the demo does.
    func proposeDecision(_ body: GovernanceBody, title: String, details: String?, proposedAt: Date?, by actor: AuditActor) async throws
        -> Decision
    func votes(decisionID: UUID) async throws -> [CastVote]
    /// Records votes cast at a held meeting of the decision's body by members who attended it, and applies the outcome
    /// (`DecisionFlow.afterVotes`) in the same transaction.
    func recordVotes(_ decisionID: UUID, meetingID: UUID, votes: [UUID: Vote], today: LocalDate, by actor: AuditActor) async throws
        -> Decision
    /// Escalates to the next step, resolves, defers or reopens (`DecisionFlow`).
    func moveDecision(_ decisionID: UUID, to status: DecisionStatus, today: LocalDate, by actor: AuditActor) async throws -> Decision
    /// Marks a decision superseded by a later decision of the same body.
    func supersede(_ decisionID: UUID, by successorID: UUID, actor: AuditActor) async throws -> Decision
    func actionItems(allianceID: UUID) async throws -> [ActionItem]
    /// Action items owned by a person across alliances, open ones first by due date.
    func actionItems(ownerID: UUID) async throws -> [ActionItem]
    func actionItem(id: UUID) async throws -> ActionItem?
    func createActionItem(allianceID: UUID, _ valid: ActionItemInput.Valid, by actor: AuditActor) async throws -> ActionItem
    func updateActionItem(_ id: UUID, _ valid: ActionItemInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws
        -> ActionItem
}

extension GovernanceRepository {
    /// A proposal made now.
    public func proposeDecision(_ body: GovernanceBody, title: String, details: String?, by actor: AuditActor) async throws -> Decision {
        try await proposeDecision(body, title: title, details: details, proposedAt: nil, by: actor)
    }
}
