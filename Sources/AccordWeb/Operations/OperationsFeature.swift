import AccordCore
import Hummingbird

/// Liveness, readiness, metrics and the static files.
struct OperationsFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        OperationsController(services: services).register(router)
    }
}

extension Site {
    public static let healthz = SiteRoute("/healthz")
    public static let readyz = SiteRoute("/readyz")
    public static let metrics = SiteRoute("/metrics")
    public static let stylesheet = SiteRoute("/static/accord.css")
    public static let script = SiteRoute("/static/accord.js")
}
