import AccordCore
import Hummingbird

/// Liveness, readiness, metrics and the static files.
struct OperationsFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        OperationsController(services: services).register(router)
    }
}

extension Site {
    public static let healthz = SiteRoute<Void>("/healthz")
    public static let readyz = SiteRoute<Void>("/readyz")
    public static let metrics = SiteRoute<Void>("/metrics")
    public static let stylesheet = SiteRoute<Void>("/static/accord.css")
    public static let script = SiteRoute<Void>("/static/accord.js")
}
