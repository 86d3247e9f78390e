import AccordCore
import Foundation
import Hummingbird

/// /api/v1 health: instruments, waves, aggregated results (anonymity applied as on the pages), CSV and actions.
struct HealthAPI {
    let health: HealthService
    let publicURL: String?

    // MARK: Instruments

    func instruments(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .viewHealthPortfolio)
        let versions = try await health.instrumentVersions()
        let page = Page(items: versions, total: versions.count, page: 1, perPage: max(1, versions.count))
        return try APIResponse.json(APIModels.List(page, APIModels.InstrumentSummary.init))
    }

    func instrument(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .viewHealthPortfolio)
        let id = try context.apiID("id")
        guard let version = try await health.instrumentVersions().first(where: { $0.id == id }) else {
            throw Problem(.notFound, "No such instrument.")
        }
        return try APIResponse.json(APIModels.InstrumentDetail(version))
    }

    /// Saves an instrument by key: a new instrument, an edit in place, or a new version once a wave used the latest.
    func saveInstrument(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .manageInstruments)
        var body = try await JSONBody.read(request, context: context, body: Self.instrumentSave)
        let key = body.string("key") ?? ""
        let name = body.string("name") ?? ""
        let dimensions = body.decode(
            "dimensions", as: [AccordCore.Dimension].self,
            description: "an array of {key, name, questions: [{key, text, anchors: [5 strings]}]}")
        let open = body.strings("openQuestions") ?? []
        try body.check()
        let instrument = Instrument(key: key, name: name, version: 1, dimensions: dimensions ?? [], openQuestions: open)
        let (saved, existed) = try await health.saveInstrument(instrument, isNew: false, by: user)
        return try APIResponse.json(APIModels.InstrumentDetail(saved), status: existed ? .ok : .created)
    }

    // MARK: Waves

    func waves(_ request: Request, _ context: AppContext) async throws -> Response {
        let (_, alliance) = try await allowed(context)
        let items = try await health.waves(alliance).map { APIModels.Wave($0.wave, today: health.today, rates: $0.rates) }
        let page = Page(items: items, total: items.count, page: 1, perPage: max(1, items.count))
        return try APIResponse.json(APIModels.List(page) { $0 })
    }

    func wave(_ request: Request, _ context: AppContext) async throws -> Response {
        let (_, _, wave, _) = try await waveContext(context)
        return try APIResponse.json(
            APIModels.Wave(wave, today: health.today, rates: try await health.rates(wave)))
    }

    func openWave(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        var body = try await JSONBody.read(request, context: context, body: Self.waveCreate)
        let input = WaveInput(title: body.string("title"), opensOn: body.string("opensOn"), closesOn: body.string("closesOn"))
        let respondents = body.strings("respondentIds")
        let instrument = body.string("instrumentId")
        try body.check()
        let opened = try await health.openWave(alliance, input, respondents: respondents, instrumentID: instrument, by: user)
        let rates = try await health.rates(opened.wave)
        let base = publicURL ?? ""
        return try APIResponse.json(
            APIModels.OpenedWave(
                wave: APIModels.Wave(opened.wave, today: health.today, rates: rates),
                links: opened.links.map {
                    APIModels.SurveyLink(
                        personId: $0.person.id, name: $0.person.name, side: $0.side, function: $0.person.function,
                        url: base + Site.survey.path($0.token))
                }), status: .created)
    }

    func setStatus(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance, wave, instrument) = try await waveContext(context)
        var body = try await JSONBody.read(request, context: context, body: Self.waveStatusChange)
        let raw = body.string("status")
        try body.check()
        guard let status = WaveStatus(rawValue: raw ?? "") else {
            throw DomainError.invalid("status", "Status must be one of: open, closed, reviewed.")
        }
        try await health.setWaveStatus(wave, instrument, to: status, by: user)
        let (updated, _) = try await health.healthWave(wave.id, of: alliance)
        return try APIResponse.json(
            APIModels.Wave(updated, today: health.today, rates: try await health.rates(wave)))
    }

    // MARK: Results

    func results(_ request: Request, _ context: AppContext) async throws -> Response {
        let (_, _, wave, instrument) = try await waveContext(context)
        let function = try request.apiQuery { params throws(DomainError) -> BusinessFunction? in
            let unknown = Set(params.keys).subtracting(["function"])
            if let first = unknown.sorted().first { throw DomainError.invalid(first, "Unknown parameter; allowed: function.") }
            guard let raw = params["function"], !raw.isEmpty else { return nil }
            guard let value = BusinessFunction(rawValue: raw) else {
                throw DomainError.invalid(
                    "function", "Function must be one of: \(BusinessFunction.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return value
        }
        let results = try await health.waveResults(wave, instrument, function: function)
        return try APIResponse.json(
            APIModels.Results(
                wave: wave, function: function, results: results, settings: health.healthSettings,
                rates: try await health.rates(wave)))
    }

    func csv(_ request: Request, _ context: AppContext) async throws -> Response {
        let (_, _, wave, instrument) = try await waveContext(context)
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentDisposition] = "attachment; filename=\"health-\(wave.opensOn).csv\""
        let body = try await health.resultsCSV(wave, instrument)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    // MARK: Actions

    func actions(_ request: Request, _ context: AppContext) async throws -> Response {
        let (_, _, wave, _) = try await waveContext(context)
        let actions = try await health.actions(waveIDs: [wave.id])
        let page = Page(items: actions, total: actions.count, page: 1, perPage: max(1, actions.count))
        return try APIResponse.json(APIModels.List(page, APIModels.Action.init))
    }

    func addAction(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance, wave, instrument) = try await waveContext(context)
        let input = try await JSONBody.create(request, context, Self.actionCreate, Self.actionInput)
        let action = try await health.saveAction(
            input, on: wave, instrument, alliance: alliance, existing: nil, expectedVersion: nil, by: user)
        return try APIResponse.json(APIModels.Action(action), status: .created, etag: action.version)
    }

    func updateAction(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance, wave, instrument) = try await waveContext(context)
        let actionID = try context.apiID("actionId")
        let (input, version) = try await JSONBody.replace(request, context, Self.actionUpdate, Self.actionInput)
        let action = try await health.saveAction(
            input, on: wave, instrument, alliance: alliance, existing: actionID, expectedVersion: version, by: user)
        return try APIResponse.json(APIModels.Action(action), etag: action.version)
    }

    static func actionInput(_ body: inout JSONBody) -> HealthActionInput {
        HealthActionInput(
            dimension: body.string("dimension"), title: body.string("title"), owner: body.string("ownerId"), dueOn: body.string("dueOn"),
            status: body.string("status"))
    }

    // MARK: Access

    func allowed(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        let user = try context.requireUser()
        return (user, try await health.healthAlliance(context.apiID("id"), user))
    }

    func waveContext(_ context: AppContext) async throws -> (SignedIn, Alliance, HealthWave, Instrument) {
        let (user, alliance) = try await allowed(context)
        let (wave, instrument) = try await health.healthWave(try context.apiID("waveId"), of: alliance)
        return (user, alliance, wave, instrument)
    }
}

/// The request bodies of its operations.
extension HealthAPI {
    static let instrumentSave = APIBody(
        "InstrumentSave",
        [
            .required("key", .string.with("pattern", "^[a-z0-9.-]{2,60}$")),
            .required("name", .text(max: 120)),
            .required(
                "dimensions",
                APISchema.array(
                    of: APISchema.object([
                        .required("key", .string.with("pattern", "^[a-z0-9.-]{2,60}$")), .required("name", .text(max: 120)),
                        .required(
                            "questions",
                            APISchema.array(
                                of: APISchema.object([
                                    .required("key", .string.with("pattern", "^[a-z0-9.-]{2,60}$")), .required("text", .text(max: 500)),
                                    .required(
                                        "anchors",
                                        APISchema.array(of: .text(max: 300)).with("minItems", 5).with("maxItems", 5).described(
                                            "What scores 1 to 5 mean, in order")),
                                ])
                            ).with("minItems", 1)),
                    ])
                ).with("minItems", 1)),
            .optional("openQuestions", APISchema.array(of: .text(max: 500)).with("maxItems", 10)),
        ], description: "Saved by key: a new instrument, an edit in place while no wave used the latest version, or else a new version.")
    static let waveCreate = APIBody(
        "WaveCreate",
        [
            .required("title", .text(max: 120)),
            .required("opensOn", .date),
            .required("closesOn", .date),
            .optional("respondentIds", APISchema.array(of: .uuid).described("People on the alliance's team; all of them when absent")),
            .optional("instrumentId", .uuid.nullable.described("The latest version of an instrument; the default when absent")),
        ])
    static let waveStatusChange = APIBody(
        "WaveStatusChange",
        [
            .required("status", .code(WaveStatus.self))
        ],
        description:
            "closed: close early; open: reopen one closed by hand before its close date; reviewed: once every dimension that needs an action has one"
    )
    static let actionCreate = APIBody(
        "ActionCreate",
        [
            .required("dimension", .string.with("pattern", "^[a-z0-9.-]{2,60}$")),
            .required("title", .text(max: 300)),
            .required("ownerId", .uuid),
            .required("dueOn", .date),
            .optional("status", .code(ActionStatus.self)),
        ])
    static let actionUpdate = actionCreate.replacing("ActionUpdate")
}
