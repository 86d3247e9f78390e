import Hummingbird

/// Liveness, readiness, metrics and the static files.
struct OperationsFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        OperationsController(services: services).register(router)
    }
}
