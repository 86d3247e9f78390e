import AccordCore
import Foundation

/// One wave's aggregated results: charts with their numbers, trends, the action plan and its follow-up.
struct HealthResultsPage: PageModel {
    /// Where the breadcrumb or form leads (the route table, not a path written in the template).
    let portfolioHref = Site.alliances.pattern
    struct Row: Sendable {
        let name: String
        let ours: String
        let oursSpread: String
        let partner: String
        let partnerSpread: String
        let gap: String
        let flagged: Bool
        let needsAction: Bool
    }
    struct Rate: Sendable {
        let side: String
        let function: String
        let answered: Int
        let invited: Int
    }
    struct TrendChart: Sendable {
        let name: String
        let svg: String
    }
    struct TrendRow: Sendable {
        let name: String
        let cells: [String]
    }
    struct WaveLabel: Sendable {
        let number: Int
        let title: String
    }
    struct ActionRow: Sendable {
        let title: String
        let dimension: String
        let owner: String
        let due: String
        let overdue: Bool
        let status: String
        let statusOptions: [OptionModel]
        let action: String
        let dimensionKey: String
        let ownerID: String
        let version: Int
    }
    struct FollowUpRow: Sendable {
        let title: String
        let dimension: String
        let status: String
        let ours: String
        let partner: String
    }

    let layout: LayoutModel
    let title: String
    let allianceName: String
    let allianceHref: String
    let backHref: String
    let dates: String
    let status: String
    let band: String
    let bandCode: String
    let overall: String
    let oursOverall: String
    let partnerOverall: String
    let minimumGroupSize: Int
    let gapThreshold: String
    let functionOptions: [OptionModel]
    let functionLabel: String?
    let formAction: String
    let csvHref: String
    let rows: [Row]
    let radar: String
    let gapChart: String
    let rates: [Rate]
    let comments: [String]
    let hasComments: Bool
    let waveLabels: [WaveLabel]
    let trendCharts: [TrendChart]
    let trendRows: [TrendRow]
    let hasTrend: Bool
    let actions: [ActionRow]
    let hasActions: Bool
    let missing: [String]
    let hasMissing: Bool
    let followUps: [FollowUpRow]
    let hasFollowUps: Bool
    let previousTitle: String
    let actionForm: ActionForm
    let statusAction: String
    let canClose: Bool
    let canReopen: Bool
    let canReview: Bool

    struct ActionForm: Sendable {
        let action: String
        let dimensionOptions: [OptionModel]
        let ownerOptions: [OptionModel]
        let title: String
        let dueOn: String
        let errors: [FieldError]
        let hasErrors: Bool
    }

    struct Inputs {
        let alliance: Alliance
        let wave: HealthWave
        let instrument: Instrument
        let results: WaveResults
        let function: BusinessFunction?
        let rates: [ResponseRate]
        let series: [(wave: HealthWave, results: WaveResults)]
        let actions: [HealthAction]
        let previousActions: [HealthAction]
        let team: [(person: Person, side: Side)]
        let settings: HealthSettings
        let today: LocalDate
        let actionInput: HealthActionInput
        let actionErrors: [FieldError]
    }

    init(layout: LayoutModel, _ inputs: Inputs) {
        let wave = inputs.wave
        let results = inputs.results
        let allianceID = inputs.alliance.id
        self.layout = layout
        title = wave.title
        allianceName = inputs.alliance.name
        allianceHref = Site.alliance.path(allianceID)
        backHref = Site.allianceHealth.path(allianceID)
        dates = "\(wave.opensOn) to \(wave.closesOn)"
        let current = wave.status(on: inputs.today)
        status = current.label
        band = results.band?.label ?? "Not enough answers yet"
        bandCode = results.band?.rawValue ?? "none"
        overall = Self.number(results.overall)
        oursOverall = Self.number(results.oursOverall)
        partnerOverall = Self.number(results.partnerOverall)
        minimumGroupSize = inputs.settings.minimumGroupSize
        gapThreshold = String(format: "%.1f", inputs.settings.gapThreshold)
        let functions = Set(inputs.rates.map(\.function)).sorted { $0.label < $1.label }
        functionOptions =
            [OptionModel(value: "", label: "All functions", selected: inputs.function == nil)]
            + functions.map { OptionModel(value: $0.rawValue, label: $0.label, selected: $0 == inputs.function) }
        functionLabel = inputs.function?.label
        formAction = Site.healthWave.path(allianceID, wave.id)
        csvHref = Site.healthWaveCSV.path(allianceID, wave.id)
        rows = results.dimensions.map {
            Row(
                name: $0.name, ours: Self.score($0.ours), oursSpread: Self.spread($0.ours), partner: Self.score($0.partner),
                partnerSpread: Self.spread($0.partner), gap: $0.gap.map { String(format: "%+.2f", $0) } ?? "—", flagged: $0.gapFlagged,
                needsAction: $0.needsAction)
        }
        let scope = inputs.function.map { " (\($0.label))" } ?? ""
        radar = HealthCharts.radar(id: "radar", title: "Scores by dimension, both sides\(scope)", results.dimensions)
        gapChart = HealthCharts.gapBars(
            id: "gaps", title: "Perception gap by dimension\(scope)", results.dimensions, threshold: inputs.settings.gapThreshold)
        rates = inputs.rates.map { .init(side: $0.side.label, function: $0.function.label, answered: $0.answered, invited: $0.invited) }
        comments = results.comments
        hasComments = !results.comments.isEmpty

        waveLabels = inputs.series.enumerated().map { WaveLabel(number: $0.offset + 1, title: $0.element.wave.title) }
        let trend = HealthTrend.series(inputs.series.enumerated().map { (label: "Wave \($0.offset + 1)", results: $0.element.results) })
        trendCharts = inputs.instrument.dimensions.compactMap { dimension in
            guard let points = trend[dimension.key] else { return nil }
            return TrendChart(
                name: dimension.name,
                svg: HealthCharts.trend(id: "trend-\(dimension.key)", title: "\(dimension.name) across waves", points))
        }
        trendRows = inputs.instrument.dimensions.map { dimension in
            TrendRow(
                name: dimension.name,
                cells: (trend[dimension.key] ?? []).map { "\(Self.number($0.ours)) / \(Self.number($0.partner))" })
        }
        hasTrend = inputs.series.count > 1

        let people = Dictionary(inputs.team.map { ($0.person.id, $0) }, uniquingKeysWith: { a, _ in a })
        let names = Dictionary(inputs.instrument.dimensions.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        func owner(_ id: UUID) -> String {
            guard let entry = people[id] else { return "No longer on the team" }
            return "\(entry.person.name) (\(entry.side.label))"
        }
        actions = inputs.actions.map { action in
            ActionRow(
                title: action.title, dimension: names[action.dimensionKey] ?? action.dimensionKey, owner: owner(action.ownerID),
                due: action.dueOn.description, overdue: action.dueOn < inputs.today && action.status != .done && action.status != .dropped,
                status: action.status.label, statusOptions: OptionModel.list(ActionStatus.self, selected: action.status.rawValue),
                action: Site.healthAction.path(allianceID, wave.id, action.id), dimensionKey: action.dimensionKey,
                ownerID: action.ownerID.lowercaseText, version: action.version)
        }
        hasActions = !actions.isEmpty
        missing = inputs.function == nil ? HealthReview.missingActions(results, inputs.actions).map(\.name) : []
        hasMissing = !missing.isEmpty

        let previous = inputs.series.count > 1 ? inputs.series[inputs.series.count - 2] : nil
        previousTitle = previous?.wave.title ?? ""
        if let previous {
            followUps = HealthReview.followUp(inputs.previousActions, previous: previous.results, current: inputs.series.last!.results).map
            {
                FollowUpRow(
                    title: $0.action.title, dimension: names[$0.action.dimensionKey] ?? $0.action.dimensionKey,
                    status: $0.action.status.label, ours: Self.movement($0.ours), partner: Self.movement($0.partner))
            }
        } else {
            followUps = []
        }
        hasFollowUps = !followUps.isEmpty

        let flagged = results.dimensions.first { $0.needsAction }?.key
        actionForm = ActionForm(
            action: Site.healthActions.path(allianceID, wave.id),
            dimensionOptions: results.dimensions.map {
                OptionModel(
                    value: $0.key, label: $0.name + ($0.needsAction ? " (needs action)" : ""),
                    selected: $0.key == (inputs.actionInput.dimension ?? flagged))
            },
            ownerOptions: [OptionModel(value: "", label: "Choose an owner", selected: (inputs.actionInput.owner ?? "").isEmpty)]
                + inputs.team.sorted { $0.person.name < $1.person.name }.map {
                    OptionModel(
                        value: $0.person.id.lowercaseText, label: "\($0.person.name) (\($0.side.label))",
                        selected: $0.person.id.lowercaseText == inputs.actionInput.owner?.lowercased())
                }, title: inputs.actionInput.title ?? "", dueOn: inputs.actionInput.dueOn ?? "", errors: inputs.actionErrors,
            hasErrors: !inputs.actionErrors.isEmpty)
        statusAction = Site.healthWaveStatus.path(allianceID, wave.id)
        canClose = current == .open
        canReopen = current == .closed && wave.status == .closed && inputs.today <= wave.closesOn
        canReview = current == .closed
    }

    static func score(_ result: GroupResult) -> String {
        switch result {
        case .shown(let score): String(format: "%.2f (n=%d)", score.mean, score.respondents)
        case .hidden(let count): count == 0 ? "no answers" : "hidden (too few answers)"
        }
    }

    /// How the scores spread over 1-5, as a tiny bar chart labelled with the counts.
    static func spread(_ result: GroupResult) -> String {
        guard let score = result.score else { return "" }
        return HealthCharts.distribution(score.distribution)
    }

    static func number(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "—" }
    static func movement(_ value: Double?) -> String { value.map { String(format: "%+.2f", $0) } ?? "not shown" }
}
