import AccordCore
import Foundation

/// One decision: its status, the votes, the escalation ladder with the current step's clock, and what can be done next.
struct DecisionPage: PageModel {
    /// Where the breadcrumb or form leads (the route table, not a path written in the template).
    let portfolioHref = Site.alliances.pattern
    struct VoteRow: Sendable {
        let name: String
        let side: String
        let vote: String
    }
    struct Voter: Sendable {
        let field: String
        let id: String
        let name: String
        let side: String
        /// Approve, reject, abstain or did not vote, with the one submitted (after a refused form) selected.
        let choices: [OptionModel]
    }

    /// What a refused vote form held, shown again as it was sent.
    struct SubmittedVotes: Sendable {
        var meetingID: String?
        var votes: [String: String] = [:]
    }
    struct LadderStep: Sendable {
        let number: Int
        let text: String
        let current: Bool
        let deadline: String?
        let overdue: Bool
    }
    let layout: LayoutModel
    let title: String
    let details: String?
    let allianceName: String
    let allianceHref: String
    let governanceHref: String
    let bodyName: String
    let status: String
    let statusCode: String
    let rule: String
    let votes: [VoteRow]
    let hasVotes: Bool
    let ladder: [LadderStep]
    let hasLadder: Bool
    let clock: String?
    let overdue: Bool
    let supersededHref: String?
    let voters: [Voter]
    let meetingOptions: [OptionModel]
    let canVote: Bool
    let canEscalate: Bool
    let canResolve: Bool
    let canDefer: Bool
    let canReopen: Bool
    let canSupersede: Bool
    let successorOptions: [OptionModel]
    let votesAction: String
    let statusAction: String
    let supersedeAction: String
    let canManage: Bool
    let errors: [String]
    let hasErrors: Bool

    init(
        layout: LayoutModel, alliance: Alliance, body: GovernanceBody, decision: Decision, votes: [CastVote], members: [BodyMember],
        people: [UUID: Person], meetings: [Meeting], others: [Decision], today: LocalDate, canManage: Bool, errors: [FieldError],
        submitted: SubmittedVotes = SubmittedVotes()
    ) {
        self.layout = layout
        title = decision.title
        details = decision.details
        allianceName = alliance.name
        allianceHref = Site.alliance.path(alliance.id)
        governanceHref = Site.governance.path(alliance.id)
        bodyName = body.name
        status = decision.status.label
        statusCode = decision.status.rawValue
        rule = body.charter.decisionRule.label
        self.votes = votes.map {
            VoteRow(name: people[$0.personID]?.name ?? "Former member", side: $0.side.label, vote: $0.vote.label)
        }
        hasVotes = !votes.isEmpty
        let state = decision.escalation
        ladder = body.charter.escalation.enumerated().map { index, step in
            let text = step.summary
            let current = decision.status == .escalated && state?.step == index
            return LadderStep(
                number: index + 1, text: text, current: current, deadline: current ? state?.deadline.description : nil,
                overdue: current && (state?.isOverdue(on: today) ?? false))
        }
        hasLadder = !ladder.isEmpty
        overdue = decision.isOverdue(on: today)
        if decision.status == .escalated, let state {
            let days = today.days(until: state.deadline)
            clock =
                days >= 0
                ? "Step \(state.step + 1) decides by \(state.deadline): \(days) day\(days == 1 ? "" : "s") left."
                : "Step \(state.step + 1) was due \(state.deadline): \(-days) day\(days == -1 ? "" : "s") overdue."
        } else {
            clock = nil
        }
        supersededHref = decision.supersededBy.map { Site.decision.path(alliance.id, $0) }
        voters = members.map {
            let key = $0.personID.lowercaseText
            let chosen = submitted.votes[key] ?? ""
            return Voter(
                field: "vote." + key, id: "v-" + key, name: people[$0.personID]?.name ?? "Former member", side: $0.side.label,
                choices: [("", "Did not vote"), ("approve", "Approve"), ("reject", "Reject"), ("abstain", "Abstain")].map {
                    OptionModel(value: $0.0, label: $0.1, selected: $0.0 == chosen)
                })
        }
        let chosenMeeting = submitted.meetingID?.lowercased() ?? ""
        meetingOptions =
            [OptionModel(value: "", label: "Choose the meeting", selected: chosenMeeting.isEmpty)]
            + DecisionFlow.votingMeetings(meetings, for: decision).reversed().map {
                let value = $0.id.lowercaseText
                return OptionModel(value: value, label: "\($0.date): \($0.title)", selected: value == chosenMeeting)
            }
        canVote = canManage && [.proposed, .deferred].contains(decision.status) && !members.isEmpty
        canEscalate =
            canManage && (decision.status == .deadlocked || (decision.status == .escalated && (state?.step ?? 0) + 1 < ladder.count))
        canResolve = canManage && [.deadlocked, .escalated].contains(decision.status)
        canDefer = canManage && decision.status == .proposed
        canReopen = canManage && decision.status == .deferred
        canSupersede = canManage && [.approved, .rejected, .resolved].contains(decision.status) && !others.isEmpty
        successorOptions =
            [OptionModel(value: "", label: "Choose the later decision", selected: true)]
            + others.map { OptionModel(value: $0.id.lowercaseText, label: $0.title, selected: false) }
        votesAction = Site.decisionVotes.path(alliance.id, decision.id)
        statusAction = Site.decisionStatus.path(alliance.id, decision.id)
        supersedeAction = Site.decisionSupersede.path(alliance.id, decision.id)
        self.canManage = canManage
        self.errors = errors.map(\.message)
        hasErrors = !errors.isEmpty
    }
}
