import AccordMemberwise
import Foundation

/// A team member as the involvement plan sees them.
@Memberwise
public struct TeamSeat: Sendable, Equatable {
    public var membership: Membership
    public var person: Person
}

/// Who should be involved in a phase against who is, by function and side.
public struct Coverage: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var function: BusinessFunction
        public var involvement: Involvement?
        public var ours: [Person]
        public var partner: [Person]

        public var needed: Bool { involvement?.isNeeded == true }
        public func people(_ side: Side) -> [Person] { side == .ours ? ours : partner }
        public func isGap(_ side: Side) -> Bool { needed && people(side).isEmpty }
        /// People on the team whose function has no part in the phase.
        public var isSurplus: Bool { involvement == nil && !(ours.isEmpty && partner.isEmpty) }
    }

    public var phase: LifecyclePhase
    public var rows: [Row]

    public var gaps: [(function: BusinessFunction, side: Side)] {
        rows.flatMap { row in Side.allCases.filter { row.isGap($0) }.map { (row.function, $0) } }
    }
}

public enum ProposalAction: String, Labeled {
    case joinTeam = "join_team"
    case leaveTeam = "leave_team"
    case joinBody = "join_body"
    case leaveBody = "leave_body"

    public var label: String {
        switch self {
        case .joinTeam: "Joins the team"
        case .leaveTeam: "Leaves the team"
        case .joinBody: "Joins"
        case .leaveBody: "Leaves"
        }
    }
}

/// One change to the team or a governance body that a phase change calls for.
@Memberwise
public struct TeamProposal: Sendable, Equatable, Codable {
    public var key: String
    public var action: ProposalAction
    public var personID: UUID
    public var personName: String
    public var side: Side
    public var function: BusinessFunction
    public var membershipID: UUID?
    public var bodyID: UUID?
    public var bodyName: String?
    public var bodyMemberID: UUID?
    /// A seat for someone who is not on the team yet: only together with their joining.
    public var needsTeamJoin: Bool
    public var reason: String
}

/// The playbook applied to one alliance: coverage now, and what a phase change should change.
public enum InvolvementPlan {
    public static func coverage(_ playbook: Playbook, phase: LifecyclePhase, team: [TeamSeat]) -> Coverage {
        let rows = Playbook.functions.map { function -> Coverage.Row in
            func people(_ side: Side) -> [Person] {
                var seen: Set<UUID> = []
                return team.filter { $0.membership.side == side && $0.person.function == function }
                    .map(\.person).filter { seen.insert($0.id).inserted }
            }
            return Coverage.Row(
                function: function, involvement: playbook.involvement(phase, function), ours: people(.ours), partner: people(.partner))
        }
        return Coverage(phase: phase, rows: rows)
    }

    /// Preferred order when picking someone from the directory: people who do the work first.
    public static let pickOrder: [Level] = [.management, .seniorManagement, .operational, .executive]

    static func rank(_ level: Level) -> Int { pickOrder.firstIndex(of: level) ?? pickOrder.count }

    /// What moving to `phase` asks of the team and the steering committees.
    /// - Parameters:
    ///   - directory: people of our organisation and the partner's who could join.
    ///   - people: everyone on the team or on a body, by id.
    public static func proposals(
        _ playbook: Playbook, alliance: Alliance, to phase: LifecyclePhase, team: [TeamSeat], directory: [Person],
        ourOrganizationID: UUID?, bodies: [GovernanceBody], seats: [UUID: [BodyMember]], people: [UUID: Person]
    ) -> [TeamProposal] {
        var result: [TeamProposal] = []
        let phaseName = phase.label.lowercased()
        func sideName(_ s: Side) -> String { s == .ours ? "our side" : "the partner's side" }
        func org(_ side: Side) -> UUID? { side == .ours ? ourOrganizationID : alliance.partnerID }
        let named = Set(alliance.namedPeople.map(\.personID))
        var onTeam: [Side: [(Person, UUID?)]] = [.ours: [], .partner: []]
        for seat in team where !(onTeam[seat.membership.side]?.contains { $0.0.id == seat.person.id } ?? false) {
            onTeam[seat.membership.side]?.append((seat.person, seat.membership.id))
        }
        // Joins: each needed function, each side, with nobody of that function on the team.
        for function in playbook.needed(in: phase) {
            for side in Side.allCases where !(onTeam[side] ?? []).contains(where: { $0.0.function == function }) {
                let candidates = directory.filter { $0.organizationID == org(side) && $0.function == function }
                    .filter { p in !(onTeam[side] ?? []).contains { $0.0.id == p.id } }
                    .sorted { (rank($0.level), $0.name) < (rank($1.level), $1.name) }
                guard let pick = candidates.first else { continue }
                let involvement = playbook.involvement(phase, function)!.label
                result.append(
                    TeamProposal(
                        key: "join_team:\(pick.id.canonicalText)", action: .joinTeam, personID: pick.id, personName: pick.name, side: side,
                        function: function, needsTeamJoin: false,
                        reason: "\(function.label) is \(involvement.lowercased()) in \(phaseName); nobody on \(sideName(side)) covers it."))
                onTeam[side]?.append((pick, nil))
            }
        }
        // Leaves: team members (not sponsors or managers) whose function has no part in the phase.
        for seat in team where seat.membership.role == .member || seat.membership.role == .functionalLead {
            let f = seat.person.function
            guard f != .allianceManagement, !named.contains(seat.person.id), playbook.involvement(phase, f) == nil else { continue }
            result.append(
                TeamProposal(
                    key: "leave_team:\(seat.membership.id.canonicalText)", action: .leaveTeam, personID: seat.person.id,
                    personName: seat.person.name, side: seat.membership.side, function: f, membershipID: seat.membership.id,
                    needsTeamJoin: false,
                    reason: "\(f.label) has no part in \(phaseName) in the \(playbook.type.label.lowercased()) playbook."))
        }
        // Steering committees: accountable functions hold a seat on each side; functions with no part leave.
        let steering = playbook.steering(in: phase)
        for body in bodies where body.kind == .steeringCommittee {
            let members = seats[body.id] ?? []
            var voting: [Side: Int] = [:]
            for m in members where m.role.isVoting { voting[m.side, default: 0] += 1 }
            for m in members where m.role == .member && !named.contains(m.personID) {
                guard let person = people[m.personID], person.function != .allianceManagement else { continue }
                let involvement = playbook.involvement(phase, person.function)
                guard involvement == nil || involvement == .informed else { continue }
                voting[m.side, default: 0] -= 1
                result.append(
                    TeamProposal(
                        key: "leave_body:\(m.id.canonicalText)", action: .leaveBody, personID: person.id, personName: person.name,
                        side: m.side, function: person.function, bodyID: body.id, bodyName: body.name, bodyMemberID: m.id,
                        needsTeamJoin: false,
                        reason:
                            "\(person.function.label) is \(involvement.map { $0.label.lowercased() } ?? "not involved") in \(phaseName)."))
            }
            for function in steering {
                for side in Side.allCases {
                    let seated = members.contains { $0.side == side && people[$0.personID]?.function == function }
                    guard !seated, voting[side, default: 0] < body.charter.maxMembersPerParty else { continue }
                    guard let (person, membership) = (onTeam[side] ?? []).first(where: { $0.0.function == function }) else { continue }
                    if members.contains(where: { $0.personID == person.id }) { continue }
                    voting[side, default: 0] += 1
                    result.append(
                        TeamProposal(
                            key: "join_body:\(body.id.canonicalText):\(person.id.canonicalText)", action: .joinBody, personID: person.id,
                            personName: person.name, side: side, function: function, bodyID: body.id, bodyName: body.name,
                            needsTeamJoin: membership == nil,
                            reason: "\(function.label) is accountable in \(phaseName): a seat for \(sideName(side))."))
                }
            }
        }
        return result
    }
}
