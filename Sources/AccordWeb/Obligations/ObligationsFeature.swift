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
}
