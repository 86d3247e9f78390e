import AccordCore
import Foundation
import Hummingbird

/// What is late in governance across the alliances the user may see (their own first for alliance managers and
/// members, all for executives): escalation steps past their deadline, issues past their escalation limit, overdue
/// action items and bodies behind their meeting cadence, most overdue first.
struct GovernancePortfolioController {
    let views: Views
    let governance: GovernanceService

    func register(_ router: Router<AppContext>) {
        router.get(Site.governancePortfolio) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .viewPortfolio)
            let scope = try Self.scope(request.queryValues["scope"], user.principal)
            var ids: [UUID]?
            if case .only(let allowed) = AccessPolicy.allianceScope(user.principal) { ids = Array(allowed) }
            if scope == .mine { ids = Array(user.principal.allianceIDs) }
            // The most overdue `limit` entries of each list, read and named; the rest only counted.
            let late = try await governance.governanceAttention(allianceIDs: ids, user.principal, first: GovernancePortfolioPage.limit)
            var model = GovernancePortfolioPage(
                layout: LayoutModel(title: "Governance", context: context, section: "governance"), late: late, today: governance.today)
            if user.principal.role.isInternal {
                model.scopes = [
                    .init(label: "Your alliances (\(user.principal.allianceIDs.count))", href: "?scope=mine", current: scope == .mine),
                    .init(label: "All alliances", href: "?scope=all", current: scope == .all),
                ]
                model.hasScopes = true
            }
            return views.page(model)
        }
    }

    enum Scope: String { case mine, all }

    /// Alliance managers and members start with their own alliances; executives and administrators with all.
    static func scope(_ raw: String?, _ principal: Principal) throws -> Scope {
        if let raw, !raw.isEmpty {
            guard let scope = Scope(rawValue: raw) else {
                throw DomainError.invalid("scope", "scope must be mine or all.")
            }
            return scope
        }
        let wide = principal.role == .executive || principal.role == .administrator
        return wide || principal.allianceIDs.isEmpty || !principal.role.isInternal ? .all : .mine
    }
}

/// Late governance work across the alliances the user may see (its view: `GovernancePortfolioView.swift`).
struct GovernancePortfolioPage: HTMLPage {
    struct Escalation: Sendable {
        let alliance: String
        let allianceHref: String
        let title: String
        let href: String
        let body: String
        let step: String
        let deadline: String
        let late: String
    }
    struct Item: Sendable {
        let alliance: String
        let title: String
        let href: String
        let owner: String
        let due: String
        let late: String
        let status: String
    }
    struct LateIssue: Sendable {
        let alliance: String
        let title: String
        let href: String
        let severity: String
        let level: String
        let owner: String
        let late: String
    }
    struct Cadence: Sendable {
        let alliance: String
        let href: String
        let message: String
    }
    struct ScopeLink: Sendable {
        let label: String
        let href: String
        let current: Bool
    }
    let layout: LayoutModel
    /// "Your alliances" and "All alliances", for internal users.
    var scopes: [ScopeLink] = []
    var hasScopes = false
    let summary: String
    let isEmpty: Bool
    let escalations: [Escalation]
    let hasEscalations: Bool
    let items: [Item]
    let hasItems: Bool
    let cadence: [Cadence]
    let hasCadence: Bool
    let issues: [LateIssue]
    let hasIssues: Bool
    let issuesMore: String?
    /// Each list shows the most overdue `limit` entries; the rest are counted.
    static let limit = 200
    let escalationsMore: String?
    let itemsMore: String?
    let cadenceMore: String?

    init(
        layout: LayoutModel, late work: LateWork, today: LocalDate
    ) {
        self.layout = layout
        let (attention, alliances, owners, allianceOfBody) = (work.attention, work.allianceNames, work.ownerNames, work.allianceOfBody)
        func late(_ day: LocalDate) -> String {
            let days = day.days(until: today)
            return days == 1 ? "1 day" : "\(days) days"
        }
        let byID = Dictionary(work.bodies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func more(_ total: Int) -> String? { total > Self.limit ? "Showing the \(Self.limit) most overdue of \(total)." : nil }
        let counts = attention.counts
        (escalationsMore, itemsMore, cadenceMore) = (more(counts.escalations), more(counts.actionItems), more(counts.behindCadence))
        escalations = attention.escalations.prefix(Self.limit).compactMap { d in
            guard let name = alliances[d.allianceID], let state = d.escalation else { return nil }
            let ladder = byID[d.bodyID]?.charter.escalation ?? []
            let who = state.step < ladder.count ? ladder[state.step].decidedBy : ""
            return Escalation(
                alliance: name, allianceHref: Site.governance.path(d.allianceID), title: d.title,
                href: Site.decision.path(d.allianceID, d.id),
                body: byID[d.bodyID]?.name ?? "", step: "Step \(state.step + 1): \(who)", deadline: state.deadline.description,
                late: late(state.deadline))
        }
        items = attention.actionItems.prefix(Self.limit).compactMap { item in
            guard let name = alliances[item.allianceID] else { return nil }
            return Item(
                alliance: name, title: item.title, href: Site.governance.path(item.allianceID) + "#actions",
                owner: owners[item.ownerID] ?? "Former team member", due: item.dueOn.description, late: late(item.dueOn),
                status: item.status.label)
        }
        cadence = attention.behindCadence.prefix(Self.limit).compactMap { warning in
            guard let alliance = allianceOfBody[warning.bodyID], let name = alliances[alliance] else { return nil }
            return Cadence(alliance: name, href: Site.governance.path(alliance), message: warning.message)
        }
        issuesMore = more(counts.issues)
        issues = attention.issues.prefix(Self.limit).compactMap { issue in
            guard let name = alliances[issue.allianceID] else { return nil }
            let over = issue.daysOver(work.issueLimits[issue.allianceID] ?? .standard, today: today)
            return LateIssue(
                alliance: name, title: issue.title, href: Site.issues.path(issue.allianceID) + "#issue-\(issue.id.lowercaseText)",
                severity: issue.severity.label, level: issue.level.label, owner: owners[issue.ownerID] ?? "Former team member",
                late: over == 1 ? "1 day" : "\(over) days")
        }
        (hasEscalations, hasItems, hasCadence, hasIssues) = (!escalations.isEmpty, !items.isEmpty, !cadence.isEmpty, !issues.isEmpty)
        isEmpty = attention.isEmpty
        summary = attention.isEmpty ? "Nothing is late across your alliances." : attention.summary + "."
    }
}
