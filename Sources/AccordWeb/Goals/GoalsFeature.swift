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
            APIRoute(
                method: .get, path: a + "/goals",
                doc: APIDoc(
                    "listGoals", "The alliance's joint goals", parameters: [.alliance],
                    replies: [.json(200, APIModels.List<APIModels.GoalModel>.self, "Every goal")],
                    errors: [401, 404]), handler: goals.goals),
            APIRoute(
                method: .post, path: a + "/goals",
                doc: APIDoc(
                    "createGoal", "Add a goal", parameters: [.alliance], body: GoalsAPI.goalCreate,
                    replies: [.record(201, APIModels.GoalModel.self, "Created")],
                    errors: APIDoc.changeErrors), handler: goals.addGoal),
            APIRoute(
                method: .post, path: a + "/goals/{goalId}/status",
                doc: APIDoc(
                    "setGoalStatus", "Set a goal's status", parameters: [.alliance, .goal], body: GoalsAPI.goalStatusChange,
                    replies: [.record(200, APIModels.GoalModel.self, "The goal")], errors: APIDoc.changeErrors),
                handler: goals.setGoalStatus),
            APIRoute(
                method: .get, path: a + "/kpis",
                doc: APIDoc(
                    "listKPIs", "KPIs with their measurements and status", parameters: [.alliance],
                    replies: [.json(200, APIModels.List<APIModels.KPIModel>.self, "Every KPI")], errors: [401, 404]), handler: goals.kpis),
            APIRoute(
                method: .post, path: a + "/kpis",
                doc: APIDoc(
                    "createKPI", "Add a KPI", parameters: [.alliance], body: GoalsAPI.kpiCreate,
                    replies: [.record(201, APIModels.KPIModel.self, "Created")],
                    errors: APIDoc.changeErrors), handler: goals.addKPI),
            APIRoute(
                method: .get, path: a + "/kpis.csv",
                doc: APIDoc(
                    "exportKPIs", "KPIs as CSV, one row per measurement", parameters: [.alliance], replies: [.csv()], errors: [401, 404]),
                handler: goals.csv),
            APIRoute(
                method: .post, path: a + "/kpis/{kpiId}/measurements",
                doc: APIDoc(
                    "recordMeasurement", "Record a dated measurement", parameters: [.alliance, .KPI], body: GoalsAPI.measurementSave,
                    replies: [.record(200, APIModels.KPIModel.self, "The KPI with its measurements")], errors: APIDoc.changeErrors),
                handler: goals.record),
        ].tagged("Goals")
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

/// The path parameters of the feature's API operations.
extension APIParameter {
    static let KPI = path("kpiId", "The KPI's id")
    static let goal = path("goalId", "The goal's id")
}
