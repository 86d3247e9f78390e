import AccordCore
import AccordStore
import Foundation

/// A steering committee with a subcommittee on three demo alliances. The Kanto commercialization committee has one
/// more member on our side than on the partner's, so its parity warning shows; the Kanto steering committee met
/// 40 days ago, approved one decision and deadlocked on another, now overdue at the first escalation step.
enum DemoGovernance {
    static let plans: [(alliance: String, sub: String, subKind: BodyKind)] = [
        ("Kanto Japan co-commercialization", "Joint commercialization committee", .commercializationCommittee),
        ("Pampas gene therapy in-license", "Joint development committee", .developmentCommittee),
        ("Meridian biologics supply", "Joint manufacturing committee", .manufacturingCommittee),
    ]

    static func load(_ demo: DemoContext) async throws {
        let (store, actor, today) = (demo.store, demo.actor, demo.today)
        for plan in plans {
            var query = AllianceQuery()
            query.text = plan.alliance
            guard let alliance = try await store.alliances.list(query).items.first?.alliance else { continue }
            let members = try await store.alliances.members(of: alliance.id)
            let jsc = try await store.governance.createBody(
                allianceID: alliance.id,
                try BodyInput(
                    name: "Joint steering committee", kind: BodyKind.steeringCommittee.rawValue, minMembersPerParty: "2",
                    maxMembersPerParty: "4", quorumPerParty: "2", decisionRule: DecisionRule.onePerParty.rawValue, minMeetingsPerYear: "4",
                    noticeDays: "30",
                    escalation: [
                        EscalationStepInput(decidedBy: "Alliance managers", days: "15"),
                        EscalationStepInput(
                            decidedBy: "Chief executives", days: "30", finalSay: "ours",
                            excludedMatters: "Amending the agreement; Territory changes"),
                    ]
                ).validate(), by: actor)
            let sub = try await store.governance.createBody(
                allianceID: alliance.id,
                try BodyInput(
                    name: plan.sub, kind: plan.subKind.rawValue, parentID: jsc.id.canonicalText, minMembersPerParty: "2",
                    maxMembersPerParty: "3",
                    quorumPerParty: "1", decisionRule: DecisionRule.onePerParty.rawValue, minMeetingsPerYear: "6", noticeDays: "14",
                    escalation: [EscalationStepInput(decidedBy: "Joint steering committee", days: "30")]
                ).validate(), by: actor)
            let top = members.filter { $0.role == .executiveSponsor || $0.role == .allianceManager }
            for member in top {
                let role: BodyRole = member.role == .executiveSponsor ? (member.side == .ours ? .chair : .coChair) : .member
                _ = try? await store.governance.addMember(jsc.id, personID: member.personID, side: member.side, role: role, by: actor)
            }
            let leads = members.filter { $0.role == .functionalLead || $0.role == .member }
            let ours = leads.filter { $0.side == .ours }.prefix(3)
            let partner = leads.filter { $0.side == .partner }.prefix(plan.alliance.hasPrefix("Kanto") ? 2 : 3)
            for member in ours + partner {
                _ = try? await store.governance.addMember(sub.id, personID: member.personID, side: member.side, role: .member, by: actor)
            }
            try await meetingHistory(store, alliance, jsc, today: today, deadlock: plan.alliance.hasPrefix("Kanto"), actor: actor)
        }
    }

    /// A quarterly meeting 40 days ago with its attendance, minutes and votes, and the next one scheduled.
    static func meetingHistory(
        _ store: Store, _ alliance: Alliance, _ jsc: GovernanceBody, today: LocalDate, deadlock: Bool, actor: AuditActor
    ) async throws {
        let held = today.adding(days: -40)
        let meeting = try await store.governance.scheduleMeeting(
            jsc,
            MeetingInput.Valid(
                title: "Quarterly steering committee", date: held, startMinute: 14 * 60, location: "Video call",
                agenda: ["Programme status", "Launch sequencing", "Budget for next year"], noticeOverride: nil), by: actor)
        let members = try await store.governance.members(bodyIDs: [jsc.id])[jsc.id] ?? []
        try await store.governance.setAttendance(meeting.id, personIDs: Set(members.map(\.personID)), today: held, by: actor)
        _ = try await store.governance.saveMinutes(
            meeting.id,
            MinutesInput.Valid(
                minutes: "Programme on track. Budget agreed. Launch sequencing discussed; see the decision register.", status: .approved,
                documents: ["https://docs.example/jsc/quarterly-deck.pdf"]), expectedVersion: nil, today: held, by: actor)
        // Tabled two weeks before the meeting that voted on them: votes come from meetings on or after the proposal.
        let tabled = Date(timeIntervalSince1970: TimeInterval(held.adding(days: -14).dayNumber) * 86_400)
        let budget = try await store.governance.proposeDecision(
            jsc, title: "Approve next year's joint budget", details: nil, proposedAt: tabled, by: actor)
        let approve = Dictionary(members.map { ($0.personID, Vote.approve) }, uniquingKeysWith: { a, _ in a })
        _ = try await store.governance.recordVotes(budget.id, meetingID: meeting.id, votes: approve, today: held, by: actor)
        if let partnerManager = alliance.partnerManagerID {
            _ = try await store.governance.createActionItem(
                allianceID: alliance.id,
                ActionItemInput.Valid(
                    title: "Circulate the revised supply forecast", ownerID: partnerManager, dueOn: held.adding(days: 20),
                    status: .inProgress,
                    meetingID: meeting.id, decisionID: nil, visibility: .shared), by: actor)
        }
        if deadlock {
            let launch = try await store.governance.proposeDecision(
                jsc, title: "Move the Japan launch to Q3 2027", details: "Our side wants more time for the supply build-up.",
                proposedAt: tabled, by: actor)
            let split = Dictionary(
                members.map { ($0.personID, $0.side == .ours ? Vote.approve : Vote.reject) }, uniquingKeysWith: { a, _ in a })
            _ = try await store.governance.recordVotes(launch.id, meetingID: meeting.id, votes: split, today: held, by: actor)
            if let manager = alliance.ourManagerID {
                _ = try await store.governance.createActionItem(
                    allianceID: alliance.id,
                    ActionItemInput.Valid(
                        title: "Prepare launch-timing options for the chief executives", ownerID: manager, dueOn: held.adding(days: 30),
                        status: .planned, meetingID: nil, decisionID: launch.id, visibility: .shared), by: actor)
                _ = try await store.governance.createActionItem(
                    allianceID: alliance.id,
                    ActionItemInput.Valid(
                        title: "Brief our sponsor before the next steering committee", ownerID: manager, dueOn: today.adding(days: 30),
                        status: .planned, meetingID: nil, decisionID: nil, visibility: .internal), by: actor)
            }
        }
        _ = try await store.governance.scheduleMeeting(
            jsc,
            MeetingInput.Valid(
                title: "Quarterly steering committee", date: today.adding(days: 50), startMinute: 14 * 60, location: "Tokyo",
                agenda: ["Programme status", "Escalations"], noticeOverride: nil), by: actor)
    }
}
