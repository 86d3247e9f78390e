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
            APIRoute(
                method: .get, path: o,
                doc: APIDoc(
                    "listObligations", "The alliance's obligations with their dated occurrences", parameters: [.alliance],
                    replies: [.json(200, APIModels.List<APIModels.ObligationModel>.self, "Every obligation the user may see")],
                    errors: [401, 404]),
                handler: obligations.list),
            APIRoute(
                method: .post, path: o,
                doc: APIDoc(
                    "createObligation", "Record an obligation", parameters: [.alliance], body: ObligationsAPI.obligationCreate,
                    replies: [.record(201, APIModels.ObligationModel.self, "Created")], errors: APIDoc.changeErrors),
                handler: obligations.create),
            APIRoute(
                method: .get, path: o + ".csv",
                doc: APIDoc(
                    "exportObligations", "Obligations as CSV, one row per occurrence", parameters: [.alliance], replies: [.csv()],
                    errors: [401, 404]), handler: obligations.csv),
            APIRoute(
                method: .get, path: o + "/{obligationId}",
                doc: APIDoc(
                    "getObligation", "One obligation", parameters: [.alliance, .obligation],
                    replies: [.record(200, APIModels.ObligationModel.self, "The obligation")], errors: [401, 404]), handler: obligations.get
            ),
            APIRoute(
                method: .put, path: o + "/{obligationId}",
                doc: APIDoc(
                    "updateObligation", "Replace an obligation's fields", parameters: [.alliance, .obligation],
                    body: ObligationsAPI.obligationUpdate,
                    replies: [.record(200, APIModels.ObligationModel.self, "Updated")], errors: APIDoc.changeErrors),
                handler: obligations.update),
            APIRoute(
                method: .put, path: o + "/{obligationId}/occurrences/{index}",
                doc: APIDoc(
                    "recordExecution", "Record what was executed for one occurrence", parameters: [.alliance, .obligation, .occurrence],
                    body: ObligationsAPI.executionSave, replies: [.record(200, APIModels.ObligationModel.self, "The obligation")],
                    errors: APIDoc.changeErrors),
                handler: obligations.execute),
            APIRoute(
                method: .get, path: a + "/triggers",
                doc: APIDoc(
                    "listTriggers", "The alliance's trigger events", parameters: [.alliance],
                    replies: [.json(200, APIModels.List<APIModels.TriggerModel>.self, "Every event")], errors: [401, 404]),
                handler: obligations.triggers),
            APIRoute(
                method: .post, path: a + "/triggers",
                doc: APIDoc(
                    "createTrigger", "Add a trigger event", parameters: [.alliance], body: ObligationsAPI.triggerCreate,
                    replies: [.record(201, APIModels.TriggerModel.self, "Created")], errors: APIDoc.changeErrors),
                handler: obligations.saveTrigger),
            APIRoute(
                method: .put, path: a + "/triggers/{triggerId}",
                doc: APIDoc(
                    "updateTrigger", "Rename an event or record its date; dependent due dates follow",
                    parameters: [.alliance, .triggerEvent], body: ObligationsAPI.triggerUpdate,
                    replies: [.record(200, APIModels.TriggerModel.self, "Updated")],
                    errors: APIDoc.changeErrors), handler: obligations.saveTrigger),
        ].tagged("Obligations")
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

/// The path parameters of the feature's API operations.
extension APIParameter {
    static let obligation = path("obligationId", "The obligation's id")
    static let occurrence = path("index", "The occurrence, from 0", .integer(min: 0, max: 9_999))
    static let triggerEvent = path("triggerId", "The trigger event's id")
}
