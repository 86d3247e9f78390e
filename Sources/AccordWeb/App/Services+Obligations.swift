import AccordCore
import AccordStore
import Foundation

/// Obligation steps shared by the web pages and the JSON API. Partner users see shared obligations of their
/// alliances; changes need `manageObligations` on the alliance.
extension Services {
    /// How far ahead recurring obligations are laid out.
    static let obligationHorizonMonths = 36

    struct ObligationsView {
        let obligations: [Obligation]
        let triggers: [TriggerEvent]
        /// Dated occurrences up to the horizon, earliest first.
        let occurrences: [Occurrence]
        /// Obligations whose trigger has no date yet.
        let waiting: [Obligation]
        /// Obligations with reminders set.
        let reminded: Set<UUID>
    }

    func obligationsView(_ alliance: Alliance, _ user: SignedIn) async throws -> ObligationsView {
        let reads = visible(user.principal)
        let obligations = try await reads.obligations(allianceID: alliance.id)
        let triggers = try await reads.triggers(allianceID: alliance.id)
        let (occurrences, waiting) = try await scheduled(obligations, triggers: triggers)
        let reminded = Set(try await store.reminders.rules(obligationIDs: obligations.map(\.id)).keys)
        return ObligationsView(obligations: obligations, triggers: triggers, occurrences: occurrences, waiting: waiting, reminded: reminded)
    }

    /// Every dated occurrence up to the horizon (earliest first), and the obligations still waiting for their event.
    func scheduled(_ obligations: [Obligation], triggers: [TriggerEvent]) async throws -> ([Occurrence], [Obligation]) {
        let executions = try await store.obligations.executions(obligationIDs: obligations.map(\.id))
        let byID = Dictionary(triggers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let horizon = today.adding(months: Self.obligationHorizonMonths)
        var occurrences: [Occurrence] = []
        var waiting: [Obligation] = []
        for obligation in obligations {
            if ObligationSchedule.firstDue(obligation, triggers: byID) == nil {
                waiting.append(obligation)
                continue
            }
            occurrences += ObligationSchedule.occurrences(
                obligation, triggers: byID, executions: executions[obligation.id] ?? [:], through: horizon)
        }
        occurrences.sort { ($0.dueOn, $0.obligation.title, $0.index) < ($1.dueOn, $1.obligation.title, $1.index) }
        return (occurrences, waiting)
    }

    /// Occurrences across the alliances the user may see, as the user may see them.
    func portfolioOccurrences(_ user: SignedIn) async throws -> [Occurrence] {
        var ids: [UUID]?
        if case .only(let allowed) = AccessPolicy.allianceScope(user.principal) { ids = Array(allowed) }
        let reads = visible(user.principal)
        let obligations = try await reads.obligations(allianceIDs: ids)
        return try await scheduled(obligations, triggers: try await reads.triggers(allianceIDs: ids, for: obligations)).0
    }

    func obligation(_ id: UUID, of alliance: Alliance, _ user: SignedIn) async throws -> Obligation {
        guard let item = try await visible(user.principal).obligation(id: id, in: alliance.id) else {
            throw DomainError.notFound("No such obligation.")
        }
        return item
    }

    func saveObligation(_ input: ObligationInput, in alliance: Alliance, existing: Obligation?, expectedVersion: Int?, by user: SignedIn)
        async throws -> Obligation
    {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let valid = try input.validate(triggers: try await store.obligations.triggers(allianceID: alliance.id))
        if let existing {
            return try await store.obligations.updateObligation(existing.id, valid, expectedVersion: expectedVersion, by: actor(user))
        }
        return try await store.obligations.createObligation(allianceID: alliance.id, valid, by: actor(user))
    }

    /// Adds a trigger event, or renames one and records (or moves) its date; dependent due dates follow.
    func saveTrigger(_ input: TriggerInput, in alliance: Alliance, existing: UUID?, expectedVersion: Int?, by user: SignedIn)
        async throws -> TriggerEvent
    {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let valid = try input.validate()
        return try await store.obligations.saveTrigger(
            allianceID: alliance.id, id: existing, name: valid.name, occurredOn: valid.occurredOn, expectedVersion: expectedVersion,
            by: actor(user))
    }

    /// Records what was done about one dated occurrence of an obligation.
    func recordExecution(_ obligation: Obligation, occurrence: Int, _ input: ExecutionInput, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageObligations(obligation.allianceID))
        let triggers = try await store.obligations.triggers(allianceID: obligation.allianceID)
        let dated = ObligationSchedule.occurrences(
            obligation, triggers: Dictionary(triggers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }), executions: [:],
            through: today.adding(months: Self.obligationHorizonMonths))
        guard dated.contains(where: { $0.index == occurrence }) else {
            throw DomainError.invalid("occurrence", "That occurrence has no due date yet.")
        }
        try await store.obligations.saveExecution(try input.validate(obligation, occurrence: occurrence, today: today), by: actor(user))
    }
}

extension Services {
    struct ImportProblems: Error {
        let problems: [ImportProblem]
    }

    /// Imports every row or none; the number imported, or every problem by row and column.
    func importObligations(_ text: String, into alliance: Alliance, by user: SignedIn) async throws -> Result<Int, ImportProblems> {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let result = ObligationImport.validate(text, triggers: try await store.obligations.triggers(allianceID: alliance.id))
        guard result.problems.isEmpty else { return .failure(ImportProblems(problems: result.problems)) }
        return .success(try await store.obligations.createObligations(allianceID: alliance.id, result.valid, by: actor(user)).count)
    }
}
