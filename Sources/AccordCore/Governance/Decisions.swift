import AccordMemberwise
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
@Memberwise
public struct CastVote: Sendable, Equatable, Codable {
    public var personID: UUID
    public var side: Side
    public var vote: Vote
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
@Memberwise
public struct EscalationState: Sendable, Equatable, Codable {
    /// Index into the charter's ladder.
    public var step: Int
    public var startedOn: LocalDate
    public var deadline: LocalDate

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

/// An entry of the decision register.
@Memberwise
public struct Decision: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var bodyID: UUID
    public var allianceID: UUID
    public var meetingID: UUID?
    public var title: String
    public var details: String?
    public var status: DecisionStatus
    public var escalation: EscalationState?
    public var supersededBy: UUID?
    public var version: Int
    public var createdAt: Date

    /// Open on the ladder with its current step's deadline passed.
    public func isOverdue(on day: LocalDate) -> Bool {
        status == .escalated && (escalation?.isOverdue(on: day) ?? false)
    }
}

public enum DecisionFlow {
    /// The statuses a decision is moved to by hand: the next escalation step, a resolution, deferring or reopening.
    public static let moves: [DecisionStatus] = [.escalated, .resolved, .deferred, .proposed]

    /// Votes on a decision come from a meeting held on or after the day it was proposed (UTC), never from one before.
    public static func requireVotingMeeting(_ meeting: Meeting, for decision: Decision) throws(DomainError) {
        let proposed = LocalDate(date: decision.createdAt)
        if meeting.date < proposed {
            throw .invalid(
                "meetingID", "The meeting on \(meeting.date) was before this decision was proposed (\(proposed)); choose a later one.")
        }
    }

    /// The meetings whose votes a decision may take.
    public static func votingMeetings(_ meetings: [Meeting], for decision: Decision) -> [Meeting] {
        meetings.filter { $0.date >= LocalDate(date: decision.createdAt) }
    }

    /// What recorded votes do to a decision: the charter's rule decides; approval needs a quorate meeting; a
    /// deadlock climbs the first step of the ladder when there is one.
    public static func afterVotes(
        _ decision: Decision, charter: Charter, votes: [CastVote], quorate: Bool, today: LocalDate
    ) throws(DomainError) -> Decision {
        guard [.proposed, .deferred].contains(decision.status) else {
            throw .conflict("Votes can be recorded only on a proposed or deferred decision; this one is \(decision.status.rawValue).")
        }
        if votes.isEmpty { throw .invalid("votes", "Record at least one vote.") }
        var next = decision
        switch DecisionRules.outcome(charter.decisionRule, votes) {
        case .approved:
            if !quorate { throw .invalid("votes", "The meeting had no quorum, so it cannot approve decisions.") }
            next.status = .approved
        case .rejected:
            next.status = .rejected
        case .deadlocked:
            if let state = EscalationState.start(charter, on: today) {
                next.status = .escalated
                next.escalation = state
            } else {
                next.status = .deadlocked
            }
        }
        return next
    }

    /// Moves an escalated decision to the next step of the ladder.
    public static func escalate(_ decision: Decision, charter: Charter, today: LocalDate) throws(DomainError) -> Decision {
        guard decision.status == .escalated || decision.status == .deadlocked else {
            throw .conflict("Only a deadlocked or escalated decision can be escalated.")
        }
        var next = decision
        if let current = decision.escalation {
            guard let state = current.next(charter, on: today) else {
                throw .conflict("This decision is at the top of the escalation ladder; resolve it there.")
            }
            next.escalation = state
        } else {
            guard let state = EscalationState.start(charter, on: today) else {
                throw .conflict("The body's charter has no escalation ladder.")
            }
            next.escalation = state
        }
        next.status = .escalated
        return next
    }

    /// Ends a deadlock or escalation with a resolution, or defers a proposed decision.
    public static func close(_ decision: Decision, as status: DecisionStatus) throws(DomainError) -> Decision {
        let allowed: [DecisionStatus: Set<DecisionStatus>] = [
            .resolved: [.deadlocked, .escalated], .deferred: [.proposed], .proposed: [.deferred],
        ]
        guard let from = allowed[status], from.contains(decision.status) else {
            throw .conflict("A decision that is \(decision.status.rawValue) cannot become \(status.rawValue).")
        }
        var next = decision
        next.status = status
        return next
    }
}
