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
            APIRoute(method: .get, path: p + "/health/instruments", handler: health.instruments),
            APIRoute(method: .post, path: p + "/health/instruments", handler: health.saveInstrument),
            APIRoute(method: .get, path: p + "/health/instruments/{id}", handler: health.instrument),
            APIRoute(method: .get, path: p + "/alliances/{id}/health/waves", handler: health.waves),
            APIRoute(method: .post, path: p + "/alliances/{id}/health/waves", handler: health.openWave),
            APIRoute(method: .get, path: wave, handler: health.wave),
            APIRoute(method: .post, path: wave + "/status", handler: health.setStatus),
            APIRoute(method: .get, path: wave + "/results", handler: health.results),
            APIRoute(method: .get, path: wave + "/results.csv", handler: health.csv),
            APIRoute(method: .get, path: wave + "/actions", handler: health.actions),
            APIRoute(method: .post, path: wave + "/actions", handler: health.addAction),
            APIRoute(method: .put, path: wave + "/actions/{actionId}", handler: health.updateAction),
        ]
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
