import AccordCore
import AccordStore
import Foundation

/// Health-check steps shared by the web pages and the JSON API, so both apply the same rules. Health checks are
/// internal: running them needs `runHealthChecks` on the alliance; respondents answer through their own link.
struct HealthService: Sendable {
    private let repository: any HealthRepository
    /// For the survey page, which its personal link authorises: the alliance's name.
    private let alliances: any AllianceRepository
    let access: AllianceAccess
    let clock: WallClock
    let healthSettings: HealthSettings

    init(_ services: Services) {
        repository = services.store.health
        alliances = services.store.alliances
        access = AllianceAccess(services.store)
        clock = services.store.database.clock
        healthSettings = services.config.health
    }

    var today: LocalDate { clock.today }

    /// The alliance, if the user may see it and run its health checks.
    func healthAlliance(_ id: UUID, _ user: SignedIn) async throws -> Alliance {
        let alliance = try await access.visibleAlliance(id, user)
        try AccessPolicy.require(user.principal, .runHealthChecks(alliance.id))
        return alliance
    }

    /// A wave of this alliance, with the instrument version it was sent with.
    func healthWave(_ waveID: UUID, of alliance: Alliance) async throws -> (HealthWave, Instrument) {
        guard let wave = try await repository.wave(id: waveID), wave.allianceID == alliance.id,
            let instrument = try await repository.instrument(id: wave.instrumentID)
        else { throw DomainError.notFound("No such health check.") }
        return (wave, instrument)
    }

    func waveResults(_ wave: HealthWave, _ instrument: Instrument, function: BusinessFunction? = nil) async throws -> WaveResults {
        HealthScoring.results(instrument, try await repository.tally(waveID: wave.id), settings: healthSettings, function: function)
    }

    /// The alliance's waves up to and including `wave`, oldest first, with their results (one query for all counts).
    func resultsSeries(_ alliance: Alliance, through wave: HealthWave) async throws -> [(wave: HealthWave, results: WaveResults)] {
        let waves = try await repository.waves(allianceID: alliance.id).filter {
            ($0.opensOn, $0.createdAt) <= (wave.opensOn, wave.createdAt)
        }
        let tallies = try await repository.tallies(waveIDs: waves.map(\.id), byFunction: false)
        var instruments: [UUID: Instrument] = [:]
        var series: [(wave: HealthWave, results: WaveResults)] = []
        for item in waves {
            if instruments[item.instrumentID] == nil {
                instruments[item.instrumentID] = try await repository.instrument(id: item.instrumentID)
            }
            guard let instrument = instruments[item.instrumentID] else { continue }
            series.append((item, HealthScoring.results(instrument, tallies[item.id] ?? WaveTally(), settings: healthSettings)))
        }
        return series
    }

    /// Opens a wave for chosen team members (all of them when `respondents` is nil). Returns each person's link
    /// token: it is shown once and only its hash is kept.
    func openWave(
        _ alliance: Alliance, _ input: WaveInput, respondents: [String]?, instrumentID: String?, by user: SignedIn
    ) async throws -> (wave: HealthWave, links: [(person: Person, side: Side, token: String)]) {
        let valid = try input.validate()
        let team = try await access.team(alliance)
        var chosen = team
        if let respondents {
            var picked: [(person: Person, side: Side)] = []
            for raw in Set(respondents.map { $0.lowercased() }).sorted() {
                guard let id = UUID(canonical: raw), let entry = team.first(where: { $0.person.id == id }) else {
                    throw DomainError.invalid("respondents", "Respondents must be on this alliance's team.")
                }
                picked.append(entry)
            }
            chosen = picked
        }
        if chosen.isEmpty { throw DomainError.invalid("respondents", "Choose at least one respondent.") }
        let instrument = try await chosenInstrument(instrumentID, by: user)
        let links = chosen.map { (person: $0.person, side: $0.side, token: Tokens.random()) }
        let invitees = links.map {
            WaveInvitee(personID: $0.person.id, side: $0.side, function: $0.person.function, tokenHash: Tokens.sha256($0.token))
        }
        let wave = try await repository.createWave(
            allianceID: alliance.id, instrumentID: instrument, valid, invitees: invitees, by: user.actor)
        return (wave, links.sorted { $0.person.name < $1.person.name })
    }

    /// The instrument version a new wave uses: the latest version of the chosen instrument, or of the default.
    func chosenInstrument(_ raw: String?, by user: SignedIn) async throws -> UUID {
        guard let raw, !raw.isEmpty else {
            return try await repository.currentInstrument(DefaultInstrument.instrument, by: user.actor).id
        }
        let versions = try await repository.instrumentVersions()
        let latest = Dictionary(grouping: versions, by: \.instrument.key).compactMap { $0.value.first }
        guard let id = UUID(canonical: raw), latest.contains(where: { $0.id == id }) else {
            throw DomainError.invalid("instrument", "Instrument must be the latest version of a known instrument.")
        }
        return id
    }

    /// Closes a wave early, reopens one closed by hand before its close date, or marks it reviewed once every
    /// dimension that needs an action has one.
    func setWaveStatus(_ wave: HealthWave, _ instrument: Instrument, to status: WaveStatus, by user: SignedIn) async throws {
        let current = wave.status(on: today)
        switch status {
        case .closed where current == .open:
            break
        case .open where current == .closed && wave.status == .closed && today <= wave.closesOn:
            break
        case .reviewed where current == .closed:
            let results = try await waveResults(wave, instrument)
            try HealthReview.checkReviewable(wave, today: today, results, try await repository.actions(waveIDs: [wave.id]))
        case .reviewed where current == .open:
            throw DomainError.conflict("Close the wave (or wait for its close date, \(wave.closesOn)) before marking it reviewed.")
        default:
            throw DomainError.conflict("A wave that is \(current.label.lowercased()) cannot become \(status.label.lowercased()).")
        }
        try await repository.setStatus(wave.id, status, by: user.actor)
    }

    /// Adds or changes an action on a wave; the owner must be on the team, the dimension in the wave's instrument.
    func saveAction(
        _ input: HealthActionInput, on wave: HealthWave, _ instrument: Instrument, alliance: Alliance, existing: UUID?,
        expectedVersion: Int?, by user: SignedIn
    ) async throws -> HealthAction {
        let team = Set(try await access.team(alliance).map(\.person.id))
        let valid = try input.validate(instrument: instrument, team: team)
        guard let existing else { return try await repository.createAction(wave, valid, by: user.actor) }
        guard try await repository.actions(waveIDs: [wave.id]).contains(where: { $0.id == existing }) else {
            throw DomainError.notFound("No such action.")
        }
        return try await repository.updateAction(existing, valid, expectedVersion: expectedVersion, by: user.actor)
    }

    /// The latest finished wave of each alliance with its band and direction, for the portfolio and the heat map.
    func healthSnapshots(_ allianceIDs: [UUID]) async throws -> [UUID: HealthSnapshot] {
        let finished = try await repository.finishedWaves(allianceIDs: allianceIDs, today: today, limit: 2)
        let waves = finished.values.flatMap { $0 }
        let tallies = try await repository.tallies(waveIDs: waves.map(\.id), byFunction: false)
        var instruments: [UUID: Instrument] = [:]
        for id in Set(waves.map(\.instrumentID)) { instruments[id] = try await repository.instrument(id: id) }
        func results(_ wave: HealthWave) -> WaveResults? {
            instruments[wave.instrumentID].map { HealthScoring.results($0, tallies[wave.id] ?? WaveTally(), settings: healthSettings) }
        }
        var snapshots: [UUID: HealthSnapshot] = [:]
        for (allianceID, list) in finished {
            guard let latest = list.first, let current = results(latest) else { continue }
            snapshots[allianceID] = HealthSnapshot(wave: latest, results: current, previous: list.dropFirst().first.flatMap(results))
        }
        return snapshots
    }

    /// The wave's aggregated results as CSV: all functions, then each function that answered (hidden groups say so).
    func resultsCSV(_ wave: HealthWave, _ instrument: Instrument) async throws -> String {
        let tally = try await repository.tally(waveID: wave.id)
        let functions = Set(tally.respondents.keys.compactMap(\.function)).sorted { $0.label < $1.label }
        let scopes =
            [(label: "All functions", results: HealthScoring.results(instrument, tally, settings: healthSettings))]
            + functions.map { (label: $0.label, results: HealthScoring.results(instrument, tally, settings: healthSettings, function: $0)) }
        return HealthExport.csv(wave: wave.title, scopes: scopes)
    }
}

extension HealthService {
    /// Every stored version of every instrument, newest version first within each key.
    func instrumentVersions() async throws -> [InstrumentVersion] { try await repository.instrumentVersions() }

    /// The latest version of each instrument, the default one stored on first use.
    func currentInstruments() async throws -> [InstrumentVersion] {
        let versions = try await repository.instrumentVersions()
        if versions.contains(where: { $0.instrument.key == DefaultInstrument.key }) { return versions }
        _ = try await repository.currentInstrument(DefaultInstrument.instrument, by: AuditActor(userID: nil, name: "Accord"))
        return try await repository.instrumentVersions()
    }

    /// Saves an instrument by key (a new instrument, an edit in place, or a new version once a wave used the latest);
    /// `isNew` refuses a key that exists. Returns the saved version and whether the key existed before.
    func saveInstrument(_ instrument: Instrument, isNew: Bool, by user: SignedIn) async throws -> (InstrumentVersion, existed: Bool) {
        try AccessPolicy.require(user.principal, .manageInstruments)
        let existed = try await repository.instrumentVersions().contains { $0.instrument.key == instrument.key }
        if isNew, existed { throw DomainError.invalid("key", "An instrument with key \(instrument.key) already exists.") }
        return (try await repository.saveInstrument(instrument, by: user.actor), existed)
    }

    /// The alliance's waves, oldest first, each with its response rates by side and function.
    func waves(_ alliance: Alliance) async throws -> [(wave: HealthWave, rates: [ResponseRate])] {
        var result: [(wave: HealthWave, rates: [ResponseRate])] = []
        for wave in try await repository.waves(allianceID: alliance.id) { result.append((wave, try await rates(wave))) }
        return result
    }

    func rates(_ wave: HealthWave) async throws -> [ResponseRate] { try await repository.responseRates(waveID: wave.id) }

    func actions(waveIDs: [UUID]) async throws -> [HealthAction] { try await repository.actions(waveIDs: waveIDs) }

    /// One page of the alliances with finished results, for the portfolio's heat map, as the principal may open them.
    func alliancesWithResults(page: Int, perPage: Int, _ principal: Principal) async throws -> (ids: Page<UUID>, alliances: [Alliance]) {
        let ids = try await repository.alliancesWithResults(today: today, page: page, perPage: perPage)
        let lookup = access.lookup(principal)
        var alliances: [Alliance] = []
        for id in ids.items { if let alliance = try await lookup(id) { alliances.append(alliance) } }
        return (ids, alliances)
    }

    // MARK: The survey, by its personal link

    /// The invitation a survey link names, or not found.
    func invitation(token: String) async throws -> (wave: HealthWave, submitted: Bool, draft: String?) {
        guard token.count < 100, let found = try await repository.invitation(tokenHash: Tokens.sha256(token)) else {
            throw DomainError.notFound("This survey link is not valid. Check that you copied the whole link.")
        }
        return found
    }

    /// What the survey page shows: the alliance's name and the instrument version the wave was sent with.
    func survey(_ wave: HealthWave) async throws -> (allianceName: String, instrument: Instrument) {
        guard let instrument = try await repository.instrument(id: wave.instrumentID) else {
            throw DomainError.notFound("This survey link is not valid.")
        }
        return (try await alliances.find(wave.allianceID)?.name ?? "", instrument)
    }

    func saveDraft(token: String, _ draft: String) async throws {
        try await repository.saveDraft(tokenHash: Tokens.sha256(token), draft: draft)
    }

    func submit(token: String, _ valid: SurveySubmission.Valid) async throws {
        try await repository.submit(tokenHash: Tokens.sha256(token), valid, today: today)
    }
}
