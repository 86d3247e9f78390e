import AccordMemberwise
import Foundation

/// What an obligation is: a payment (financial kinds) or a duty (the others).
public enum ObligationKind: String, Labeled {
    case upfront, milestone, royalty
    case recurringPayment = "recurring_payment"
    case report
    case committeeMeeting = "committee_meeting"
    case renewalNotice = "renewal_notice"
    case terminationNotice = "termination_notice"
    case diligence, other

    public var isFinancial: Bool { [.upfront, .milestone, .royalty, .recurringPayment].contains(self) }

    public var label: String {
        switch self {
        case .upfront: "Upfront payment"
        case .milestone: "Milestone payment"
        case .royalty: "Royalty"
        case .recurringPayment: "Recurring payment"
        case .report: "Report"
        case .committeeMeeting: "Required committee meeting"
        case .renewalNotice: "Renewal notice"
        case .terminationNotice: "Termination notice"
        case .diligence: "Diligence duty"
        case .other: "Other duty"
        }
    }
}

/// Who owes whom: incoming (the partner owes us), outgoing (we owe the partner), or joint (duties only).
public enum ObligationDirection: String, Labeled {
    case incoming, outgoing, joint

    public var label: String {
        switch self {
        case .incoming: "Incoming (partner to us)"
        case .outgoing: "Outgoing (us to partner)"
        case .joint: "Joint"
        }
    }
}

public enum ExecutionState: String, Labeled {
    case notExecuted = "not_executed"
    case partlyExecuted = "partly_executed"
    case fullyExecuted = "fully_executed"

    public var label: String {
        switch self {
        case .notExecuted: "Not executed"
        case .partlyExecuted: "Partly executed"
        case .fullyExecuted: "Fully executed"
        }
    }
}

public enum Recurrence: String, Labeled {
    case once, monthly, quarterly, yearly

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// Months between occurrences; nil for a one-off.
    public var months: Int? {
        switch self {
        case .once: nil
        case .monthly: 1
        case .quarterly: 3
        case .yearly: 12
        }
    }
}

/// A dated event in the life of an alliance that due dates can hang on ("First commercial sale").
@Memberwise
public struct TriggerEvent: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var allianceID: UUID
    public var name: String
    /// When it happened (or is now expected); nil until recorded.
    public var occurredOn: LocalDate?
    public var version: Int
    public var createdAt: Date
}

/// When the first occurrence is due: a fixed date, or a number of days after a trigger event.
public enum DueRule: Sendable, Equatable, Codable {
    case fixed(LocalDate)
    case afterTrigger(UUID, days: Int)
}

/// A contractual obligation of an alliance: a payment or a duty, one-off or recurring, with its due rule.
@Memberwise
public struct Obligation: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var allianceID: UUID
    public var title: String
    public var kind: ObligationKind
    public var direction: ObligationDirection
    public var due: DueRule
    public var recurrence: Recurrence
    /// The last day an occurrence may fall on; nil with `recurrence == .once` or an open-ended recurrence.
    public var recursUntil: LocalDate?
    /// A recurrence without an end must say so.
    public var openEnded: Bool
    /// The currency of a payment; nil for duties.
    public var currency: String?
    /// The forecast amount per occurrence (payments; a royalty may have none yet).
    public var amount: Money?
    public var notes: String?
    public var visibility: Visibility
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
}

/// What was done about one occurrence: its state, and for payments the amount and date actually paid.
@Memberwise
public struct Execution: Sendable, Equatable, Codable {
    public var obligationID: UUID
    /// Which occurrence (0 for the first), stable when a trigger moves the dates.
    public var occurrence: Int
    public var state: ExecutionState
    public var executedAmount: Money?
    public var executedOn: LocalDate?
    public var note: String?
}

public protocol ObligationRepository: Sendable {
    func triggers(allianceID: UUID) async throws -> [TriggerEvent]
    /// Trigger events of these alliances; every alliance's when nil.
    func triggers(allianceIDs: [UUID]?) async throws -> [TriggerEvent]
    /// Creates a trigger event (`id` nil) or renames it and records its date; dependent due dates follow.
    func saveTrigger(
        allianceID: UUID, id: UUID?, name: String, occurredOn: LocalDate?, expectedVersion: Int?, by actor: AuditActor
    ) async throws -> TriggerEvent
    func obligations(allianceID: UUID) async throws -> [Obligation]
    /// Obligations of these alliances; every alliance's when nil.
    func obligations(allianceIDs: [UUID]?) async throws -> [Obligation]
    func obligation(id: UUID) async throws -> Obligation?
    func createObligation(allianceID: UUID, _ valid: ObligationInput.Valid, by actor: AuditActor) async throws -> Obligation
    /// Creates them all in one transaction, or none.
    func createObligations(allianceID: UUID, _ valid: [ObligationInput.Valid], by actor: AuditActor) async throws -> [Obligation]
    func updateObligation(_ id: UUID, _ valid: ObligationInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws
        -> Obligation
    /// Executions of each obligation by occurrence index.
    func executions(obligationIDs: [UUID]) async throws -> [UUID: [Int: Execution]]
    /// Replaces what was done about one occurrence.
    func saveExecution(_ execution: Execution, by actor: AuditActor) async throws
}
