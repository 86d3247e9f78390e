import AccordMemberwise
import Foundation

public enum ActionStatus: String, Labeled {
    case planned
    case inProgress = "in_progress"
    case done
    case dropped

    public var label: String {
        switch self {
        case .planned: "Planned"
        case .inProgress: "In progress"
        case .done: "Done"
        case .dropped: "Dropped"
        }
    }

    /// Planned or in progress: still to be done.
    public var isOpen: Bool { self == .planned || self == .inProgress }
}

/// What the alliance will do about a weak or disputed dimension of one wave. The owner may be on either side.
@Memberwise
public struct HealthAction: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var waveID: UUID
    public var allianceID: UUID
    public var dimensionKey: String
    public var title: String
    public var ownerID: UUID
    public var dueOn: LocalDate
    public var status: ActionStatus
    public var version: Int
    public var createdAt: Date
}

/// An action as typed into a form or an API body.
@Memberwise
public struct HealthActionInput: Sendable, Equatable {
    public var dimension: String?
    public var title: String?
    public var owner: String?
    public var dueOn: String?
    public var status: String?

    @Memberwise
    public struct Valid: Sendable, Equatable {
        public var dimensionKey: String
        public var title: String
        public var ownerID: UUID
        public var dueOn: LocalDate
        public var status: ActionStatus
    }

    /// Checks the fields; the dimension must be one of the wave's instrument and the owner on the alliance's team.
    public func validate(instrument: Instrument, team: Set<UUID>) throws(DomainError) -> Valid {
        var v = Validator()
        let dimension = (dimension ?? "").trimmingCharacters(in: .whitespaces)
        if dimension.isEmpty {
            v.add("dimension", "Dimension is required.")
        } else if !instrument.dimensions.contains(where: { $0.key == dimension }) {
            v.add("dimension", "Dimension must be one of this wave's dimensions.")
        }
        let common = v.action(title: title, owner: owner, dueOn: dueOn, status: status, team: team)
        try v.check()
        return Valid(dimensionKey: dimension, title: common.title, ownerID: common.owner!, dueOn: common.due!, status: common.status!)
    }
}

/// The rule for marking a wave reviewed, and how an action's dimension moved by the next wave.
public enum HealthReview {
    /// Dimensions that need an action and have none (an action that was dropped does not count).
    public static func missingActions(_ results: WaveResults, _ actions: [HealthAction]) -> [DimensionResult] {
        let covered = Set(actions.filter { $0.status != .dropped }.map(\.dimensionKey))
        return results.dimensions.filter { $0.needsAction && !covered.contains($0.key) }
    }

    /// Refuses review while the wave is still taking answers or a flagged dimension lacks an action.
    public static func checkReviewable(_ wave: HealthWave, today: LocalDate, _ results: WaveResults, _ actions: [HealthAction])
        throws(DomainError)
    {
        if wave.status(on: today) == .open {
            throw .conflict("Close the wave (or wait for its close date, \(wave.closesOn)) before marking it reviewed.")
        }
        let missing = missingActions(results, actions)
        if !missing.isEmpty {
            let names = missing.map(\.name).joined(separator: ", ")
            throw .invalid("actions", "Add an action for each dimension that needs one before marking the wave reviewed: \(names).")
        }
    }

    /// For each of the previous wave's actions, how its dimension's mean moved on each side by this wave.
    public static func followUp(_ actions: [HealthAction], previous: WaveResults, current: WaveResults) -> [ActionFollowUp] {
        actions.map { action in
            ActionFollowUp(
                action: action,
                ours: HealthTrend.movement(action.dimensionKey, side: .ours, from: previous, to: current),
                partner: HealthTrend.movement(action.dimensionKey, side: .partner, from: previous, to: current))
        }
    }
}

public struct ActionFollowUp: Sendable, Equatable {
    public var action: HealthAction
    public var ours: Double?
    public var partner: Double?
}

extension Validator {
    /// The fields every action shares: what (required), an owner on the alliance's team (either side), a due date,
    /// and a status (planned when left empty). Nil values come with an error already added.
    public mutating func action(title: String?, owner: String?, dueOn: String?, status: String?, team: Set<UUID>)
        -> (title: String, owner: UUID?, due: LocalDate?, status: ActionStatus?)
    {
        let text = self.text(title, "title", "Action", max: 300)
        let ownerID = id(owner, "ownerID", "Owner")
        if let ownerID, !team.contains(ownerID) { add("ownerID", "Owner must be on the alliance's team (either side).") }
        let due = optionalDate(dueOn, "dueOn", "Due date")
        if due == nil, (dueOn ?? "").isEmpty { add("dueOn", "Due date is required.") }
        let state: ActionStatus? = (status ?? "").isEmpty ? .planned : choice(status, "status", "Status")
        return (text, ownerID, due, state)
    }
}
