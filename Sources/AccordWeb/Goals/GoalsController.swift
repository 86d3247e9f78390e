import AccordCore
import Foundation
import Hummingbird

/// An alliance's joint goals and KPIs: add goals and KPIs, record measurements, see each KPI's status and trend,
/// export the KPIs as CSV.
struct GoalsController {
    let views: Views
    let goals: GoalsService

    func register(_ router: Router<AppContext>) {
        router.get(Site.goals) { request, context in
            let (user, alliance) = try await goals.access.page(context)
            return try await page(context, alliance, user: user, notice: LayoutModel.notice(request.queryValues["notice"]))
        }
        router.get(Site.kpisCSV) { _, context in
            let (_, alliance) = try await goals.access.page(context)
            return GoalsController.csvResponse(try await goals.kpiCSV(alliance))
        }
        router.post(Site.goals) { request, context in
            try await change(request, context, notice: .goalAdded) { form, alliance, user in
                _ = try await goals.addGoal(
                    GoalInput(title: form["title"], term: form["term"], owner: form["ownerID"], status: form["status"]), in: alliance,
                    by: user)
            }
        }
        router.post(Site.goalStatus) { request, context, ids in
            try await change(request, context, notice: .goalUpdated) { form, alliance, user in
                let goal = try await goals.goal(ids.1, of: alliance)
                try await goals.setGoalStatus(goal, to: form["status"], in: alliance, by: user)
            }
        }
        router.post(Site.kpis) { request, context in
            try await change(request, context, notice: .kpiAdded) { form, alliance, user in
                let input = KPIInput(
                    name: form["name"], category: form["category"], unit: form["unit"], target: form["target"],
                    direction: form["direction"],
                    goal: form["goalID"])
                _ = try await goals.addKPI(input, in: alliance, by: user)
            }
        }
        router.post(Site.kpiMeasurements) { request, context, ids in
            try await change(request, context, notice: .measurementRecorded) { form, alliance, user in
                let kpi = try await goals.kpi(ids.1, of: alliance)
                try await goals.recordMeasurement(
                    MeasurementInput(on: form["on"], value: form["value"], note: form["note"]), for: kpi, in: alliance, by: user)
            }
        }
    }

    static func csvResponse(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"kpis.csv\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A change from the goals page; field errors show at the top of the page with 422.
    func change(
        _ request: Request, _ context: AppContext, notice: Notice, _ apply: (FormData, Alliance, SignedIn) async throws -> Void
    ) async throws -> Response {
        try await goals.access.formChange(request, context, Permission.manageObligations, back: Site.goals, notice: notice, apply) {
            _, alliance, user, errors in
            try await page(context, alliance, user: user, notice: nil, errors: errors, status: .unprocessableContent)
        }
    }

    func page(
        _ context: AppContext, _ alliance: Alliance, user: SignedIn, notice: String?, errors: [FieldError] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let board = try await goals.board(alliance)
        let model = GoalsPage(
            layout: LayoutModel(title: "Goals and KPIs: \(alliance.name)", context: context, section: "alliances", notice: notice),
            alliance: alliance, goals: board.goals, kpis: board.kpis, measurements: board.measurements,
            team: try await goals.access.team(alliance), today: goals.today,
            canManage: AccessPolicy.allows(user.principal, .manageObligations(alliance.id)), errors: errors)
        return try views.page(model, .goalsIndex, status: status)
    }
}
