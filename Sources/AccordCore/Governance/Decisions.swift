import Foundation

public enum DecisionStatus: String, Labeled {
    case proposed, approved, rejected, deferred, deadlocked, escalated, resolved, superseded

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

public enum Vote: String, Labeled {
    case approve, reject, abstain

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// One member's vote on a decision.
public struct CastVote: Sendable, Equatable, Codable {
    public var personID: UUID
    public var side: Side
    public var vote: Vote

    public init(personID: UUID, side: Side, vote: Vote) {
        self.personID = personID
        self.side = side
        self.vote = vote
    }
}

/// The outcome of votes under a charter's decision rule.
public enum VoteOutcome: String, Sendable, Equatable {
    case approved, rejected, deadlocked
}

public enum DecisionRules {
    /// Applies the rule to the votes cast. Abstentions count for nothing; a party that only abstains has no view.
    ///
    /// - unanimous: approved when every vote is approve (at least one); rejected when every vote is reject;
    ///   otherwise deadlocked.
    /// - one per party: each party's view is the majority of its members' votes (a tie is no view); approved when
    ///   both parties approve, rejected when both reject, otherwise deadlocked.
    /// - majority: approved with more approvals than rejections, rejected with more rejections, a tie deadlocks.
    public static func outcome(_ rule: DecisionRule, _ votes: [CastVote]) -> VoteOutcome {
        let approvals = votes.filter { $0.vote == .approve }.count
        let rejections = votes.filter { $0.vote == .reject }.count
        switch rule {
        case .unanimous:
            if approvals > 0 && rejections == 0 { return .approved }
            if rejections > 0 && approvals == 0 { return .rejected }
            return .deadlocked
        case .majority:
            if approvals > rejections { return .approved }
            if rejections > approvals { return .rejected }
            return .deadlocked
        case .onePerParty:
            let views = Side.allCases.map { side -> Vote? in
                let mine = votes.filter { $0.side == side }
                let yes = mine.filter { $0.vote == .approve }.count
                let no = mine.filter { $0.vote == .reject }.count
                return yes > no ? .approve : (no > yes ? .reject : nil)
            }
            if views.allSatisfy({ $0 == .approve }) { return .approved }
            if views.allSatisfy({ $0 == .reject }) { return .rejected }
            return .deadlocked
        }
    }

    /// Whether attendance meets the charter's quorum: at least k members of each party.
    public static func quorum(_ charter: Charter, attending: [Side]) -> Bool {
        Side.allCases.allSatisfy { side in attending.filter { $0 == side }.count >= charter.quorumPerParty }
    }
}

/// Where a deadlocked decision stands on the escalation ladder.
public struct EscalationState: Sendable, Equatable, Codable {
    /// Index into the charter's ladder.
    public var step: Int
    public var startedOn: LocalDate
    public var deadline: LocalDate

    public init(step: Int, startedOn: LocalDate, deadline: LocalDate) {
        self.step = step
        self.startedOn = startedOn
        self.deadline = deadline
    }

    /// The first step of the ladder, from the day of the deadlock; nil when the charter has no ladder.
    public static func start(_ charter: Charter, on day: LocalDate) -> EscalationState? {
        guard let first = charter.escalation.first else { return nil }
        return EscalationState(step: 0, startedOn: day, deadline: day.adding(days: first.days))
    }

    /// The next step, or nil at the top of the ladder.
    public func next(_ charter: Charter, on day: LocalDate) -> EscalationState? {
        guard step + 1 < charter.escalation.count else { return nil }
        return EscalationState(step: step + 1, startedOn: day, deadline: day.adding(days: charter.escalation[step + 1].days))
    }

    public func isOverdue(on day: LocalDate) -> Bool { day > deadline }
}
