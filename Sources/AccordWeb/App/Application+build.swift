import AccordCore
import AccordStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Builds the router: middleware in order, then every feature's pages and API operations.
public func buildRouter(_ services: Services) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: services.metrics))
    router.add(middleware: RequestLogMiddleware(level: .info))
    router.add(middleware: SecurityHeadersMiddleware(secure: services.config.secureCookies))
    router.add(middleware: SessionMiddleware(signIn: SignInService(services), secureCookies: services.config.secureCookies))
    router.add(middleware: ErrorPageMiddleware(views: services.views))
    for feature in Features.all { feature.registerPages(on: router, services) }
    APIRoutes.register(router, services)
    return router
}

/// The whole web application on the configured host and port.
public func buildApplication(_ services: Services, logger: Logger) -> some ApplicationProtocol {
    // A service that returns stops the server, so with reminders off (interval 0) there is no scheduler at all.
    let scheduler: [any Service] =
        services.config.reminderInterval > 0 ? [ReminderScheduler(services: services, logger: logger)] : []
    if scheduler.isEmpty { logger.info("reminder scheduler off (ACCORD_REMINDER_INTERVAL=0)") }
    return Application(
        router: buildRouter(services),
        // The idle timeout also bounds how long a request's headers may take to arrive.
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(services.config.idleTimeout)))),
        configuration: .init(address: .hostname(services.config.hostname, port: services.config.port), serverName: "Accord"),
        services: scheduler,
        logger: logger)
}
