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
}
