import AccordCore
import AccordStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Builds the router: middleware in order, then every controller's routes.
public func buildRouter(_ services: Services) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: services.metrics))
    router.add(middleware: RequestLogMiddleware(level: .info))
    router.add(middleware: SecurityHeadersMiddleware(secure: services.config.secureCookies))
    router.add(middleware: SessionMiddleware(services: services))
    router.add(middleware: ErrorPageMiddleware(views: services.views))
    OperationsController(services: services).register(router)
    AuthController(services: services).register(router)
    AlliancesController(services: services).register(router)
    OrganizationsController(services: services).register(router)
    PeopleController(services: services).register(router)
    UsersController(services: services).register(router)
    TokensController(services: services).register(router)
    HealthController(services: services).register(router)
    HealthPortfolioController(services: services).register(router)
    InstrumentsController(services: services).register(router)
    GovernanceController(services: services).register(router)
    MeetingsController(services: services).register(router)
    DecisionsController(services: services).register(router)
    ActionItemsController(services: services).register(router)
    CalendarController(services: services).register(router)
    GovernancePortfolioController(services: services).register(router)
    ObligationsController(services: services).register(router)
    ObligationPortfolioController(services: services).register(router)
    ObligationImportController(services: services).register(router)
    RemindersController(services: services).register(router)
    GoalsController(services: services).register(router)
    LifecycleController(services: services).register(router)
    IssuesController(services: services).register(router)
    RelationshipsController(services: services).register(router)
    CultureController(services: services).register(router)
    PlaybooksController(services: services).register(router)
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
