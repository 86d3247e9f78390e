import AccordCore
import Foundation
import Hummingbird

/// Payments and duties with their due dates, trigger events, executions, CSV import and export, reminders, and
/// money in and out across the portfolio.
struct ObligationsFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        let reminders = ReminderService(services)
        let obligations = reminders.obligations
        ObligationsController(views: services.views, obligations: obligations).register(router)
        ObligationPortfolioController(views: services.views, obligations: obligations).register(router)
        ObligationImportController(views: services.views, obligations: obligations).register(router)
        RemindersController(views: services.views, reminders: reminders).register(router)
    }

    func apiRoutes(_ services: Services) -> [APIRoute] {
        let obligations = ObligationsAPI(obligations: ObligationsService(services.store))
        let a = APIRoutes.prefix + "/alliances/{id}"
        let o = a + "/obligations"
        return [
            APIRoute(method: .get, path: o, handler: obligations.list),
            APIRoute(method: .post, path: o, handler: obligations.create),
            APIRoute(method: .get, path: o + ".csv", handler: obligations.csv),
            APIRoute(method: .get, path: o + "/{obligationId}", handler: obligations.get),
            APIRoute(method: .put, path: o + "/{obligationId}", handler: obligations.update),
            APIRoute(method: .put, path: o + "/{obligationId}/occurrences/{index}", handler: obligations.execute),
            APIRoute(method: .get, path: a + "/triggers", handler: obligations.triggers),
            APIRoute(method: .post, path: a + "/triggers", handler: obligations.saveTrigger),
            APIRoute(method: .put, path: a + "/triggers/{triggerId}", handler: obligations.saveTrigger),
        ]
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoObligations.load(demo) }

    var notices: [Notice] { [.obligationAdded, .obligationUpdated, .executionSaved, .remindersSaved, .notificationsRead, .triggerSaved] }

    var templates: [Template] { [.obligationsImport, .obligationsIndex, .obligationsPortfolio, .obligationsReminders] }
}

extension Site {
    public static let obligationPortfolio = SiteRoute<Void>("/obligations")
    public static let obligations = SiteRoute<UUID>("/alliances/:id/obligations")
    public static let obligationsCSV = SiteRoute<UUID>("/alliances/:id/obligations.csv")
    public static let newObligation = SiteRoute<UUID>("/alliances/:id/obligations/new")
    public static let importObligations = SiteRoute<UUID>("/alliances/:id/obligations/import")
    public static let editObligation = SiteRoute<(UUID, UUID)>("/alliances/:id/obligations/:obligation/edit")
    public static let obligationReminders = SiteRoute<(UUID, UUID)>("/alliances/:id/obligations/:obligation/reminders")
    public static let readNotifications = SiteRoute<Void>("/my/notifications/read")
    public static let obligationOccurrence = SiteRoute<(UUID, UUID, Int)>("/alliances/:id/obligations/:obligation/occurrences/:n")
    public static let triggers = SiteRoute<UUID>("/alliances/:id/triggers")
    public static let trigger = SiteRoute<(UUID, UUID)>("/alliances/:id/triggers/:trigger")
}

extension Notice {
    public static let obligationAdded = Notice("obligation-added", "Obligation added.")
    public static let obligationUpdated = Notice("obligation-updated", "Obligation saved.")
    public static let executionSaved = Notice("execution-saved", "Execution recorded.")
    public static let remindersSaved = Notice("reminders-saved", "Reminders saved.")
    public static let notificationsRead = Notice("notifications-read", "Notifications marked as read.")
    public static let triggerSaved = Notice("trigger-saved", "Event saved. Due dates that depend on it follow its date.")

    /// "3 obligations imported." after a CSV import.
    public static func obligationsImported(_ count: Int) -> Notice {
        Notice("obligations-imported-\(count)", count == 1 ? "1 obligation imported." : "\(count) obligations imported.")
    }
}

extension Template {
    static let obligationsImport = Template("obligations/import")
    static let obligationsIndex = Template("obligations/index")
    static let obligationsPortfolio = Template("obligations/portfolio")
    static let obligationsReminders = Template("obligations/reminders")
}
