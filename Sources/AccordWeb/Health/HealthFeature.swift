import AccordCore
import Foundation
import Hummingbird

/// Health checks: instruments, survey waves, results from both sides, action plans and the portfolio's health.
struct HealthFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        let health = HealthService(services)
        HealthController(views: services.views, health: health).register(router)
        HealthPortfolioController(views: services.views, health: health).register(router)
        InstrumentsController(views: services.views, health: health).register(router)
    }

    func apiRoutes(_ services: Services) -> [APIRoute] {
        let p = APIRoutes.prefix
        let health = HealthAPI(health: HealthService(services), publicURL: services.config.publicURL)
        let wave = p + "/alliances/{id}/health/waves/{waveId}"
        return [
            APIRoute(
                method: .get, path: p + "/health/instruments",
                doc: APIDoc(
                    "listInstruments", "Every version of every health instrument",
                    replies: [.json(200, APIModels.List<APIModels.InstrumentSummary>.self, "All versions, newest first per key")],
                    errors: [401, 403]),
                handler: health.instruments),
            APIRoute(
                method: .post, path: p + "/health/instruments",
                doc: APIDoc(
                    "saveInstrument", "Create or edit an instrument (administrators)", body: HealthAPI.instrumentSave,
                    replies: [
                        .json(200, APIModels.InstrumentDetail.self, "Saved (in place or as a new version)"),
                        .json(201, APIModels.InstrumentDetail.self, "Created"),
                    ],
                    errors: [400, 401, 403, 413, 415, 422]), handler: health.saveInstrument),
            APIRoute(
                method: .get, path: p + "/health/instruments/{id}",
                doc: APIDoc(
                    "getInstrument", "One instrument version with its questions", parameters: [.record],
                    replies: [.json(200, APIModels.InstrumentDetail.self, "The version")], errors: [401, 403, 404]),
                handler: health.instrument),
            APIRoute(
                method: .get, path: p + "/alliances/{id}/health/waves",
                doc: APIDoc(
                    "listWaves", "The alliance's health waves", parameters: [.record],
                    replies: [.json(200, APIModels.List<APIModels.Wave>.self, "Every wave, oldest first")], errors: [401, 403, 404]),
                handler: health.waves),
            APIRoute(
                method: .post, path: p + "/alliances/{id}/health/waves",
                doc: APIDoc(
                    "openWave", "Open a wave and get each respondent's one-time link", parameters: [.record], body: HealthAPI.waveCreate,
                    replies: [.json(201, APIModels.OpenedWave.self, "Opened")], errors: [400, 401, 403, 404, 413, 415, 422]),
                handler: health.openWave),
            APIRoute(
                method: .get, path: wave,
                doc: APIDoc(
                    "getWave", "One wave with response rates", parameters: [.alliance, .wave],
                    replies: [.json(200, APIModels.Wave.self, "The wave")],
                    errors: [401, 403, 404]), handler: health.wave),
            APIRoute(
                method: .post, path: wave + "/status",
                doc: APIDoc(
                    "setWaveStatus", "Close, reopen or mark a wave reviewed", parameters: [.alliance, .wave],
                    body: HealthAPI.waveStatusChange,
                    replies: [.json(200, APIModels.Wave.self, "The wave")], errors: APIDoc.changeErrors), handler: health.setStatus),
            APIRoute(
                method: .get, path: wave + "/results",
                doc: APIDoc(
                    "getResults", "Aggregated results; groups below the anonymity threshold carry no scores",
                    parameters: [.alliance, .wave, .query("function", .ref("BusinessFunction"), "Only respondents of this function")],
                    replies: [.json(200, APIModels.Results.self, "The results")], errors: [400, 401, 403, 404]), handler: health.results),
            APIRoute(
                method: .get, path: wave + "/results.csv",
                doc: APIDoc(
                    "exportResults", "Aggregated results as CSV (no individual answers)", parameters: [.alliance, .wave],
                    replies: [.csv("CSV, one row per scope, dimension and side")], errors: [401, 403, 404]), handler: health.csv),
            APIRoute(
                method: .get, path: wave + "/actions",
                doc: APIDoc(
                    "listActions", "The wave's action plan", parameters: [.alliance, .wave],
                    replies: [.json(200, APIModels.List<APIModels.Action>.self, "Every action")], errors: [401, 403, 404]),
                handler: health.actions),
            APIRoute(
                method: .post, path: wave + "/actions",
                doc: APIDoc(
                    "addAction", "Add an action for a dimension", parameters: [.alliance, .wave], body: HealthAPI.actionCreate,
                    replies: [.json(201, APIModels.Action.self, "Added")], errors: [400, 401, 403, 404, 413, 415, 422]),
                handler: health.addAction),
            APIRoute(
                method: .put, path: wave + "/actions/{actionId}",
                doc: APIDoc(
                    "updateAction", "Replace an action's fields", parameters: [.alliance, .wave, .action], body: HealthAPI.actionUpdate,
                    replies: [.json(200, APIModels.Action.self, "Updated")], errors: APIDoc.changeErrors), handler: health.updateAction),
        ].tagged("Health")
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoHealth.load(demo) }

    var notices: [Notice] { [.actionAdded, .actionUpdated, .waveClosed, .waveOpen, .waveReviewed, .instrumentSaved, .instrumentVersioned] }

    var templates: [Template] { [.healthIndex, .healthInstrument, .healthInstruments, .healthPortfolio, .healthResults, .healthSurvey] }
}

extension Site {
    public static let allianceHealth = SiteRoute<UUID>("/alliances/:id/health")
    public static let healthWave = SiteRoute<(UUID, UUID)>("/alliances/:id/health/:wave")
    public static let healthWaveCSV = SiteRoute<(UUID, UUID)>("/alliances/:id/health/:wave/results.csv")
    public static let healthWaveStatus = SiteRoute<(UUID, UUID)>("/alliances/:id/health/:wave/status")
    public static let healthActions = SiteRoute<(UUID, UUID)>("/alliances/:id/health/:wave/actions")
    public static let healthAction = SiteRoute<(UUID, UUID, UUID)>("/alliances/:id/health/:wave/actions/:action")
    public static let healthPortfolio = SiteRoute<Void>("/health")
    public static let instruments = SiteRoute<Void>("/admin/instruments")
    public static let instrument = SiteRoute<String>("/admin/instruments/:key")
    public static let survey = SiteRoute<String>("/survey/:token")
}

extension Notice {
    public static let actionAdded = Notice("action-added", "Action added to the plan.")
    public static let actionUpdated = Notice("action-updated", "Action updated.")
    public static let waveClosed = Notice("wave-closed", "The wave is closed; its links no longer take answers.")
    public static let waveOpen = Notice("wave-open", "The wave is open again until its close date.")
    public static let waveReviewed = Notice("wave-reviewed", "The wave is marked reviewed.")
    public static let instrumentSaved = Notice("instrument-saved", "Instrument saved.")
    public static let instrumentVersioned = Notice(
        "instrument-versioned", "Saved as a new version; waves already sent keep the version they used.")

    /// After a health wave's status changes.
    public static func wave(_ status: WaveStatus) -> Notice {
        switch status {
        case .closed: waveClosed
        case .open: waveOpen
        case .reviewed: waveReviewed
        }
    }
}

extension Template {
    static let healthIndex = Template("health/index")
    static let healthInstrument = Template("health/instrument")
    static let healthInstruments = Template("health/instruments")
    static let healthPortfolio = Template("health/portfolio")
    static let healthResults = Template("health/results")
    static let healthSurvey = Template("health/survey")
}

/// The path parameters of the feature's API operations.
extension APIParameter {
    static let action = path("actionId", "The action's id")
    static let wave = path("waveId", "The wave's id")
}
