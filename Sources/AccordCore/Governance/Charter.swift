import AccordMemberwise
import Foundation

public enum BodyKind: String, Labeled {
    case steeringCommittee = "steering_committee"
    case developmentCommittee = "development_committee"
    case commercializationCommittee = "commercialization_committee"
    case manufacturingCommittee = "manufacturing_committee"
    case projectTeam = "project_team"
    case other

    public var label: String {
        switch self {
        case .steeringCommittee: "Joint steering committee"
        case .developmentCommittee: "Joint development committee"
        case .commercializationCommittee: "Joint commercialization committee"
        case .manufacturingCommittee: "Joint manufacturing committee"
        case .projectTeam: "Joint project team"
        case .other: "Other joint body"
        }
    }
}

public enum DecisionRule: String, Labeled {
    /// Every member present votes and all must approve.
    case unanimous
    /// Each party casts one vote (its members agree among themselves); both parties must approve.
    case onePerParty = "one_per_party"
    /// More approvals than rejections among the members present.
    case majority

    public var label: String {
        switch self {
        case .unanimous: "Unanimous"
        case .onePerParty: "One vote per party"
        case .majority: "Majority of members present"
        }
    }
}

/// One rung of the escalation ladder: who decides, how long they have, and who has the final say there.
@Memberwise
public struct EscalationStep: Sendable, Equatable, Codable {
    public var decidedBy: String
    public var days: Int
    /// The party whose view prevails at this step, if any.
    public var finalSay: Side?
    /// Matters on which the final say does not apply (for example "amending the agreement").
    public var excludedMatters: [String] = []
}

/// What a body's charter says: its size per party, quorum, decision rule, cadence and escalation ladder.
@Memberwise
public struct Charter: Sendable, Equatable, Codable {
    public var minMembersPerParty: Int = 1
    public var maxMembersPerParty: Int = 4
    public var parityRequired: Bool = true
    /// At least this many members of each party must attend for a quorum.
    public var quorumPerParty: Int = 1
    public var decisionRule: DecisionRule = .onePerParty
    public var minMeetingsPerYear: Int = 4
    public var noticeDays: Int = 30
    public var escalation: [EscalationStep] = []

    /// Numbers within sensible bounds and consistent with each other; errors name the field.
    public func validate() throws(DomainError) {
        var v = Validator()
        if !(1...20).contains(minMembersPerParty) { v.add("minMembersPerParty", "Minimum members per party must be 1 to 20.") }
        if !(1...20).contains(maxMembersPerParty) { v.add("maxMembersPerParty", "Maximum members per party must be 1 to 20.") }
        if maxMembersPerParty < minMembersPerParty {
            v.add("maxMembersPerParty", "Maximum members per party must be at least the minimum (\(minMembersPerParty)).")
        }
        if quorumPerParty < 1 || quorumPerParty > maxMembersPerParty {
            v.add("quorumPerParty", "Quorum per party must be from 1 to the maximum members per party.")
        }
        if !(0...52).contains(minMeetingsPerYear) { v.add("minMeetingsPerYear", "Meetings per year must be 0 to 52.") }
        if !(0...180).contains(noticeDays) { v.add("noticeDays", "Notice must be 0 to 180 days.") }
        if escalation.count > 6 { v.add("escalation", "An escalation ladder has at most 6 steps.") }
        for (index, step) in escalation.enumerated() {
            let field = "escalation.\(index + 1)"
            if step.decidedBy.trimmingCharacters(in: .whitespaces).isEmpty || step.decidedBy.count > 200
                || Validator.hasControlCharacters(step.decidedBy)
            {
                v.add(field, "Step \(index + 1) needs who decides (at most 200 characters).")
            }
            if !(1...365).contains(step.days) { v.add(field, "Step \(index + 1) must allow 1 to 365 days.") }
            if step.excludedMatters.contains(where: { $0.isEmpty || $0.count > 200 || Validator.hasControlCharacters($0) }) {
                v.add(field, "Step \(index + 1) has an empty or overlong excluded matter.")
            }
        }
        try v.check()
    }
}
