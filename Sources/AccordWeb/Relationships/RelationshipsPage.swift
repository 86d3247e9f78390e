import AccordCore
import Foundation

/// The relationship map page: the SVG map, gaps by level and function, the table of pairs and the form to add one.
struct RelationshipsPage: PageModel {
    /// Where the breadcrumb or form leads (the route table, not a path written in the template).
    let portfolioHref = Site.alliances.pattern
    struct Row: Sendable {
        let anchor: String
        let level: String
        let function: String
        let ours: String
        let theirs: String
        let cadence: String
        let lastContact: String
        let overdue: Bool
        let strength: Int
        let dots: String
        let notes: String?
        let contactAction: String
        let editAction: String
        let deleteAction: String
        let version: Int
        let form: PairForm
    }
    struct PairForm: Sendable {
        let ourChoice: ChoiceInputModel
        let theirChoice: ChoiceInputModel
        let levelOptions: [OptionModel]
        let functionOptions: [OptionModel]
        let cadenceOptions: [OptionModel]
        let strengthOptions: [OptionModel]
        let lastContact: String
        let notes: String
    }
    let layout: LayoutModel
    let allianceName: String
    let allianceHref: String
    let summary: String
    let map: String
    let levelGaps: String?
    let functionGaps: String?
    let hasGaps: Bool
    let rows: [Row]
    let hasRows: Bool
    let canManage: Bool
    let createAction: String
    let newPair: PairForm
    let today: String
    let errors: [String]
    let hasErrors: Bool

    init(
        layout: LayoutModel, alliance: Alliance, partner: Organization, ourName: String, state: RelationshipsService.RelationshipState,
        choices: RelationshipsService.PairChoices, today: LocalDate, canManage: Bool, typed: CounterpartInput?,
        posted: (ours: ChoiceField, theirs: ChoiceField)?, errors: [FieldError]
    ) {
        self.layout = layout
        allianceName = alliance.name
        allianceHref = Site.alliance.path(alliance.id)
        self.canManage = canManage
        createAction = Site.relationships.path(alliance.id)
        self.today = today.description
        let map = state.map
        let overdue = map.pairs.filter { $0.isContactOverdue(today: today) }.count
        summary =
            map.pairs.isEmpty
            ? "No counterpart pairs yet."
            : "\(map.pairs.count) pair\(map.pairs.count == 1 ? "" : "s") · average strength \(map.averageStrength.map { String($0) } ?? "–") of 5"
                + (overdue > 0 ? " · \(overdue) contact\(overdue == 1 ? "" : "s") overdue" : "")
        self.map = RelationshipMapSVG.svg(map, people: state.people, ours: ourName, partner: partner.name, today: today)
        levelGaps = map.levelGaps.isEmpty ? nil : "No pair at these levels: " + map.levelGaps.map(\.label).joined(separator: ", ") + "."
        functionGaps =
            map.functionGaps.isEmpty
            ? nil
            : "Functions \(alliance.phase.label.lowercased()) needs with no pair: " + map.functionGaps.map(\.label).joined(separator: ", ")
                + "."
        hasGaps = map.hasGaps
        func name(_ id: UUID) -> String { state.people[id]?.name ?? "Former person" }
        func listed(_ people: [Person]?) -> [(UUID, String)]? {
            people?.map { ($0.id, "\($0.name) (\($0.function.label), \($0.level.label))") }
        }
        func known(_ id: String?, _ list: [Person]?, _ source: ChoiceSource) -> ChoiceField {
            let id = id.flatMap(UUID.init(canonical:))
            return .known(
                id: id, name: id.flatMap { state.people[$0]?.name }, few: listed(list), blank: source.blank, suggest: source.suggest)
        }
        func form(_ input: CounterpartInput?, anchor: String, posted: (ours: ChoiceField, theirs: ChoiceField)? = nil) -> PairForm {
            let strength = input?.strength ?? "3"
            return PairForm(
                ourChoice: ChoiceInputModel(
                    posted?.ours ?? known(input?.ourPersonID, choices.ourList, choices.ours), id: anchor + "-ours", name: "ourPersonID",
                    label: "Our person", placeholder: "Type a name"),
                theirChoice: ChoiceInputModel(
                    posted?.theirs ?? known(input?.partnerPersonID, choices.theirList, choices.theirs), id: anchor + "-theirs",
                    name: "partnerPersonID", label: "Their person", placeholder: "Type a name"),
                levelOptions: OptionModel.list(Level.self, selected: input?.level, blank: "Our person's level"),
                functionOptions: OptionModel.list(BusinessFunction.self, selected: input?.function, blank: "Our person's function"),
                cadenceOptions: OptionModel.list(ContactCadence.self, selected: input?.cadence ?? ContactCadence.quarterly.rawValue),
                strengthOptions: (1...5).map { OptionModel(value: String($0), label: "\($0) of 5", selected: String($0) == strength) },
                lastContact: input?.lastContact ?? "", notes: input?.notes ?? "")
        }
        rows = map.pairs.map { pair in
            Row(
                anchor: "pair-\(pair.id.lowercaseText)", level: pair.level.label, function: pair.function.label,
                ours: name(pair.ourPersonID), theirs: name(pair.partnerPersonID), cadence: pair.cadence.label,
                lastContact: pair.lastContact?.description ?? "Never", overdue: pair.isContactOverdue(today: today),
                strength: pair.strength,
                dots: String(repeating: "●", count: pair.strength) + String(repeating: "○", count: 5 - pair.strength), notes: pair.notes,
                contactAction: Site.pairContact.path(alliance.id, pair.id), editAction: Site.editPair.path(alliance.id, pair.id),
                deleteAction: Site.deletePair.path(alliance.id, pair.id), version: pair.version,
                form: form(CounterpartInput(pair), anchor: "pair-\(pair.id.lowercaseText)"))
        }
        hasRows = !rows.isEmpty
        newPair = form(typed, anchor: "pair", posted: posted)
        self.errors = errors.map(\.message)
        hasErrors = !errors.isEmpty
    }
}
