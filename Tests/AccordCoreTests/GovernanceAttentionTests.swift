import AccordCore
import Foundation
import Testing

@Suite struct GovernanceAttentionTests {
    let today = LocalDate("2026-11-30")!
    let allianceA = UUID()
    let allianceB = UUID()

    func body(_ alliance: UUID, meetingsPerYear: Int, createdDaysAgo: Int) -> GovernanceBody {
        GovernanceBody(
            id: UUID(), allianceID: alliance, parentID: nil, name: "JSC", kind: .steeringCommittee,
            charter: Charter(minMeetingsPerYear: meetingsPerYear), visibility: .shared, version: 1,
            createdAt: Date(timeIntervalSince1970: TimeInterval(today.adding(days: -createdDaysAgo).dayNumber * 86_400)),
            updatedAt: Date())
    }

    func item(_ alliance: UUID, due: Int, status: ActionStatus = .planned) -> ActionItem {
        ActionItem(
            id: UUID(), allianceID: alliance, title: "Item", ownerID: UUID(), dueOn: today.adding(days: due), status: status,
            meetingID: nil,
            decisionID: nil, visibility: .shared, version: 1, createdAt: Date())
    }

    func escalated(_ body: GovernanceBody, deadline: Int) -> Decision {
        Decision(
            id: UUID(), bodyID: body.id, allianceID: body.allianceID, meetingID: nil, title: "Launch", details: nil, status: .escalated,
            escalation: EscalationState(step: 0, startedOn: today.adding(days: -30), deadline: today.adding(days: deadline)),
            supersededBy: nil, version: 1, createdAt: Date())
    }

    @Test func onlyWhatIsLateTodayCountsAndItSplitsPerAlliance() {
        let quiet = body(allianceA, meetingsPerYear: 4, createdDaysAgo: 400)
        let fresh = body(allianceB, meetingsPerYear: 4, createdDaysAgo: 10)
        let attention = GovernanceAttention.on(
            today, bodies: [quiet, fresh], meetingCounts: [fresh.id: 1],
            escalated: [escalated(quiet, deadline: -1), escalated(quiet, deadline: 0), escalated(fresh, deadline: -5)],
            openItems: [
                item(allianceA, due: -3), item(allianceA, due: 0), item(allianceB, due: -1), item(allianceB, due: -9, status: .done),
            ])
        #expect(attention.escalations.map { $0.escalation!.deadline } == [today.adding(days: -5), today.adding(days: -1)])
        #expect(attention.actionItems.count == 2 && attention.behindCadence.map(\.bodyID) == [quiet.id])
        let split = attention.byAlliance(bodies: [quiet, fresh])
        #expect(split[allianceA]?.summary == "1 escalation past its deadline · 1 overdue action · 1 body behind its cadence")
        #expect(split[allianceB]?.summary == "1 escalation past its deadline · 1 overdue action")
        #expect(GovernanceAttention().flag == nil && split[allianceA]?.flag != nil)
    }

    @Test func theFirstEntriesKeepTheFullCountsInTheSummary() {
        let quiet = body(allianceA, meetingsPerYear: 4, createdDaysAgo: 400)
        let young = body(allianceB, meetingsPerYear: 12, createdDaysAgo: 61)
        let attention = GovernanceAttention.on(
            today, cadence: [CadenceCandidate(quiet, held: 3), CadenceCandidate(young, held: 1), CadenceCandidate(young, held: 10)],
            escalated: [escalated(quiet, deadline: -2)], openItems: (1...5).map { item(allianceA, due: -$0) })
        // 12 a year over 61 days expects 2 (rounded down): one held is behind, ten is not.
        #expect(attention.behindCadence.map(\.bodyID) == [quiet.id, young.id])
        let first = attention.first(2, escalations: 40, actionItems: 9)
        #expect(first.actionItems.map(\.dueOn) == [today.adding(days: -5), today.adding(days: -4)] && first.behindCadence.count == 2)
        #expect(first.counts == .init(escalations: 40, actionItems: 9, behindCadence: 2, issues: 0))
        #expect(first.summary == "40 escalations past their deadline · 9 overdue actions · 2 bodies behind their cadence")
        let none = GovernanceAttention().first(2, escalations: 0, actionItems: 0)
        #expect(none.isEmpty && none.flag == nil)
        #expect(!GovernanceAttention().first(2, escalations: 1).isEmpty)
    }
}
