import AccordCore
import Foundation
import Testing

@Suite struct GovernanceRulesTests {
    let a = UUID()
    let b = UUID()
    let c = UUID()
    let d = UUID()

    func vote(_ side: Side, _ vote: Vote) -> CastVote { CastVote(personID: UUID(), side: side, vote: vote) }

    @Test func datesCountDaysAcrossMonthsYearsAndLeapDays() {
        let day = LocalDate("2028-02-28")!
        #expect(day.adding(days: 1).description == "2028-02-29" && day.adding(days: 2).description == "2028-03-01")
        #expect(LocalDate("2026-12-31")!.adding(days: 1).description == "2027-01-01")
        #expect(LocalDate("1970-01-01")!.dayNumber == 0 && LocalDate("2026-11-30")!.adding(days: -365).description == "2025-11-30")
        #expect(LocalDate("2026-01-01")!.days(until: LocalDate("2027-01-01")!) == 365)
    }

    @Test(arguments: [
        (DecisionRule.onePerParty, [(Side.ours, Vote.approve), (.partner, .approve)], VoteOutcome.approved),
        (.onePerParty, [(.ours, .approve), (.ours, .reject), (.ours, .approve), (.partner, .approve)], .approved),
        (.onePerParty, [(.ours, .approve), (.partner, .reject)], .deadlocked),
        (.onePerParty, [(.ours, .approve), (.partner, .abstain)], .deadlocked),
        (.onePerParty, [(.ours, .reject), (.partner, .reject)], .rejected),
        (.unanimous, [(.ours, .approve), (.partner, .approve), (.partner, .abstain)], .approved),
        (.unanimous, [(.ours, .approve), (.partner, .reject)], .deadlocked),
        (.majority, [(.ours, .approve), (.ours, .approve), (.partner, .reject)], .approved),
        (.majority, [(.ours, .approve), (.partner, .reject)], .deadlocked),
    ])
    func votesGiveTheCharterRulesOutcome(_ rule: DecisionRule, _ votes: [(Side, Vote)], _ outcome: VoteOutcome) {
        #expect(DecisionRules.outcome(rule, votes.map { vote($0.0, $0.1) }) == outcome)
    }

    @Test func quorumNeedsEnoughMembersOfEachParty() {
        let charter = Charter(quorumPerParty: 2)
        #expect(DecisionRules.quorum(charter, attending: [.ours, .ours, .partner, .partner]))
        #expect(!DecisionRules.quorum(charter, attending: [.ours, .ours, .ours, .partner]))
    }

    @Test func deadlocksClimbTheLadderWithDeadlines() {
        let charter = Charter(escalation: [
            EscalationStep(decidedBy: "Alliance managers", days: 10),
            EscalationStep(decidedBy: "Chief executives", days: 30, finalSay: .ours, excludedMatters: ["Amending the agreement"]),
        ])
        let day = LocalDate("2026-11-01")!
        let first = EscalationState.start(charter, on: day)!
        #expect(first.step == 0 && first.deadline.description == "2026-11-11")
        #expect(!first.isOverdue(on: LocalDate("2026-11-11")!) && first.isOverdue(on: LocalDate("2026-11-12")!))
        let second = first.next(charter, on: LocalDate("2026-11-12")!)!
        #expect(second.step == 1 && second.deadline.description == "2026-12-12")
        #expect(second.next(charter, on: day) == nil && EscalationState.start(Charter(), on: day) == nil)
    }

    @Test func chartersAndBodiesNameTheirBadFields() {
        var input = BodyInput(
            name: "", kind: "board", minMembersPerParty: "5", maxMembersPerParty: "3", quorumPerParty: "x", decisionRule: "coin",
            noticeDays: "400", escalation: [EscalationStepInput(decidedBy: "CEOs", days: "soon", finalSay: "them")])
        do {
            _ = try input.validate()
            Issue.record("accepted a bad body")
        } catch {
            #expect(
                Set(error.fieldErrors.map(\.field)).isSuperset(of: [
                    "name", "kind", "maxMembersPerParty", "quorumPerParty", "decisionRule", "noticeDays", "escalation.1",
                ]))
        }
        input = BodyInput(
            name: "JSC", kind: "steering_committee", maxMembersPerParty: "4", quorumPerParty: "1", decisionRule: "one_per_party",
            escalation: [
                EscalationStepInput(decidedBy: "Executives", days: "30", finalSay: "ours", excludedMatters: "Amendments; Budget"),
                EscalationStepInput(),
            ])
        let valid = try? input.validate()
        #expect(
            valid?.charter.escalation == [
                EscalationStep(decidedBy: "Executives", days: 30, finalSay: .ours, excludedMatters: ["Amendments", "Budget"])
            ])
        #expect(valid?.visibility == .shared && valid?.charter.noticeDays == 30)
    }

    func body(_ name: String, parent: UUID? = nil, charter: Charter = Charter(minMembersPerParty: 2, maxMembersPerParty: 3))
        -> GovernanceBody
    {
        GovernanceBody(
            id: UUID(), allianceID: UUID(), parentID: parent, name: name, kind: .steeringCommittee, charter: charter, visibility: .shared,
            version: 1, createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date())
    }

    func member(_ body: GovernanceBody, _ person: UUID, _ side: Side, _ role: BodyRole = .member) -> BodyMember {
        BodyMember(id: UUID(), bodyID: body.id, personID: person, side: side, role: role, createdAt: Date())
    }

    @Test func warningsForParityMinimumAndPeopleInSeveralLayers() throws {
        let jsc = body("JSC")
        let jdc = body("JDC", parent: jsc.id)
        let members: [UUID: [BodyMember]] = [
            jsc.id: [member(jsc, a, .ours), member(jsc, b, .ours), member(jsc, c, .partner), member(jsc, d, .partner, .secretary)],
            jdc.id: [member(jdc, a, .ours), member(jdc, c, .partner), member(jdc, UUID(), .partner)],
        ]
        let warnings = GovernanceChecks.warnings([jsc, jdc], members: members, allianceManagers: [c], names: [a: "Ana Costa"])
        #expect(warnings.map(\.kind) == [.belowMinimum, .parity, .belowMinimum, .parity, .multipleLayers])
        #expect(warnings.last?.message.hasPrefix("Ana Costa sits in 2 layers") == true)
        #expect(throws: DomainError.self) {
            try GovernanceChecks.checkAdd(
                jsc, members[jsc.id]! + [member(jsc, UUID(), .ours)], personID: UUID(), side: .ours, role: .member)
        }
        #expect(throws: DomainError.self) { try GovernanceChecks.checkAdd(jsc, members[jsc.id]!, personID: a, side: .ours, role: .chair) }
        try GovernanceChecks.checkAdd(jsc, members[jsc.id]!, personID: UUID(), side: .partner, role: .member)
    }

    @Test func aBodyBehindItsCadenceIsFlagged() {
        let jsc = body("JSC", charter: Charter(minMeetingsPerYear: 4))
        let today = LocalDate("1971-01-01")!
        #expect(GovernanceChecks.behindCadence(jsc, heldOn: [LocalDate("1970-03-01")!], today: today)?.kind == .behindCadence)
        let held = ["1970-02-01", "1970-05-01", "1970-08-01", "1970-11-01"].compactMap(LocalDate.init)
        #expect(GovernanceChecks.behindCadence(jsc, heldOn: held, today: today) == nil)
    }

    @Test func meetingsKeepTheNoticePeriodUnlessAReasonIsGiven() throws {
        let charter = Charter(noticeDays: 30)
        let today = LocalDate("2026-11-30")!
        let soon = MeetingInput(title: "JSC Q1", date: "2026-12-10", time: "14:30")
        do {
            _ = try soon.validate(charter: charter, today: today)
            Issue.record("accepted short notice")
        } catch {
            #expect(error.fieldErrors.map(\.field) == ["noticeOverride"])
        }
        var overridden = soon
        overridden.noticeOverride = "Urgent supply decision"
        #expect(try overridden.validate(charter: charter, today: today).startMinute == 14 * 60 + 30)
        #expect(throws: DomainError.self) { try MeetingInput(title: "Past", date: "2026-11-01").validate(charter: charter, today: today) }
        #expect(throws: DomainError.self) {
            try MeetingInput(title: "T", date: "2027-02-01", time: "25:00").validate(charter: charter, today: today)
        }
        let agenda = try MeetingInput(title: "T", date: "2027-01-05", agenda: "Budget\n\n  Risks  ").validate(
            charter: charter, today: today)
        #expect(agenda.agenda == ["Budget", "Risks"] && agenda.startMinute == 540)
    }
}

@Suite struct DecisionFlowTests {
    let charter = Charter(
        quorumPerParty: 1, decisionRule: .onePerParty,
        escalation: [
            EscalationStep(decidedBy: "Alliance managers", days: 10), EscalationStep(decidedBy: "CEOs", days: 30, finalSay: .ours),
        ])
    let today = LocalDate("2026-11-30")!

    func decision(_ status: DecisionStatus = .proposed) -> Decision {
        Decision(
            id: UUID(), bodyID: UUID(), allianceID: UUID(), meetingID: nil, title: "Launch", details: nil, status: status, escalation: nil,
            supersededBy: nil, version: 1, createdAt: Date())
    }

    func votes(_ ours: Vote, _ partner: Vote) -> [CastVote] {
        [CastVote(personID: UUID(), side: .ours, vote: ours), CastVote(personID: UUID(), side: .partner, vote: partner)]
    }

    @Test func approvalNeedsAQuorateMeetingAndDeadlocksClimbTheLadder() throws {
        #expect(throws: DomainError.self) {
            try DecisionFlow.afterVotes(decision(), charter: charter, votes: votes(.approve, .approve), quorate: false, today: today)
        }
        #expect(
            try DecisionFlow.afterVotes(decision(), charter: charter, votes: votes(.approve, .approve), quorate: true, today: today).status
                == .approved)
        #expect(
            try DecisionFlow.afterVotes(decision(), charter: charter, votes: votes(.reject, .reject), quorate: false, today: today).status
                == .rejected)
        let stuck = try DecisionFlow.afterVotes(decision(), charter: charter, votes: votes(.approve, .reject), quorate: true, today: today)
        #expect(stuck.status == .escalated && stuck.escalation?.deadline.description == "2026-12-10")
        #expect(!stuck.isOverdue(on: LocalDate("2026-12-10")!) && stuck.isOverdue(on: LocalDate("2026-12-11")!))
        let up = try DecisionFlow.escalate(stuck, charter: charter, today: LocalDate("2026-12-11")!)
        #expect(up.escalation?.step == 1 && up.escalation?.deadline.description == "2027-01-10")
        #expect(throws: DomainError.self) { try DecisionFlow.escalate(up, charter: charter, today: today) }
        #expect(try DecisionFlow.close(up, as: .resolved).status == .resolved)
        #expect(throws: DomainError.self) { try DecisionFlow.close(decision(.approved), as: .resolved) }
        #expect(throws: DomainError.self) {
            try DecisionFlow.afterVotes(
                decision(.approved), charter: charter, votes: votes(.approve, .approve), quorate: true, today: today)
        }
        let noLadder = try DecisionFlow.afterVotes(
            decision(), charter: Charter(), votes: votes(.approve, .reject), quorate: true, today: today)
        #expect(noLadder.status == .deadlocked && noLadder.escalation == nil)
        #expect(try DecisionFlow.close(decision(), as: .deferred).status == .deferred)
    }
}
