import AccordCore
import Foundation
import Hummingbird

/// Joint goals and KPIs with their measurements, status and CSV.
struct GoalsFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        GoalsController(views: services.views, goals: GoalsService(services.store)).register(router)
    }

    func apiRoutes(_ services: Services) -> [APIRoute] {
        let goals = GoalsAPI(goals: GoalsService(services.store))
        let a = APIRoutes.prefix + "/alliances/{id}"
        return [
            APIRoute(method: .get, path: a + "/goals", handler: goals.goals),
            APIRoute(method: .post, path: a + "/goals", handler: goals.addGoal),
            APIRoute(method: .post, path: a + "/goals/{goalId}/status", handler: goals.setGoalStatus),
            APIRoute(method: .get, path: a + "/kpis", handler: goals.kpis),
            APIRoute(method: .post, path: a + "/kpis", handler: goals.addKPI),
            APIRoute(method: .get, path: a + "/kpis.csv", handler: goals.csv),
            APIRoute(method: .post, path: a + "/kpis/{kpiId}/measurements", handler: goals.record),
        ]
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoGoals.load(demo) }

    var notices: [Notice] { [.goalAdded, .goalUpdated, .kpiAdded, .measurementRecorded] }

    var templates: [Template] { [.goalsIndex] }
}

extension Site {
    public static let goals = SiteRoute<UUID>("/alliances/:id/goals")
    public static let goalStatus = SiteRoute<(UUID, UUID)>("/alliances/:id/goals/:goal/status")
    public static let kpis = SiteRoute<UUID>("/alliances/:id/kpis")
    public static let kpisCSV = SiteRoute<UUID>("/alliances/:id/kpis.csv")
    public static let kpiMeasurements = SiteRoute<(UUID, UUID)>("/alliances/:id/kpis/:kpi/measurements")
}

extension Notice {
    public static let goalAdded = Notice("goal-added", "Goal added.")
    public static let goalUpdated = Notice("goal-updated", "Goal status saved.")
    public static let kpiAdded = Notice("kpi-added", "KPI added.")
    public static let measurementRecorded = Notice("measurement-recorded", "Measurement recorded.")
}

extension Template {
    static let goalsIndex = Template("goals/index")
}
