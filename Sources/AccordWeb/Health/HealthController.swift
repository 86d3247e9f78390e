import AccordCore
import Foundation
import Hummingbird

/// Health checks: managers open waves and read aggregated results; respondents answer through personal links.
struct HealthController {
    let views: Views
    let health: HealthService

    func register(_ router: Router<AppContext>) {
        router.get(Site.allianceHealth) { _, context in
            let (user, alliance) = try await allowed(context)
            return try await index(context, alliance, user: user, input: WaveInput(), chosen: nil, errors: [], links: [])
        }
        router.post(Site.allianceHealth) { request, context in try await openWave(request, context) }
        router.get(Site.healthWave) { request, context, ids in
            let (_, alliance) = try await allowed(context)
            let (wave, instrument) = try await health.healthWave(ids.1, of: alliance)
            let function = try Self.function(request.queryValues["function"])
            return try await results(context, alliance, wave, instrument, function: function, notice: request.queryValues["notice"])
        }
        router.get(Site.healthWaveCSV) { _, context in try await csv(context) }
        router.post(Site.healthWaveStatus) { request, context in try await changeStatus(request, context) }
        router.post(Site.healthActions) { request, context, ids in
            try await saveAction(request, context, wave: ids.1, existing: nil)
        }
        router.post(Site.healthAction) { request, context, ids in
            let (_, wave, action) = ids
            return try await saveAction(request, context, wave: wave, existing: action)
        }
        router.get(Site.survey) { request, context, text in
            let token = text
            let found = try await invitation(token)
            let values = found.draft.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
            let notice = request.queryValues["saved"] == "1" ? "Your answers are saved. Come back to this link to finish." : nil
            return try await survey(context, found.wave, values: values, errors: [], done: found.submitted, notice: notice)
        }
        router.post(Site.survey) { request, context in try await answer(request, context) }
    }

    func allowed(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        let user = try context.requireUser()
        return (user, try await health.healthAlliance(Site.allianceID(in: context), user))
    }

    /// The `function` query parameter: empty for all functions, otherwise a known function.
    static func function(_ raw: String?) throws -> BusinessFunction? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let function = BusinessFunction(rawValue: raw) else {
            throw DomainError.invalid(
                "function", "Function must be one of: \(BusinessFunction.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return function
    }

    func index(
        _ context: AppContext, _ alliance: Alliance, user: SignedIn, input: WaveInput, chosen: Set<String>?, errors: [FieldError],
        links: [HealthIndexPage.Link], instrument: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let candidates = try await health.access.team(alliance).map { entry -> HealthIndexPage.Candidate in
            let id = entry.person.id.lowercaseText
            return .init(
                id: id, name: entry.person.name, detail: "\(entry.side.label) · \(entry.person.function.label)",
                checked: chosen?.contains(id) ?? true)
        }
        var rows: [HealthIndexPage.WaveRow] = []
        let today = health.today
        for (wave, rates) in try await health.waves(alliance).reversed() {
            rows.append(
                .init(
                    title: wave.title, href: Site.healthWave.path(alliance.id, wave.id), dates: "\(wave.opensOn) to \(wave.closesOn)",
                    status: wave.status(on: today).label,
                    answered: "\(rates.map(\.answered).reduce(0, +)) of \(rates.map(\.invited).reduce(0, +)) answered"))
        }
        let versions = try await health.instrumentVersions()
        let latest = Dictionary(grouping: versions, by: \.instrument.key).compactMap { $0.value.first }.sorted {
            $0.instrument.name < $1.instrument.name
        }
        let instruments = latest.map {
            OptionModel(
                value: $0.id.lowercaseText, label: "\($0.instrument.name) (version \($0.instrument.version))",
                selected: $0.id.lowercaseText == instrument?.lowercased()
                    || (instrument == nil && $0.instrument.key == DefaultInstrument.key))
        }
        let model = HealthIndexPage(
            layout: LayoutModel(title: "Health checks: \(alliance.name)", context: context, section: "alliances"),
            allianceName: alliance.name, allianceHref: Site.alliance.path(alliance.id), action: Site.allianceHealth.path(alliance.id),
            waves: rows, hasWaves: !rows.isEmpty, candidates: candidates, title: input.title ?? "Health check \(today.year)",
            opensOn: input.opensOn ?? today.description,
            closesOn: input.closesOn ?? LocalDate(date: health.clock.now().addingTimeInterval(21 * 86_400)).description,
            instruments: instruments, hasInstrumentChoice: instruments.count > 1, errors: errors, hasErrors: !errors.isEmpty,
            links: links, hasLinks: !links.isEmpty, minimumGroupSize: health.healthSettings.minimumGroupSize)
        return try views.page(model, .healthIndex, status: status)
    }

    func openWave(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let form = try await FormData.read(request, context: context)
        let input = WaveInput(title: form["title"], opensOn: form["opensOn"], closesOn: form["closesOn"])
        let chosen = form.all("respondent")
        do {
            let opened = try await health.openWave(alliance, input, respondents: chosen, instrumentID: form["instrument"], by: user)
            let links = opened.links.map {
                HealthIndexPage.Link(name: $0.person.name, side: $0.side.label, url: Site.survey.path($0.token))
            }
            return try await index(
                context, alliance, user: user, input: WaveInput(), chosen: nil, errors: [], links: links, status: .created)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await index(
                context, alliance, user: user, input: input, chosen: Set(chosen.map { $0.lowercased() }), errors: error.fieldErrors,
                links: [], instrument: form["instrument"], status: .unprocessableContent)
        }
    }

    func results(
        _ context: AppContext, _ alliance: Alliance, _ wave: HealthWave, _ instrument: Instrument, function: BusinessFunction?,
        notice: String? = nil, actionInput: HealthActionInput = HealthActionInput(), actionErrors: [FieldError] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let series = try await health.resultsSeries(alliance, through: wave)
        let previous = series.count > 1 ? [series[series.count - 2].wave.id] : []
        let inputs = HealthResultsPage.Inputs(
            alliance: alliance, wave: wave, instrument: instrument,
            results: try await health.waveResults(wave, instrument, function: function),
            function: function, rates: try await health.rates(wave), series: series,
            actions: try await health.actions(waveIDs: [wave.id]),
            previousActions: try await health.actions(waveIDs: previous),
            team: try await health.access.team(alliance), settings: health.healthSettings, today: health.today,
            actionInput: actionInput, actionErrors: actionErrors)
        let page = HealthResultsPage(
            layout: LayoutModel(title: wave.title, context: context, section: "alliances", notice: LayoutModel.notice(notice)), inputs)
        return try views.page(page, .healthResults, status: status)
    }

    func csv(_ context: AppContext) async throws -> Response {
        let (_, alliance) = try await allowed(context)
        let (wave, instrument) = try await health.healthWave(try Site.healthWaveCSV.ids(in: context).1, of: alliance)
        let body = try await health.resultsCSV(wave, instrument)
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"health-\(wave.opensOn).csv\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    func changeStatus(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (wave, instrument) = try await health.healthWave(try Site.healthWaveStatus.ids(in: context).1, of: alliance)
        let form = try await FormData.read(request, context: context)
        guard let status = WaveStatus(rawValue: form["status"] ?? "") else {
            throw DomainError.invalid("status", "Status must be open, closed or reviewed.")
        }
        do {
            try await health.setWaveStatus(wave, instrument, to: status, by: user)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await results(
                context, alliance, wave, instrument, function: nil, actionErrors: error.fieldErrors, status: .unprocessableContent)
        }
        return redirect(
            Site.healthWave.path(alliance.id, wave.id), .wave(status))
    }

    func saveAction(_ request: Request, _ context: AppContext, wave waveID: UUID, existing: UUID?) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let (wave, instrument) = try await health.healthWave(waveID, of: alliance)
        let form = try await FormData.read(request, context: context)
        let input = HealthActionInput(
            dimension: form["dimension"], title: form["title"], owner: form["owner"], dueOn: form["dueOn"], status: form["status"])
        do {
            let version = try form["version"].map { raw throws(DomainError) -> Int in
                guard let value = Int(raw) else { throw DomainError.invalid("version", "Version must be a whole number.") }
                return value
            }
            _ = try await health.saveAction(
                input, on: wave, instrument, alliance: alliance, existing: existing, expectedVersion: version, by: user)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await results(
                context, alliance, wave, instrument, function: nil, actionInput: existing == nil ? input : HealthActionInput(),
                actionErrors: error.fieldErrors, status: .unprocessableContent)
        }
        let notice: Notice = existing == nil ? .actionAdded : .actionUpdated
        return redirect(Site.healthWave.path(alliance.id, wave.id), notice, fragment: "actions")
    }

    func invitation(_ token: String) async throws -> (wave: HealthWave, submitted: Bool, draft: String?) {
        try await health.invitation(token: token)
    }

    func survey(
        _ context: AppContext, _ wave: HealthWave, values: [String: String], errors: [FieldError], done: Bool = false,
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (allianceName, instrument) = try await health.survey(wave)
        let closed = !wave.acceptsAnswers(on: health.today)
        let model = SurveyPage(
            layout: LayoutModel(title: wave.title, context: context, section: "", notice: notice), wave: wave,
            allianceName: allianceName, instrument: instrument,
            action: Site.survey.path(Site.survey.text(in: context)),
            values: values, errors: errors, done: done, closed: closed && !done)
        return try views.page(model, .healthSurvey, status: status)
    }

    func answer(_ request: Request, _ context: AppContext) async throws -> Response {
        let token = Site.survey.text(in: context)
        let found = try await invitation(token)
        let form = try await FormData.read(request, context: context)
        if found.submitted { return try await survey(context, found.wave, values: [:], errors: [], done: true, status: .conflict) }
        let values = form.values(prefixed: "score.", "comment.", "open.")
        if form["action"] == "save" {
            let draft = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
            try await health.saveDraft(token: token, draft)
            return redirect(Site.survey.path(token) + "?saved=1")
        }
        let instrument = try await health.survey(found.wave).instrument
        do {
            let valid = try SurveyPage.submission(values, instrument: instrument).validate(against: instrument)
            try await health.submit(token: token, valid)
            return try await survey(context, found.wave, values: [:], errors: [], done: true)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await survey(context, found.wave, values: values, errors: error.fieldErrors, status: .unprocessableContent)
        }
    }
}
