import AccordCore
import Foundation

/// A culture profile; for a partner, side by side with ours (differences highlighted), the differences log and the
/// synergy road map by quarter.
struct CulturePage: PageModel {
    /// Where the breadcrumb or form leads (the route table, not a path written in the template).
    let organizationsHref = Site.organizations.pattern
    struct Tick: Sendable {
        let ours: Bool
        let theirs: Bool
    }
    struct ScaleRow: Sendable {
        let label: String
        let low: String
        let high: String
        let ours: String
        let theirs: String
        let gap: String
        let difference: Bool
        let ticks: [Tick]
        let field: String
        let id: String
        let options: [OptionModel]
    }
    struct Entry: Sendable {
        let anchor: String
        let difference: String
        let scale: String?
        let risk: String
        let leverage: String
        let owner: String
        let status: String
        let statusCode: String
        let due: String
        let overdue: Bool
        let action: String
        let version: Int
        let form: EntryForm
    }
    struct EntryForm: Sendable {
        let scaleOptions: [OptionModel]
        let ownerChoice: ChoiceInputModel
        let statusOptions: [OptionModel]
        let difference: String
        let risk: String
        let leverage: String
        let dueOn: String
    }
    struct Quarter: Sendable {
        let label: String
        let entries: [Entry]
    }
    let layout: LayoutModel
    let name: String
    let orgHref: String
    let isPartner: Bool
    let ourName: String
    let ourHref: String?
    let rows: [ScaleRow]
    let hasDifferences: Bool
    let comparisonSummary: String
    let factRows: [FactRow]
    struct FactRow: Sendable {
        let label: String
        let ours: String
        let theirs: String
    }
    let canEdit: Bool
    let profileAction: String
    let version: Int
    let timeZones: String
    let languages: String
    let workingNorms: String
    let entries: [Entry]
    let hasEntries: Bool
    let openCount: String
    let quarters: [Quarter]
    let hasRoadmap: Bool
    let unscheduled: [Entry]
    let hasUnscheduled: Bool
    let addAction: String
    let newEntry: EntryForm
    let errors: [String]
    let hasErrors: Bool
    let profileEmpty: Bool

    /// `posted` is a new log entry that was refused, as typed, with its owner as the name resolved.
    init(
        layout: LayoutModel, state: CultureService.CultureState, owners: CultureService.OwnerChoices, today: LocalDate, canEdit: Bool,
        form: FormData?, posted: (input: DifferenceInput, owner: ChoiceField)?, errors: [FieldError]
    ) {
        self.layout = layout
        let org = state.organization
        name = org.name
        orgHref = Site.organization.path(org.id)
        isPartner = org.kind == .partner
        ourName = state.ours?.name ?? "Our company"
        ourHref = isPartner ? state.ours.map { Site.culture.path($0.id) } : nil
        self.canEdit = canEdit
        profileAction = Site.culture.path(org.id)
        addAction = Site.cultureDifferences.path(org.id)
        let profile = state.profile
        profileEmpty = profile.isEmpty
        version = profile.version
        let typedProfile = form?["timeZones"] != nil
        timeZones = typedProfile ? form?["timeZones"] ?? "" : profile.timeZones ?? ""
        languages = typedProfile ? form?["languages"] ?? "" : profile.languages ?? ""
        workingNorms = typedProfile ? form?["workingNorms"] ?? "" : profile.workingNorms ?? ""
        let ours = state.ourProfile
        let comparisons = ours.map { CultureComparison.compare(ours: $0, theirs: profile) } ?? []
        rows = CultureScale.allCases.map { scale in
            let mine = ours?.scores[scale]
            let theirs = profile.scores[scale]
            let comparison = comparisons.first { $0.scale == scale }
            let selected = typedProfile ? form?["score.\(scale.rawValue)"] : theirs.map(String.init)
            return ScaleRow(
                label: scale.label, low: scale.poles.low, high: scale.poles.high, ours: mine.map(String.init) ?? "–",
                theirs: theirs.map(String.init) ?? "–", gap: comparison?.gap.map(String.init) ?? "–",
                difference: comparison?.isDifference ?? false,
                ticks: (1...5).map { Tick(ours: mine == $0, theirs: theirs == $0) }, field: "score.\(scale.rawValue)",
                id: "score-\(scale.rawValue)",
                options: [OptionModel(value: "", label: "Not assessed", selected: (selected ?? "").isEmpty)]
                    + (1...5).map { OptionModel(value: String($0), label: String($0), selected: selected == String($0)) })
        }
        let differenceCount = comparisons.filter(\.isDifference).count
        hasDifferences = differenceCount > 0
        comparisonSummary =
            differenceCount == 0
            ? "No scale differs by \(CultureComparison.threshold) points or more."
            : "\(differenceCount) scale\(differenceCount == 1 ? " differs" : "s differ") by \(CultureComparison.threshold) points or more: each belongs in the differences log with a plan."
        factRows = [
            FactRow(label: "Time zones", ours: ours?.timeZones ?? "–", theirs: profile.timeZones ?? "–"),
            FactRow(label: "Languages", ours: ours?.languages ?? "–", theirs: profile.languages ?? "–"),
            FactRow(label: "Working norms", ours: ours?.workingNorms ?? "–", theirs: profile.workingNorms ?? "–"),
        ]
        let names = state.ownerNames
        func entryForm(_ input: DifferenceInput?, anchor: String, posted: ChoiceField? = nil) -> EntryForm {
            let owner = input?.owner.flatMap(UUID.init(canonical:))
            let field =
                posted
                ?? .known(
                    id: owner, name: owner.flatMap { names[$0] }, few: owners.list?.map { ($0.id, $0.name) }, blank: owners.source.blank,
                    suggest: owners.source.suggest)
            return EntryForm(
                scaleOptions: OptionModel.list(CultureScale.self, selected: input?.scale, blank: "No particular scale"),
                ownerChoice: ChoiceInputModel(field, id: anchor + "-owner", name: "ownerID", label: "Owner", placeholder: "Type a name"),
                statusOptions: OptionModel.list(DifferenceStatus.self, selected: input?.status ?? DifferenceStatus.identified.rawValue),
                difference: input?.difference ?? "", risk: input?.risk ?? "", leverage: input?.leverage ?? "", dueOn: input?.dueOn ?? "")
        }
        func entry(_ d: CultureDifference) -> Entry {
            Entry(
                anchor: "difference-\(d.id.lowercaseText)", difference: d.difference, scale: d.scale?.label, risk: d.risk,
                leverage: d.leverage, owner: names[d.ownerID] ?? "Former colleague", status: d.status.label, statusCode: d.status.rawValue,
                due: d.dueOn?.description ?? "No date", overdue: d.isOverdue(today: today),
                action: Site.cultureDifference.path(org.id, d.id), version: d.version,
                form: entryForm(
                    DifferenceInput(
                        scale: d.scale?.rawValue, difference: d.difference, risk: d.risk, leverage: d.leverage,
                        owner: d.ownerID.canonicalText, status: d.status.rawValue, dueOn: d.dueOn?.description),
                    anchor: "difference-\(d.id.lowercaseText)"))
        }
        entries = state.differences.map(entry)
        hasEntries = !entries.isEmpty
        let open = state.differences.filter { $0.status.isOpen }.count
        openCount = "\(open) open of \(state.differences.count)"
        let roadmap = SynergyRoadmap(state.differences)
        quarters = roadmap.quarters.map { Quarter(label: $0.label, entries: $0.entries.map(entry)) }
        hasRoadmap = !quarters.isEmpty
        unscheduled = roadmap.unscheduled.map(entry)
        hasUnscheduled = !unscheduled.isEmpty
        newEntry = entryForm(posted?.input, anchor: "new", posted: posted?.owner)
        self.errors = errors.map(\.message)
        hasErrors = !errors.isEmpty
    }
}
