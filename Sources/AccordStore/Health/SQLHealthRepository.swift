import AccordCore
import Foundation
import SQLKit

public struct SQLHealthRepository: HealthRepository {
    let database: AccordDatabase
    /// How many alliances have results, per day, kept while nothing changes (see `CountCache`).
    private let totals = CountCache()

    public init(database: AccordDatabase) { self.database = database }

    public func currentInstrument(_ definition: Instrument, by actor: AuditActor) async throws -> (id: UUID, instrument: Instrument) {
        try await database.write(by: actor) { tx in
            if let row = try await tx.db.raw(
                """
                SELECT id, definition FROM health_instruments WHERE instrument_key = \(bind: definition.key)
                ORDER BY version DESC LIMIT 1
                """
            ).first() {
                let instrument = try JSONDecoder().decode(Instrument.self, from: Data(try row.string("definition").utf8))
                return (try row.uuid("id"), instrument)
            }
            try definition.validate()
            let id = tx.newID()
            try await tx.db.raw(
                """
                INSERT INTO health_instruments (id, instrument_key, version, name, definition, created_at)
                VALUES (\(bind: id.canonicalText), \(bind: definition.key), \(bind: definition.version), \(bind: definition.name),
                    \(bind: AuditChange.snapshot(definition)), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("health_instrument", id, .create, before: nil, after: definition)
            return (id, definition)
        }
    }

    static func decodeInstrument(_ row: any SQLRow) throws -> Instrument {
        try JSONDecoder().decode(Instrument.self, from: Data(try row.string("definition").utf8))
    }

    public func instrument(id: UUID) async throws -> Instrument? {
        try await database.read { db in
            try await db.raw("SELECT definition FROM health_instruments WHERE id = \(bind: id.canonicalText)").first().map(
                Self.decodeInstrument)
        }
    }

    public func instrumentVersions() async throws -> [InstrumentVersion] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT i.id, i.definition, (SELECT COUNT(*) FROM health_waves w WHERE w.instrument_id = i.id) AS waves
                FROM health_instruments i ORDER BY i.instrument_key, i.version DESC
                """
            ).all().map { row in
                InstrumentVersion(id: try row.uuid("id"), instrument: try Self.decodeInstrument(row), waves: try row.int("waves"))
            }
        }
    }

    public func saveInstrument(_ edited: Instrument, by actor: AuditActor) async throws -> InstrumentVersion {
        try edited.validate()
        return try await database.write(by: actor) { tx in
            let latest = try await tx.db.raw(
                """
                SELECT i.id, i.definition, (SELECT COUNT(*) FROM health_waves w WHERE w.instrument_id = i.id) AS waves
                FROM health_instruments i WHERE i.instrument_key = \(bind: edited.key) ORDER BY i.version DESC LIMIT 1
                \(unsafeRaw: tx.kind == .postgres ? "FOR UPDATE OF i" : "")
                """
            ).first()
            var saved = edited
            if let latest, try latest.int("waves") == 0 {
                let id = try latest.uuid("id")
                let before = try Self.decodeInstrument(latest)
                saved.version = before.version
                try await tx.db.raw(
                    """
                    UPDATE health_instruments SET name = \(bind: saved.name), definition = \(bind: AuditChange.snapshot(saved))
                    WHERE id = \(bind: id.canonicalText)
                    """
                ).run()
                try await tx.record("health_instrument", id, .update, before: before, after: saved)
                return InstrumentVersion(id: id, instrument: saved, waves: 0)
            }
            saved.version = try latest.map { try Self.decodeInstrument($0).version + 1 } ?? 1
            let id = tx.newID()
            try await tx.db.raw(
                """
                INSERT INTO health_instruments (id, instrument_key, version, name, definition, created_at)
                VALUES (\(bind: id.canonicalText), \(bind: saved.key), \(bind: saved.version), \(bind: saved.name),
                    \(bind: AuditChange.snapshot(saved)), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("health_instrument", id, .create, before: nil, after: saved)
            return InstrumentVersion(id: id, instrument: saved, waves: 0)
        }
    }

    static func decodeWave(_ row: any SQLRow) throws -> HealthWave {
        guard let opens = try row.localDate("opens_on"), let closes = try row.localDate("closes_on") else {
            throw StoreError.unexpected("wave without dates")
        }
        return HealthWave(
            id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), instrumentID: try row.uuid("instrument_id"),
            title: try row.string("title"), opensOn: opens, closesOn: closes, status: try row.choice("status"),
            createdAt: try row.date("created_at"))
    }

    public func createWave(
        allianceID: UUID, instrumentID: UUID, _ valid: WaveInput.Valid, invitees: [WaveInvitee], by actor: AuditActor
    ) async throws -> HealthWave {
        try await database.write(by: actor) { tx in
            if invitees.isEmpty { throw DomainError.invalid("respondents", "Choose at least one respondent.") }
            let wave = HealthWave(
                id: tx.newID(), allianceID: allianceID, instrumentID: instrumentID, title: valid.title, opensOn: valid.opensOn,
                closesOn: valid.closesOn, status: .open, createdAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO health_waves (id, alliance_id, instrument_id, title, opens_on, closes_on, status, created_at)
                VALUES (\(bind: wave.id.canonicalText), \(bind: allianceID.canonicalText), \(bind: instrumentID.canonicalText),
                    \(bind: wave.title), \(bind: wave.opensOn.description), \(bind: wave.closesOn.description),
                    \(bind: wave.status.rawValue), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            for invitee in invitees {
                try await tx.db.raw(
                    """
                    INSERT INTO health_invitations (id, wave_id, person_id, side, function, token_hash, submitted)
                    VALUES (\(bind: tx.newID().canonicalText), \(bind: wave.id.canonicalText), \(bind: invitee.personID.canonicalText),
                        \(bind: invitee.side.rawValue), \(bind: invitee.function.rawValue), \(bind: invitee.tokenHash), \(bind: false))
                    """
                ).run()
            }
            try await tx.record("health_wave", wave.id, alliance: allianceID, .create, before: nil, after: wave)
            return wave
        }
    }

    public func waves(allianceID: UUID) async throws -> [HealthWave] {
        try await database.read { db in
            try await db.raw(
                "SELECT * FROM health_waves WHERE alliance_id = \(bind: allianceID.canonicalText) ORDER BY opens_on, created_at"
            )
            .all().map(Self.decodeWave)
        }
    }

    public func wave(id: UUID) async throws -> HealthWave? {
        try await database.read { db in
            try await db.raw("SELECT * FROM health_waves WHERE id = \(bind: id.canonicalText)").first().map(Self.decodeWave)
        }
    }

    public func finishedWaves(allianceIDs: [UUID], today: LocalDate, limit: Int) async throws -> [UUID: [HealthWave]] {
        guard !allianceIDs.isEmpty else { return [:] }
        let waves = try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM health_waves WHERE alliance_id IN \(bindList(allianceIDs.map(\.canonicalText)))
                AND (status <> 'open' OR closes_on < \(bind: today.description))
                ORDER BY alliance_id, opens_on DESC, created_at DESC
                """
            ).all().map(Self.decodeWave)
        }
        return Dictionary(grouping: waves, by: \.allianceID).mapValues { Array($0.prefix(limit)) }
    }

    public func alliancesWithResults(today: LocalDate, page: Int, perPage: Int) async throws -> Page<UUID> {
        try await alliancesWithResults(today: today, page: page, perPage: perPage, fewUpTo: 1_000)
    }

    /// The heat map's page of alliances with a finished wave, by name. The count is kept per audit head and day; with
    /// few such alliances (up to `fewUpTo`) the page starts from their waves and sorts them, with many it walks the
    /// alliances by name and stops after the page (either way the work follows what is shown, not the portfolio).
    func alliancesWithResults(today: LocalDate, page: Int, perPage: Int, fewUpTo: Int) async throws -> Page<UUID> {
        try await database.read { db in
            let finished: SQLQueryString = "(w.status <> 'open' OR w.closes_on < \(bind: today.description))"
            let total = try await totals.total(db, key: "results\u{1}\(today)") {
                try await db.raw("SELECT COUNT(DISTINCT w.alliance_id) AS n FROM health_waves w WHERE \(finished)").first()?.int("n") ?? 0
            }
            guard total > 0 else { return Page(items: [], total: 0, page: page, perPage: perPage) }
            let from: SQLQueryString =
                total <= fewUpTo
                ? "FROM (SELECT DISTINCT w.alliance_id FROM health_waves w WHERE \(finished)) r CROSS JOIN alliances a WHERE a.id = r.alliance_id"
                : "FROM alliances a WHERE EXISTS (SELECT 1 FROM health_waves w WHERE w.alliance_id = a.id AND \(finished))"
            let ids = try await db.raw(
                "SELECT a.id \(from) ORDER BY lower(a.name), a.id LIMIT \(bind: perPage) OFFSET \(bind: (page - 1) * perPage)"
            ).all().map { try $0.uuid("id") }
            return Page(items: ids, total: total, page: page, perPage: perPage)
        }
    }

    public func invitation(tokenHash: String) async throws -> (wave: HealthWave, submitted: Bool, draft: String?)? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT w.*, i.submitted AS used, i.draft AS draft FROM health_invitations i
                    JOIN health_waves w ON w.id = i.wave_id WHERE i.token_hash = \(bind: tokenHash)
                    """
                ).first()
            else { return nil }
            return (try Self.decodeWave(row), try row.bool("used"), try row.optionalString("draft"))
        }
    }

    public func saveDraft(tokenHash: String, draft: String) async throws {
        try await database.transaction { db in
            guard
                try await db.raw("SELECT submitted FROM health_invitations WHERE token_hash = \(bind: tokenHash)").first()?.bool(
                    "submitted") == false
            else { throw DomainError.notFound("This survey link is not valid or has already been used.") }
            try await db.raw("UPDATE health_invitations SET draft = \(bind: draft) WHERE token_hash = \(bind: tokenHash)").run()
        }
    }

    public func submit(tokenHash: String, _ answers: SurveySubmission.Valid, today: LocalDate) async throws {
        // The audit record names the wave, side and function only: who answered stays unrecorded.
        // Two submits of one link cannot both pass: SQLite runs one write at a time, PostgreSQL locks the invitation row.
        try await database.write(by: AuditActor(userID: nil, name: "survey respondent")) { tx in
            guard
                let row = try await tx.db.raw(
                    """
                    SELECT w.*, i.id AS invitation_id, i.submitted AS used, i.side AS side, i.function AS respondent_function
                    FROM health_invitations i JOIN health_waves w ON w.id = i.wave_id WHERE i.token_hash = \(bind: tokenHash)
                    \(unsafeRaw: tx.kind == .postgres ? "FOR UPDATE OF i" : "")
                    """
                ).first()
            else { throw DomainError.notFound("This survey link is not valid.") }
            let wave = try Self.decodeWave(row)
            if try row.bool("used") { throw DomainError.conflict("This survey link has already been used; answers can be sent once.") }
            if !wave.acceptsAnswers(on: today) {
                throw DomainError.conflict("This survey is closed (it ran \(wave.opensOn) to \(wave.closesOn)).")
            }
            try await tx.db.raw(
                """
                UPDATE health_invitations SET submitted = \(bind: true), draft = NULL
                WHERE id = \(bind: try row.string("invitation_id")) AND submitted = \(bind: false)
                """
            ).run()
            let response = tx.newID()
            let side = try row.string("side")
            let function = try row.string("respondent_function")
            try await tx.db.raw(
                """
                INSERT INTO health_responses (id, wave_id, side, function)
                VALUES (\(bind: response.canonicalText), \(bind: wave.id.canonicalText), \(bind: side), \(bind: function))
                """
            ).run()
            for (key, score) in answers.scores.sorted(by: { $0.key < $1.key }) {
                try await tx.db.raw(
                    """
                    INSERT INTO health_answers (response_id, question_key, score, comment)
                    VALUES (\(bind: response.canonicalText), \(bind: key), \(bind: score), \(bind: answers.comments[key]))
                    """
                ).run()
                let counts = (1...5).map { $0 == score ? 1 : 0 }
                let column = "s\(min(max(score, 1), 5))"
                try await tx.db.raw(
                    """
                    INSERT INTO health_counts (wave_id, side, function, question_key, s1, s2, s3, s4, s5)
                    VALUES (\(bind: wave.id.canonicalText), \(bind: side), \(bind: function), \(bind: key), \(bind: counts[0]),
                        \(bind: counts[1]), \(bind: counts[2]), \(bind: counts[3]), \(bind: counts[4]))
                    ON CONFLICT (wave_id, side, function, question_key)
                    DO UPDATE SET \(unsafeRaw: column) = health_counts.\(unsafeRaw: column) + 1
                    """
                ).run()
            }
            for (index, text) in answers.openAnswers.enumerated() where !text.isEmpty {
                try await tx.db.raw(
                    """
                    INSERT INTO health_open_answers (response_id, question_index, answer)
                    VALUES (\(bind: response.canonicalText), \(bind: index), \(bind: text))
                    """
                ).run()
            }
            try await tx.record(
                AuditChange(
                    entity: "health_response", entityID: response, allianceID: wave.allianceID, action: .create, before: nil,
                    after: AuditChange.snapshot(["wave": wave.id.canonicalText, "side": side, "function": function])))
        }
    }

    public func setStatus(_ waveID: UUID, _ status: WaveStatus, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard
                let before = try await tx.db.raw("SELECT * FROM health_waves WHERE id = \(bind: waveID.canonicalText)").first().map(
                    Self.decodeWave)
            else { throw DomainError.notFound("No such health check.") }
            var after = before
            after.status = status
            try await tx.db.raw("UPDATE health_waves SET status = \(bind: status.rawValue) WHERE id = \(bind: waveID.canonicalText)").run()
            try await tx.record("health_wave", waveID, alliance: before.allianceID, .update, before: before, after: after)
        }
    }

    public func respondents(waveID: UUID) async throws -> [RespondentScores] {
        try await database.read { db in
            let rows = try await db.raw(
                """
                SELECT r.id AS response_id, r.side, r.function, a.question_key, a.score, a.comment
                FROM health_responses r JOIN health_answers a ON a.response_id = r.id
                WHERE r.wave_id = \(bind: waveID.canonicalText) ORDER BY r.id
                """
            ).all()
            var byResponse: [String: RespondentScores] = [:]
            for row in rows {
                let id = try row.string("response_id")
                let fresh = RespondentScores(side: try row.choice("side"), function: try row.choice("function"), scores: [:])
                var respondent = byResponse[id] ?? fresh
                let key = try row.string("question_key")
                respondent.scores[key] = try row.int("score")
                if let comment = try row.optionalString("comment") { respondent.comments[key] = comment }
                byResponse[id] = respondent
            }
            return byResponse.keys.sorted().compactMap { byResponse[$0] }
        }
    }

    public func responseRates(waveID: UUID) async throws -> [ResponseRate] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT side, function, COUNT(*) AS invited,
                    SUM(CASE WHEN submitted = \(bind: true) THEN 1 ELSE 0 END) AS answered
                FROM health_invitations WHERE wave_id = \(bind: waveID.canonicalText)
                GROUP BY side, function ORDER BY side, function
                """
            ).all().map { row in
                ResponseRate(
                    side: try row.choice("side"), function: try row.choice("function"), invited: try row.int("invited"),
                    answered: try row.int("answered"))
            }
        }
    }
}
