import AccordCore
import Foundation
import Testing

/// The issue ladder: time at each level against its limit, escalation, resolution and reopening, input checks.
@Suite struct IssueTests {
    let day = LocalDate("2026-11-30")!
    let owner = UUID()

    func issue(raised: Int) -> AccordCore.Issue {
        let valid = IssueInput.Valid(title: "Late data", details: nil, severity: .high, ownerID: owner, visibility: .shared)
        let raisedOn = day.adding(days: -raised)
        return AccordCore.Issue(
            id: UUID(), allianceID: UUID(), valid: valid, raisedOn: raisedOn,
            steps: [IssueStep(level: .workingTeam, since: raisedOn, by: "Dana")],
            createdAt: Date())
    }

    @Test func theClockRunsPerLevelAndFlagsAnIssuePastItsLimit() throws {
        let fresh = issue(raised: 14)
        #expect(fresh.daysAtLevel(today: day) == 14 && !fresh.isOverdue(.standard, today: day))
        let late = issue(raised: 15)
        #expect(late.isOverdue(.standard, today: day) && late.daysOver(.standard, today: day) == 1)
        var tight = EscalationLimits.standard
        tight.days[.workingTeam] = 5
        #expect(fresh.daysOver(tight, today: day) == 9)

        let up = try IssueFlow.escalate(late, note: "Needs the managers", today: day, by: "Dana")
        #expect(up.level == .allianceManagers && up.steps.count == 2 && up.steps[0].until == day && up.steps[0].days(today: day) == 15)
        #expect(up.daysAtLevel(today: day) == 0 && !up.isOverdue(.standard, today: day))
        #expect(up.steps[1].note == "Needs the managers")
        var top = up
        for _ in 0..<2 { top = try IssueFlow.escalate(top, note: nil, today: day, by: "Dana") }
        #expect(top.level == .executiveSponsors)
        let error = #expect(throws: DomainError.self) { try IssueFlow.escalate(top, note: nil, today: day, by: "Dana") }
        #expect(error?.fieldErrors.map(\.field) == ["level"])

        let done = try IssueFlow.resolve(up, resolution: "Cut-off agreed", today: day.adding(days: 3))
        #expect(done.status == .resolved && done.resolvedOn == day.adding(days: 3) && !done.isOverdue(tight, today: day.adding(days: 90)))
        #expect(throws: DomainError.conflict("This issue is already resolved.")) {
            try IssueFlow.resolve(done, resolution: "x", today: day)
        }
        #expect(throws: DomainError.self) { try IssueFlow.escalate(done, note: nil, today: day, by: "Dana") }
        let again = try IssueFlow.reopen(done, note: "Data late again", today: day.adding(days: 10), by: "Dana")
        #expect(again.status == .open && again.level == .allianceManagers && again.resolution == nil)
        #expect(again.steps.last?.note == "Reopened: Data late again" && again.daysAtLevel(today: day.adding(days: 12)) == 2)
        #expect(throws: DomainError.self) { try IssueFlow.reopen(again, note: nil, today: day, by: "Dana") }
    }

    @Test func inputNamesEachBadField() throws {
        let team: Set<UUID> = [owner]
        let valid = try IssueInput(title: " Late data ", severity: "high", owner: owner.uuidString).validate(team: team)
        #expect(valid.title == "Late data" && valid.visibility == .internal)
        let error = #expect(throws: DomainError.self) {
            try IssueInput(
                title: "", details: String(repeating: "x", count: 4001), severity: "urgent", owner: UUID().uuidString, visibility: "public"
            )
            .validate(team: team)
        }
        #expect(Set(error?.fieldErrors.map(\.field) ?? []) == ["title", "details", "severity", "ownerID", "visibility"])
        let limits = try LimitsInput(days: ["working_team": "7", "executive_sponsors": ""]).validate()
        #expect(limits.limit(.workingTeam) == 7 && limits.limit(.executiveSponsors) == 30)
        let bad = #expect(throws: DomainError.self) { try LimitsInput(days: ["ceo": "3", "governance_body": "0"]).validate() }
        #expect(Set(bad?.fieldErrors.map(\.field) ?? []) == ["limits.ceo", "limits.governance_body"])
    }

    @Test func lateIssuesJoinTheGovernanceAttentionMostOverdueFirst() {
        let a = issue(raised: 20)
        let b = issue(raised: 40)
        let c = issue(raised: 3)
        let attention = GovernanceAttention.on(day, bodies: [], meetingCounts: [:], escalated: [], openItems: [], openIssues: [a, b, c])
        #expect(attention.issues.map(\.id) == [b.id, a.id])
        #expect(attention.summary == "2 issues past their escalation limit")
        #expect(attention.byAlliance(bodies: [])[a.allianceID]?.issues.map(\.id) == [a.id])
        var relaxed = EscalationLimits.standard
        relaxed.days[.workingTeam] = 60
        #expect(
            GovernanceAttention.on(
                day, bodies: [], meetingCounts: [:], escalated: [], openItems: [], openIssues: [a, b], limits: { _ in relaxed }
            ).isEmpty)
    }
}
