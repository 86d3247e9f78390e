import AccordCore
import AccordStore
import Foundation

/// Obligation steps shared by the web pages and the JSON API. Partner users see shared obligations of their
/// alliances (through `ObligationReads`); changes need `manageObligations` on the alliance.
struct ObligationsService: Sendable {
    /// How far ahead recurring obligations are laid out.
    static let horizonMonths = 36

    private let repository: any ObligationRepository
    private let reminders: any ReminderRepository
    let access: AllianceAccess
    let clock: WallClock

    init(_ store: Store) {
        repository = store.obligations
        reminders = store.reminders
        access = AllianceAccess(store)
        clock = store.database.clock
    }

    var today: LocalDate { clock.today }

    /// Obligations and trigger events as `principal` may see them.
    func reads(_ principal: Principal) -> ObligationReads { ObligationReads(repository: repository, principal: principal) }

    struct View {
        let obligations: [Obligation]
        let triggers: [TriggerEvent]
        /// Dated occurrences up to the horizon, earliest first.
        let occurrences: [Occurrence]
        /// Obligations whose trigger has no date yet.
        let waiting: [Obligation]
        /// Obligations with reminders set.
        let reminded: Set<UUID>
    }

    /// An alliance's obligations as the user may see them, laid out in time.
    func view(_ alliance: Alliance, _ user: SignedIn) async throws -> View {
        let reads = reads(user.principal)
        let obligations = try await reads.obligations(allianceID: alliance.id)
        let triggers = try await reads.triggers(allianceID: alliance.id)
        let (occurrences, waiting) = try await scheduled(obligations, triggers: triggers)
        let reminded = Set(try await reminders.rules(obligationIDs: obligations.map(\.id)).keys)
        return View(obligations: obligations, triggers: triggers, occurrences: occurrences, waiting: waiting, reminded: reminded)
    }

    /// Every dated occurrence up to the horizon (earliest first), and the obligations still waiting for their event.
    func scheduled(_ obligations: [Obligation], triggers: [TriggerEvent]) async throws -> ([Occurrence], [Obligation]) {
        let executions = try await repository.executions(obligationIDs: obligations.map(\.id))
        let byID = Dictionary(triggers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let horizon = today.adding(months: Self.horizonMonths)
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
        let reads = reads(user.principal)
        let obligations = try await reads.obligations(allianceIDs: ids)
        return try await scheduled(obligations, triggers: try await reads.triggers(allianceIDs: ids, for: obligations)).0
    }

    /// Every obligation and trigger event of every alliance: for the reminder run, which acts for no user and
    /// decides per recipient what they may be told (never for a page or an API answer).
    func everyObligation() async throws -> ([Obligation], [TriggerEvent]) {
        (try await repository.obligations(allianceIDs: nil), try await repository.triggers(allianceIDs: nil))
    }

    func obligation(_ id: UUID, of alliance: Alliance, _ user: SignedIn) async throws -> Obligation {
        guard let item = try await reads(user.principal).obligation(id: id, in: alliance.id) else {
            throw DomainError.notFound("No such obligation.")
        }
        return item
    }

    /// The alliance's trigger events as the user may see them.
    func triggers(_ alliance: Alliance, _ user: SignedIn) async throws -> [TriggerEvent] {
        try await reads(user.principal).triggers(allianceID: alliance.id)
    }

    /// One obligation laid out in time, read again after a change.
    func current(_ item: Obligation, in alliance: Alliance) async throws -> (Obligation, [Occurrence]) {
        let current = try await repository.obligation(id: item.id) ?? item
        let (occurrences, _) = try await scheduled([current], triggers: try await repository.triggers(allianceID: alliance.id))
        return (current, occurrences)
    }

    func saveObligation(_ input: ObligationInput, in alliance: Alliance, existing: Obligation?, expectedVersion: Int?, by user: SignedIn)
        async throws -> Obligation
    {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let valid = try input.validate(triggers: try await repository.triggers(allianceID: alliance.id))
        if let existing {
            return try await repository.updateObligation(existing.id, valid, expectedVersion: expectedVersion, by: user.actor)
        }
        return try await repository.createObligation(allianceID: alliance.id, valid, by: user.actor)
    }

    /// Adds a trigger event, or renames one and records (or moves) its date; dependent due dates follow. A trigger
    /// id that is not the alliance's is not found.
    func saveTrigger(_ input: TriggerInput, in alliance: Alliance, existing: UUID?, expectedVersion: Int?, by user: SignedIn)
        async throws -> TriggerEvent
    {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        if let existing, try await repository.triggers(allianceID: alliance.id).contains(where: { $0.id == existing }) == false {
            throw DomainError.notFound("No such trigger event.")
        }
        let valid = try input.validate()
        return try await repository.saveTrigger(
            allianceID: alliance.id, id: existing, name: valid.name, occurredOn: valid.occurredOn, expectedVersion: expectedVersion,
            by: user.actor)
    }

    /// Records what was done about one dated occurrence of an obligation.
    func recordExecution(_ obligation: Obligation, occurrence: Int, _ input: ExecutionInput, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .manageObligations(obligation.allianceID))
        let triggers = try await repository.triggers(allianceID: obligation.allianceID)
        let dated = ObligationSchedule.occurrences(
            obligation, triggers: Dictionary(triggers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }), executions: [:],
            through: today.adding(months: Self.horizonMonths))
        guard dated.contains(where: { $0.index == occurrence }) else {
            throw DomainError.invalid("occurrence", "That occurrence has no due date yet.")
        }
        try await repository.saveExecution(try input.validate(obligation, occurrence: occurrence, today: today), by: user.actor)
    }

    struct ImportProblems: Error {
        let problems: [ImportProblem]
    }

    /// Imports every row or none; the number imported, or every problem by row and column.
    func importObligations(_ text: String, into alliance: Alliance, by user: SignedIn) async throws -> Result<Int, ImportProblems> {
        try AccessPolicy.require(user.principal, .manageObligations(alliance.id))
        let result = ObligationImport.validate(text, triggers: try await repository.triggers(allianceID: alliance.id))
        guard result.problems.isEmpty else { return .failure(ImportProblems(problems: result.problems)) }
        return .success(try await repository.createObligations(allianceID: alliance.id, result.valid, by: user.actor).count)
    }
}
