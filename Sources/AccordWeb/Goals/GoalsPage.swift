import AccordCore
import Foundation

/// The goals and KPIs page: goals with their owners and status, each KPI with its latest value, status and trend.
struct GoalsPage: PageModel {
    /// Where the breadcrumb or form leads (the route table, not a path written in the template).
    let portfolioHref = Site.alliances.pattern
    struct GoalRow: Sendable {
        let title: String
        let term: String
        let owner: String
        let status: String
        let statusCode: String
        let action: String
        let options: [OptionModel]
        let kpis: [KPIRow]
        let hasKPIs: Bool
        /// False for the group of KPIs without a goal.
        let isGoal: Bool
    }
    struct KPIRow: Sendable {
        let name: String
        let category: String
        let target: String
        let direction: String
        let latest: String
        let status: String
        let statusCode: String
        let chart: String
        let action: String
        let anchor: String
    }
    let layout: LayoutModel
    let allianceName: String
    let allianceHref: String
    let csvHref: String
    var goals: [GoalRow]
    let isEmpty: Bool
    let canManage: Bool
    let goalAction: String
    let kpiAction: String
    let termOptions: [OptionModel]
    let ownerOptions: [OptionModel]
    let categoryOptions: [OptionModel]
    let directionOptions: [OptionModel]
    let goalOptions: [OptionModel]
    let hasGoals: Bool
    let errors: [String]
    let hasErrors: Bool
    let today: String
    let balance: String

    init(
        layout: LayoutModel, alliance: Alliance, goals: [Goal], kpis: [KPI], measurements: [UUID: [KPIMeasurement]],
        team: [(person: Person, side: Side)], today: LocalDate, canManage: Bool, errors: [FieldError]
    ) {
        self.layout = layout
        allianceName = alliance.name
        allianceHref = Site.alliance.path(alliance.id)
        csvHref = Site.kpisCSV.path(alliance.id)
        let names = Dictionary(team.map { ($0.person.id, "\($0.person.name) (\($0.side.label))") }, uniquingKeysWith: { a, _ in a })
        func row(_ kpi: KPI) -> KPIRow {
            let series = measurements[kpi.id] ?? []
            let status = KPIRules.status(kpi, latest: series.last)
            return KPIRow(
                name: kpi.name, category: kpi.category.label, target: "\(KPIRules.text(kpi.target)) \(kpi.unit)",
                direction: kpi.direction.label,
                latest: series.last.map { "\(KPIRules.text($0.value)) \(kpi.unit) on \($0.on)" } ?? "No measurement yet",
                status: status.label, statusCode: status.rawValue, chart: KPIChart.svg(kpi, series),
                action: Site.kpiMeasurements.path(alliance.id, kpi.id), anchor: "kpi-\(kpi.id.lowercaseText)")
        }
        self.goals = goals.map { goal in
            let mine = kpis.filter { $0.goalID == goal.id }.map(row)
            return GoalRow(
                title: goal.title, term: goal.term.label, owner: names[goal.ownerID] ?? "Former team member", status: goal.status.label,
                statusCode: goal.status.rawValue, action: Site.goalStatus.path(alliance.id, goal.id),
                options: OptionModel.list(GoalStatus.self, selected: goal.status.rawValue), kpis: mine, hasKPIs: !mine.isEmpty, isGoal: true
            )
        }
        let loose = kpis.filter { $0.goalID == nil }.map(row)
        if !loose.isEmpty {
            self.goals.append(
                GoalRow(
                    title: "KPIs without a goal", term: "", owner: "", status: "", statusCode: "", action: "", options: [], kpis: loose,
                    hasKPIs: true, isGoal: false))
        }
        isEmpty = goals.isEmpty && kpis.isEmpty
        self.canManage = canManage
        goalAction = Site.goals.path(alliance.id)
        kpiAction = Site.kpis.path(alliance.id)
        termOptions = OptionModel.list(GoalTerm.self, selected: nil, blank: "Choose a term")
        ownerOptions = OptionModel.ids(
            team.map { ($0.person.id, names[$0.person.id] ?? $0.person.name) }, selected: nil, blank: "Choose an owner")
        categoryOptions = OptionModel.list(KPICategory.self, selected: nil, blank: "Choose a category")
        directionOptions = OptionModel.list(KPIDirection.self, selected: KPIDirection.higherIsBetter.rawValue)
        goalOptions = OptionModel.ids(goals.map { ($0.id, $0.title) }, selected: nil, blank: "No goal")
        hasGoals = !goals.isEmpty
        self.errors = errors.map(\.message)
        hasErrors = !errors.isEmpty
        self.today = today.description
        let counts = Dictionary(grouping: kpis, by: \.category).mapValues(\.count)
        balance =
            kpis.isEmpty
            ? ""
            : KPICategory.allCases.map { "\($0.label) \(counts[$0] ?? 0)" }.joined(separator: " · ")
                + (KPICategory.allCases.contains { counts[$0] == nil } ? ". Practitioners balance all four." : ".")
    }
}

/// A small SVG line of a KPI's measurements with its target as a dashed line; the numbers are in the row beside it.
enum KPIChart {
    static func svg(_ kpi: KPI, _ series: [KPIMeasurement]) -> String {
        guard series.count >= 2 else { return "" }
        let (w, h, pad) = (220.0, 60.0, 6.0)
        let values = series.map { Double($0.value) } + [Double(kpi.target)]
        let (low, high) = (values.min()!, values.max()!)
        let span = max(high - low, 1)
        func y(_ v: Double) -> Double { pad + (h - 2 * pad) * (1 - (v - low) / span) }
        let step = (w - 2 * pad) / Double(series.count - 1)
        let points = series.enumerated().map { String(format: "%.1f,%.1f", pad + Double($0.offset) * step, y(Double($0.element.value))) }
        let target = String(format: "%.1f", y(Double(kpi.target)))
        let desc = series.map { "\($0.on): \(KPIRules.text($0.value))" }.joined(separator: "; ")
        return """
            <svg class="kpi-trend" viewBox="0 0 \(Int(w)) \(Int(h))" width="\(Int(w))" height="\(Int(h))" role="img" aria-labelledby="t-\(kpi.id.lowercaseText)"><title id="t-\(kpi.id.lowercaseText)">Trend of \(SVGText.escape(kpi.name)) against a target of \(KPIRules.text(kpi.target)) \(SVGText.escape(kpi.unit))</title><desc>\(SVGText.escape(desc))</desc><line x1="\(pad)" x2="\(w - pad)" y1="\(target)" y2="\(target)" class="target"/><polyline points="\(points.joined(separator: " "))" class="line"/>\(points.map { "<circle cx=\"\($0.split(separator: ",")[0])\" cy=\"\($0.split(separator: ",")[1])\" r=\"2.5\" class=\"dot\"/>" }.joined())</svg>
            """
    }
}
