import AccordMemberwise
import Foundation

public enum WaveStatus: String, Labeled {
    case open, closed, reviewed

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// One survey of one alliance, both sides, with the instrument version it was sent with.
@Memberwise
public struct HealthWave: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var allianceID: UUID
    public var instrumentID: UUID
    public var title: String
    public var opensOn: LocalDate
    public var closesOn: LocalDate
    public var status: WaveStatus
    public var createdAt: Date

    /// Open for answers on `today`: not closed by hand, and within its dates (the close date included).
    public func acceptsAnswers(on today: LocalDate) -> Bool {
        status == .open && opensOn <= today && today <= closesOn
    }

    /// The status as of `today`: an open wave closes itself after its close date.
    public func status(on today: LocalDate) -> WaveStatus {
        status == .open && today > closesOn ? .closed : status
    }
}

/// A person asked to answer a wave. The link's token is stored only as a hash.
@Memberwise
public struct WaveInvitee: Sendable, Equatable {
    public var personID: UUID
    public var side: Side
    public var function: BusinessFunction
    public var tokenHash: String
}

@Memberwise
public struct WaveInput: Sendable, Equatable {
    public var title: String?
    public var opensOn: String?
    public var closesOn: String?

    @Memberwise
    public struct Valid: Sendable, Equatable {
        public var title: String
        public var opensOn: LocalDate
        public var closesOn: LocalDate
    }

    public func validate() throws(DomainError) -> Valid {
        var v = Validator()
        let title = v.text(title, "title", "Title", max: 120)
        let opens = v.optionalDate(opensOn, "opensOn", "Open date")
        let closes = v.optionalDate(closesOn, "closesOn", "Close date")
        if opens == nil, (opensOn ?? "").isEmpty { v.add("opensOn", "Open date is required.") }
        if closes == nil, (closesOn ?? "").isEmpty { v.add("closesOn", "Close date is required.") }
        if let opens, let closes, closes < opens { v.add("closesOn", "Close date must be on or after the open date (\(opens)).") }
        try v.check()
        return Valid(title: title, opensOn: opens!, closesOn: closes!)
    }
}

/// Invited and answered, per side and function: what a manager may see, never who answered.
@Memberwise
public struct ResponseRate: Sendable, Equatable {
    public var side: Side
    public var function: BusinessFunction
    public var invited: Int
    public var answered: Int
}

/// One version of an instrument as listed for administrators.
@Memberwise
public struct InstrumentVersion: Sendable, Equatable {
    public var id: UUID
    public var instrument: Instrument
    /// Waves sent with this version; a used version is never changed, editing it makes a new version.
    public var waves: Int
}

public protocol HealthRepository: Sendable {
    /// The latest version of an instrument, storing the given definition as version 1 when there is none.
    func currentInstrument(_ definition: Instrument, by actor: AuditActor) async throws -> (id: UUID, instrument: Instrument)
    func instrument(id: UUID) async throws -> Instrument?
    /// Every version of every instrument, newest version first within a key.
    func instrumentVersions() async throws -> [InstrumentVersion]
    /// Saves an edited instrument: in place while no wave used its latest version, otherwise as the next version.
    func saveInstrument(_ instrument: Instrument, by actor: AuditActor) async throws -> InstrumentVersion
    func createWave(
        allianceID: UUID, instrumentID: UUID, _ valid: WaveInput.Valid, invitees: [WaveInvitee], by actor: AuditActor
    ) async throws -> HealthWave
    func waves(allianceID: UUID) async throws -> [HealthWave]
    func wave(id: UUID) async throws -> HealthWave?
    /// For each alliance, its waves no longer taking answers on `today`, newest first, at most `limit` each.
    func finishedWaves(allianceIDs: [UUID], today: LocalDate, limit: Int) async throws -> [UUID: [HealthWave]]
    /// Alliances with at least one finished wave, by name, one page at a time.
    func alliancesWithResults(today: LocalDate, page: Int, perPage: Int) async throws -> Page<UUID>
    /// The wave a respondent's link belongs to, and whether it was already used.
    func invitation(tokenHash: String) async throws -> (wave: HealthWave, submitted: Bool, draft: String?)?
    func saveDraft(tokenHash: String, draft: String) async throws
    /// Stores the answers without any link to the person, marks the link used; refuses a used link or a closed wave.
    func submit(tokenHash: String, _ answers: SurveySubmission.Valid, today: LocalDate) async throws
    func setStatus(_ waveID: UUID, _ status: WaveStatus, by actor: AuditActor) async throws
    func respondents(waveID: UUID) async throws -> [RespondentScores]
    /// The wave's answers counted per group and question, with comments and open answers.
    func tally(waveID: UUID) async throws -> WaveTally
    /// Several waves' counts at once, without comments; per side only unless `byFunction`.
    func tallies(waveIDs: [UUID], byFunction: Bool) async throws -> [UUID: WaveTally]
    func responseRates(waveID: UUID) async throws -> [ResponseRate]
    func actions(waveIDs: [UUID]) async throws -> [HealthAction]
    /// Health actions owned by a person, across alliances.
    func actions(ownerID: UUID) async throws -> [HealthAction]
    func createAction(_ wave: HealthWave, _ valid: HealthActionInput.Valid, by actor: AuditActor) async throws -> HealthAction
    func updateAction(_ id: UUID, _ valid: HealthActionInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws
        -> HealthAction
}
