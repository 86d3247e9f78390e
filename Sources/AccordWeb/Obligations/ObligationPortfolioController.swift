import AccordCore
import Foundation
import Hummingbird

/// Obligations across the portfolio: what is overdue, what falls due in the next 90 days, and money in and out by
/// quarter per currency (forecast by due date, actual by payment date).
struct ObligationPortfolioController {
    let views: Views
    let obligations: ObligationsService

    func register(_ router: Router<AppContext>) {
        router.get(Site.obligationPortfolio) { _, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .viewPortfolio)
            let occurrences = try await obligations.portfolioOccurrences(user)
            let alliances = try await obligations.access.visibleAlliances(ids: occurrences.map(\.obligation.allianceID), user.principal)
            let model = ObligationPortfolioPage(
                layout: LayoutModel(title: "Obligations", context: context, section: "obligations"), occurrences: occurrences,
                alliances: alliances, today: obligations.today)
            return try views.page(model, .obligationsPortfolio)
        }
    }
}

struct ObligationPortfolioPage: PageModel {
    struct Row: Sendable {
        let due: String
        let late: String?
        let title: String
        let href: String
        let alliance: String
        let kind: String
        let direction: String
        let amount: String
        let state: String
        let stateCode: String
    }
    struct Money: Sendable {
        let quarter: String
        let currency: String
        let inForecast: String
        let inActual: String
        let outForecast: String
        let outActual: String
        let current: Bool
    }
    let layout: LayoutModel
    let summary: String
    let overdue: [Row]
    let hasOverdue: Bool
    let upcoming: [Row]
    let hasUpcoming: Bool
    let money: [Money]
    let hasMoney: Bool
    let moneyRange: String

    init(layout: LayoutModel, occurrences: [Occurrence], alliances: [UUID: Alliance], today: LocalDate) {
        self.layout = layout
        func row(_ o: Occurrence) -> Row? {
            guard let a = alliances[o.obligation.allianceID] else { return nil }
            let days = o.dueOn.days(until: today)
            return Row(
                due: o.dueOn.description, late: days > 0 ? (days == 1 ? "1 day" : "\(days) days") : nil, title: o.obligation.title,
                href: Site.obligations.path(a.id) + "#o-\(o.obligation.id.lowercaseText)-\(o.index)", alliance: a.name,
                kind: o.obligation.kind.label, direction: o.obligation.direction.label,
                amount: o.obligation.amount.map { "\($0.currency) \($0.amountText)" } ?? "", state: o.state.label,
                stateCode: o.state.rawValue)
        }
        overdue = occurrences.filter { $0.isOverdue(on: today) }.compactMap(row)
        upcoming = occurrences.filter { $0.dueOn >= today && $0.dueOn <= today.adding(days: 90) && $0.state != .fullyExecuted }
            .compactMap(row)
        (hasOverdue, hasUpcoming) = (!overdue.isEmpty, !upcoming.isEmpty)
        let from = Cashflow.quarterStart(today).adding(months: -12)
        let through = Cashflow.quarterStart(today).adding(months: 24).adding(days: -1)
        let current = Cashflow.quarter(today)
        func text(_ hundredths: Int64) -> String { hundredths == 0 ? "" : AccordCore.Money.format(hundredths) }
        money = Cashflow.rows(occurrences, from: from, through: through).map {
            Money(
                quarter: $0.quarter, currency: $0.currency, inForecast: text($0.incomingForecast), inActual: text($0.incomingActual),
                outForecast: text($0.outgoingForecast), outActual: text($0.outgoingActual), current: $0.quarter == current)
        }
        hasMoney = !money.isEmpty
        moneyRange = "\(Cashflow.quarter(from)) to \(Cashflow.quarter(through))"
        summary = "\(overdue.count) overdue · \(upcoming.count) due in the next 90 days"
    }
}
