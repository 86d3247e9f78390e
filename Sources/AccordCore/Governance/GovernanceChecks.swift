import AccordMemberwise
import Foundation

/// Something about a body that breaks its charter or good practice, shown on the alliance and the body.
@Memberwise
public struct GovernanceWarning: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case belowMinimum = "below_minimum"
        case parity
        case multipleLayers = "multiple_layers"
        case behindCadence = "behind_cadence"
        case overdueDecision = "overdue_decision"
    }

    public var kind: Kind
    public var bodyID: UUID
    public var message: String
}

public enum GovernanceChecks {
    /// Voting members per side.
    public static func counts(_ members: [BodyMember]) -> [Side: Int] {
        var counts: [Side: Int] = [.ours: 0, .partner: 0]
        for member in members where member.role.isVoting { counts[member.side, default: 0] += 1 }
        return counts
    }

    /// Refuses a new voting member that would take a side above the charter's maximum, or a person twice.
    public static func checkAdd(_ body: GovernanceBody, _ members: [BodyMember], personID: UUID, side: Side, role: BodyRole)
        throws(DomainError)
    {
        if members.contains(where: { $0.personID == personID }) {
            throw .invalid("personID", "This person already sits on \(body.name).")
        }
        if role.isVoting, counts(members)[side, default: 0] >= body.charter.maxMembersPerParty {
            throw .invalid(
                "personID",
                "\(body.name) already has \(body.charter.maxMembersPerParty) voting members for \(side == .ours ? "our side" : "the partner"), its charter's maximum."
            )
        }
    }

    /// How deep a body sits: 0 for a body without a parent, 1 for its subcommittees, and so on.
    public static func layer(of body: GovernanceBody, in bodies: [GovernanceBody]) -> Int {
        var depth = 0
        var current = body.parentID
        var seen: Set<UUID> = [body.id]
        while let id = current, let parent = bodies.first(where: { $0.id == id }), seen.insert(id).inserted {
            depth += 1
            current = parent.parentID
        }
        return depth
    }

    /// Parity breaches, bodies below their minimum, and people other than the alliance managers who sit in more
    /// than one layer of the governance structure.
    public static func warnings(
        _ bodies: [GovernanceBody], members: [UUID: [BodyMember]], allianceManagers: Set<UUID>, names: [UUID: String]
    ) -> [GovernanceWarning] {
        var warnings: [GovernanceWarning] = []
        for body in bodies {
            let count = counts(members[body.id] ?? [])
            let ours = count[.ours, default: 0]
            let partner = count[.partner, default: 0]
            if ours < body.charter.minMembersPerParty || partner < body.charter.minMembersPerParty {
                warnings.append(
                    .init(
                        kind: .belowMinimum, bodyID: body.id,
                        message:
                            "\(body.name) is below its charter's minimum of \(body.charter.minMembersPerParty) per party (ours \(ours), partner \(partner))."
                    ))
            }
            if body.charter.parityRequired, ours != partner {
                warnings.append(
                    .init(kind: .parity, bodyID: body.id, message: "\(body.name) breaks parity: ours \(ours), partner \(partner)."))
            }
        }
        var layers: [UUID: Set<Int>] = [:]
        var firstBody: [UUID: UUID] = [:]
        for body in bodies {
            let depth = layer(of: body, in: bodies)
            for member in members[body.id] ?? [] where !allianceManagers.contains(member.personID) {
                layers[member.personID, default: []].insert(depth)
                if firstBody[member.personID] == nil { firstBody[member.personID] = body.id }
            }
        }
        for (person, depths) in layers.sorted(by: { (names[$0.key] ?? "") < (names[$1.key] ?? "") }) where depths.count > 1 {
            warnings.append(
                .init(
                    kind: .multipleLayers, bodyID: firstBody[person]!,
                    message:
                        "\(names[person] ?? "A member") sits in \(depths.count) layers of governance; only the alliance managers should."))
        }
        return warnings
    }

    /// Escalated decisions whose current step's deadline has passed.
    public static func overdue(_ decisions: [Decision], bodies: [GovernanceBody], today: LocalDate) -> [GovernanceWarning] {
        decisions.filter { $0.isOverdue(on: today) }.map { decision in
            let step = (decision.escalation?.step ?? 0) + 1
            let body = bodies.first { $0.id == decision.bodyID }
            let who = body.flatMap { $0.charter.escalation.indices.contains(step - 1) ? $0.charter.escalation[step - 1].decidedBy : nil }
            return GovernanceWarning(
                kind: .overdueDecision, bodyID: decision.bodyID,
                message:
                    "\"\(decision.title)\" is overdue at escalation step \(step)\(who.map { " (\($0))" } ?? ""): it was due \(decision.escalation!.deadline)."
            )
        }
    }

    /// A body is behind its cadence when, over the year up to `today`, it held fewer meetings than its charter asks
    /// pro rata since it was created (so a body formed in June is not behind in July).
    public static func behindCadence(_ body: GovernanceBody, heldOn meetings: [LocalDate], today: LocalDate) -> GovernanceWarning? {
        let windowStart = cadenceWindowStart(body, today: today)
        return behindCadence(body, held: meetings.filter { $0 >= windowStart && $0 <= today }.count, today: today)
    }

    /// The last year, or since the body was created when it is younger.
    public static func cadenceWindowStart(_ body: GovernanceBody, today: LocalDate) -> LocalDate {
        cadenceWindowStart(createdAt: body.createdAt, today: today)
    }

    static func cadenceWindowStart(createdAt: Date, today: LocalDate) -> LocalDate {
        max(LocalDate(date: createdAt), today.adding(days: -365))
    }

    /// The same check from the number of meetings held in the window (counted by the database for a portfolio).
    public static func behindCadence(_ body: GovernanceBody, held: Int, today: LocalDate) -> GovernanceWarning? {
        behindCadence(CadenceCandidate(body, held: held), today: today)
    }

    /// The same check from the few columns a portfolio reads for each body.
    public static func behindCadence(_ body: CadenceCandidate, today: LocalDate) -> GovernanceWarning? {
        guard body.minMeetingsPerYear > 0 else { return nil }
        let windowStart = cadenceWindowStart(createdAt: body.createdAt, today: today)
        let span = windowStart.days(until: today)
        let expected = Int((Double(body.minMeetingsPerYear) * Double(span) / 365.0).rounded(.down))
        let held = body.held
        guard held < expected else { return nil }
        return GovernanceWarning(
            kind: .behindCadence, bodyID: body.id,
            message:
                "\(body.name) is behind its cadence: \(held) meeting\(held == 1 ? "" : "s") held since \(windowStart), \(expected) expected (\(body.minMeetingsPerYear) a year)."
        )
    }
}

/// What the cadence check needs of a body, with the meetings it held in the last year: a portfolio reads these
/// columns for every body that may be behind instead of decoding whole bodies and charters.
@Memberwise
public struct CadenceCandidate: Sendable, Equatable {
    public var id: UUID
    public var allianceID: UUID
    public var name: String
    public var createdAt: Date
    public var minMeetingsPerYear: Int
    public var visibility: Visibility
    public var held: Int

    public init(_ body: GovernanceBody, held: Int) {
        self.init(
            id: body.id, allianceID: body.allianceID, name: body.name, createdAt: body.createdAt,
            minMeetingsPerYear: body.charter.minMeetingsPerYear, visibility: body.visibility, held: held)
    }
}
