import AccordCore
import AccordStore
import Foundation

/// A steering committee with a subcommittee on two demo alliances. The Kanto commercialization committee has one
/// more member on our side than on the partner's, so its parity warning shows.
enum DemoGovernance {
    static let plans: [(alliance: String, sub: String, subKind: BodyKind)] = [
        ("Kanto Japan co-commercialization", "Joint commercialization committee", .commercializationCommittee),
        ("Pampas gene therapy in-license", "Joint development committee", .developmentCommittee),
    ]

    static func load(into store: Store, actor: AuditActor) async throws {
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
                    name: plan.sub, kind: plan.subKind.rawValue, parentID: jsc.id.uuidString, minMembersPerParty: "2",
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
        }
    }
}
