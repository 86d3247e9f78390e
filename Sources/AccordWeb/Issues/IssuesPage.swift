import AccordCore
import Foundation

/// The issue log: open issues with their ladder (days at each level against its limit), resolved issues, the form.
struct IssuesPage: PageModel {
    /// Where the breadcrumb or form leads (the route table, not a path written in the template).
    let portfolioHref = Site.alliances.pattern
    struct Rung: Sendable {
        let level: String
        let days: String
        let state: String
        let limit: String
    }
    struct Row: Sendable {
        let anchor: String
        let title: String
        let details: String?
        let severity: String
        let severityCode: String
        let owner: String
        let raised: String
        let visibility: String
        let level: String
        let overdue: Bool
        let clock: String
        let ladder: [Rung]
        let notes: [String]
        let hasNotes: Bool
        let nextLevel: String?
        let escalateAction: String
        let resolveAction: String
        let reopenAction: String
        let editAction: String
        let version: Int
        let resolution: String?
        let resolvedOn: String
        let severityOptions: [OptionModel]
        let ownerOptions: [OptionModel]
        let visibilityOptions: [OptionModel]
    }
    let layout: LayoutModel
    let allianceName: String
    let allianceHref: String
    let summary: String
    let limitsText: String
    let open: [Row]
    let hasOpen: Bool
    let resolved: [Row]
    let hasResolved: Bool
    let canManage: Bool
    let createAction: String
    let title: String
    let details: String
    let severityOptions: [OptionModel]
    let ownerOptions: [OptionModel]
    let visibilityOptions: [OptionModel]
    let errors: [String]
    let hasErrors: Bool

    init(
        layout: LayoutModel, alliance: Alliance, issues: [Issue], limits: EscalationLimits, team: [(person: Person, side: Side)],
        today: LocalDate, canManage: Bool, form: FormData?, errors: [FieldError]
    ) {
        self.layout = layout
        allianceName = alliance.name
        allianceHref = Site.alliance.path(alliance.id)
        self.canManage = canManage
        createAction = Site.issues.path(alliance.id)
        let names = Dictionary(team.map { ($0.person.id, "\($0.person.name) (\($0.side.label))") }, uniquingKeysWith: { a, _ in a })
        func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }
        limitsText = EscalationLevel.allCases.map { "\($0.label) \(days(limits.limit($0)))" }.joined(separator: " → ")
        func owners(_ selected: UUID?) -> [OptionModel] {
            OptionModel.ids(
                team.map { ($0.person.id, names[$0.person.id] ?? $0.person.name) }, selected: selected?.canonicalText,
                blank: "Choose an owner"
            )
        }
        func row(_ issue: Issue) -> Row {
            let current = issue.status == .open ? issue.steps.count - 1 : -1
            let ladder = EscalationLevel.allCases.map { level -> Rung in
                let spent = issue.steps.filter { $0.level == level }.reduce(0) { $0 + $1.days(today: today) }
                let reached = issue.steps.contains { $0.level == level }
                let isCurrent = current >= 0 && issue.steps[current].level == level
                let state =
                    isCurrent
                    ? (issue.isOverdue(limits, today: today) ? "current overdue" : "current")
                    : reached ? (spent > limits.limit(level) ? "passed overdue" : "passed") : "ahead"
                return Rung(
                    level: level.label, days: reached ? days(spent) : "—", state: state, limit: "limit \(days(limits.limit(level)))")
            }
            let over = issue.daysOver(limits, today: today)
            let clock =
                issue.status == .resolved
                ? "Resolved on \(issue.resolvedOn?.description ?? "")"
                : over > 0
                    ? "\(days(issue.daysAtLevel(today: today))) with the \(issue.level.label.lowercased()), \(days(over)) past the limit"
                    : "\(days(issue.daysAtLevel(today: today))) of \(days(limits.limit(issue.level))) with the \(issue.level.label.lowercased())"
            return Row(
                anchor: "issue-\(issue.id.lowercaseText)", title: issue.title, details: issue.details,
                severity: issue.severity.label, severityCode: issue.severity.rawValue,
                owner: names[issue.ownerID].map { String($0.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces) }
                    ?? "Former team member",
                raised: issue.raisedOn.description, visibility: issue.visibility.label, level: issue.level.label,
                overdue: issue.isOverdue(limits, today: today), clock: clock, ladder: ladder,
                notes: issue.steps.compactMap { step in step.note.map { "\(step.since) · \(step.level.label) · \(step.by): \($0)" } },
                hasNotes: issue.steps.contains { $0.note != nil }, nextLevel: issue.status == .open ? issue.level.next?.label : nil,
                escalateAction: Site.escalateIssue.path(alliance.id, issue.id),
                resolveAction: Site.resolveIssue.path(alliance.id, issue.id),
                reopenAction: Site.reopenIssue.path(alliance.id, issue.id), editAction: Site.editIssue.path(alliance.id, issue.id),
                version: issue.version, resolution: issue.resolution, resolvedOn: issue.resolvedOn?.description ?? "",
                severityOptions: OptionModel.list(IssueSeverity.self, selected: issue.severity.rawValue),
                ownerOptions: owners(issue.ownerID),
                visibilityOptions: OptionModel.list(Visibility.self, selected: issue.visibility.rawValue))
        }
        open = issues.filter { $0.status == .open }.map(row)
        resolved = issues.filter { $0.status == .resolved }.map(row)
        (hasOpen, hasResolved) = (!open.isEmpty, !resolved.isEmpty)
        let late = open.filter(\.overdue).count
        summary =
            open.isEmpty
            ? "No open issues."
            : "\(open.count) open\(late > 0 ? " · \(late) past \(late == 1 ? "its" : "their") escalation limit" : "")"
        let isCreate = form?["title"] != nil && form?["version"] == nil
        title = isCreate ? form?["title"] ?? "" : ""
        details = isCreate ? form?["details"] ?? "" : ""
        severityOptions = OptionModel.list(IssueSeverity.self, selected: isCreate ? form?["severity"] : "medium")
        ownerOptions = OptionModel.ids(
            team.map { ($0.person.id, names[$0.person.id] ?? $0.person.name) }, selected: isCreate ? form?["ownerID"] : nil,
            blank: "Choose an owner")
        visibilityOptions = OptionModel.list(Visibility.self, selected: isCreate ? form?["visibility"] : Visibility.internal.rawValue)
        self.errors = errors.map(\.message)
        hasErrors = !errors.isEmpty
    }
}
