import AccordMemberwise
import Foundation

public enum DifferenceStatus: String, Labeled {
    case identified
    case inProgress = "in_progress"
    case leveraged
    case dropped

    public var label: String {
        switch self {
        case .identified: "Identified"
        case .inProgress: "In progress"
        case .leveraged: "Leveraged"
        case .dropped: "Dropped"
        }
    }

    public var isOpen: Bool { self == .identified || self == .inProgress }
}

/// One entry of the differences log with a partner: the difference, its risk, how to turn it into a synergy.
public struct CultureDifference: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var scale: CultureScale?
    public var difference: String
    public var risk: String
    public var leverage: String
    public var ownerID: UUID
    public var status: DifferenceStatus
    public var dueOn: LocalDate?
    public var version: Int
    public var createdAt: Date

    public init(id: UUID, organizationID: UUID, valid: DifferenceInput.Valid, version: Int = 1, createdAt: Date) {
        self.id = id
        self.organizationID = organizationID
        (scale, difference, risk, leverage) = (valid.scale, valid.difference, valid.risk, valid.leverage)
        (ownerID, status, dueOn) = (valid.ownerID, valid.status, valid.dueOn)
        self.version = version
        self.createdAt = createdAt
    }

    public mutating func apply(_ v: DifferenceInput.Valid) {
        (scale, difference, risk, leverage, ownerID, status, dueOn) = (
            v.scale, v.difference, v.risk, v.leverage, v.ownerID, v.status, v.dueOn
        )
    }

    public func isOverdue(today: LocalDate) -> Bool { status.isOpen && (dueOn.map { $0 < today } ?? false) }
}

@Memberwise
public struct DifferenceInput: Sendable, Equatable {
    public var scale: String?
    public var difference: String?
    public var risk: String?
    public var leverage: String?
    public var owner: String?
    public var status: String?
    public var dueOn: String?

    @Memberwise
    public struct Valid: Sendable, Equatable {
        public var scale: CultureScale?
        public var difference: String
        public var risk: String
        public var leverage: String
        public var ownerID: UUID
        public var status: DifferenceStatus
        public var dueOn: LocalDate?
    }

    /// `owners` are the people who may own an entry: our company's people.
    public func validate(owners: Set<UUID>) throws(DomainError) -> Valid {
        var v = Validator()
        let scale = v.optionalChoice(scale, "scale", "Scale", as: CultureScale.self)
        let difference = v.text(difference, "difference", "Difference", max: 500)
        let risk = v.text(risk, "risk", "Risk", max: 1000)
        let leverage = v.text(leverage, "leverage", "How to leverage it", max: 1000)
        let owner = v.id(owner, "ownerID", "Owner")
        if let owner, !owners.contains(owner) { v.add("ownerID", "The owner must be one of our company's people.") }
        let status: DifferenceStatus? = (status ?? "").isEmpty ? .identified : v.choice(status, "status", "Status")
        let due = v.optionalDate(dueOn, "dueOn", "Due date")
        try v.check()
        return Valid(scale: scale, difference: difference, risk: risk, leverage: leverage, ownerID: owner!, status: status!, dueOn: due)
    }
}

/// The synergy road map: the log's entries on a timeline, by quarter of their due date.
public struct SynergyRoadmap: Sendable, Equatable {
    public struct Quarter: Sendable, Equatable {
        public var year: Int
        public var quarter: Int
        public var entries: [CultureDifference]
        public var label: String { "Q\(quarter) \(year)" }
    }
    public var quarters: [Quarter]
    /// Entries with no due date.
    public var unscheduled: [CultureDifference]

    public init(_ log: [CultureDifference]) {
        var byQuarter: [Int: [CultureDifference]] = [:]
        var unscheduled: [CultureDifference] = []
        for entry in log {
            guard let due = entry.dueOn else {
                unscheduled.append(entry)
                continue
            }
            byQuarter[due.year * 4 + (due.month - 1) / 3, default: []].append(entry)
        }
        quarters = byQuarter.keys.sorted().map { key in
            Quarter(
                year: key / 4, quarter: key % 4 + 1,
                entries: byQuarter[key]!.sorted { ($0.dueOn!, $0.difference) < ($1.dueOn!, $1.difference) })
        }
        self.unscheduled = unscheduled
    }
}

public protocol CultureRepository: Sendable {
    /// The organisation's profile, or an empty one (version 0).
    func profile(organizationID: UUID) async throws -> CultureProfile
    func saveProfile(_ profile: CultureProfile, expectedVersion: Int?, by actor: AuditActor) async throws -> CultureProfile
    /// The differences log with a partner, open entries first, then by due date.
    func differences(organizationID: UUID) async throws -> [CultureDifference]
    func difference(id: UUID) async throws -> CultureDifference?
    func createDifference(organizationID: UUID, _ valid: DifferenceInput.Valid, by actor: AuditActor) async throws -> CultureDifference
    func updateDifference(_ id: UUID, _ valid: DifferenceInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws
        -> CultureDifference
}
