import AccordCore
import Foundation
import Hummingbird

/// The portfolio heat map: alliances down, dimensions across, each cell the latest finished wave's mean.
struct HealthPortfolioController {
    let views: Views
    let health: HealthService
    static let perPage = 25

    func register(_ router: Router<AppContext>) {
        router.get(Site.healthPortfolio) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .viewHealthPortfolio)
            let raw = request.queryValues["page"] ?? "1"
            guard let page = Int(raw), page >= 1, page <= 100_000 else {
                throw DomainError.invalid("page", "Page must be a whole number from 1.")
            }
            let (ids, alliances) = try await health.alliancesWithResults(page: page, perPage: Self.perPage, user.principal)
            let snapshots = try await health.healthSnapshots(ids.items)
            let model = HeatMapPage(
                layout: LayoutModel(title: "Relationship health", context: context, section: "health"), alliances: alliances,
                snapshots: snapshots, page: ids)
            return try views.page(model, .healthPortfolio)
        }
    }
}

struct HeatMapPage: PageModel {
    struct Column: Sendable {
        let name: String
    }
    struct Cell: Sendable {
        let value: String
        let band: String
        let label: String
        let gap: Bool
    }
    struct Row: Sendable {
        let name: String
        let href: String
        let wave: String
        let waveHref: String
        let overall: String
        let band: String
        let bandCode: String
        let arrow: String
        let trend: String
        let cells: [Cell]
    }
    let layout: LayoutModel
    let columns: [Column]
    let rows: [Row]
    let isEmpty: Bool
    let summary: String
    let previousHref: String?
    let nextHref: String?

    init(layout: LayoutModel, alliances: [Alliance], snapshots: [UUID: HealthSnapshot], page: Page<UUID>) {
        self.layout = layout
        var order: [DimensionName] = []
        for alliance in alliances {
            for name in snapshots[alliance.id]?.dimensionNames ?? [] where !order.contains(where: { $0.key == name.key }) {
                order.append(name)
            }
        }
        columns = order.map { Column(name: $0.name) }
        rows = alliances.compactMap { alliance in
            guard let snapshot = snapshots[alliance.id] else { return nil }
            return Row(
                name: alliance.name, href: Site.alliance.path(alliance.id), wave: snapshot.waveTitle,
                waveHref: Site.healthWave.path(alliance.id, snapshot.waveID), overall: HealthResultsPage.number(snapshot.overall),
                band: snapshot.band?.label ?? "Not enough answers", bandCode: snapshot.band?.rawValue ?? "none",
                arrow: snapshot.direction?.arrow ?? "", trend: snapshot.direction?.label ?? "First wave",
                cells: order.map { dimension in
                    guard let value = snapshot.dimensions[dimension.key] else {
                        return Cell(value: "—", band: "none", label: "\(dimension.name): not shown", gap: false)
                    }
                    let band = HealthBand.of(value)
                    let gap = snapshot.gapFlagged.contains(dimension.key)
                    return Cell(
                        value: String(format: "%.1f", value), band: band.rawValue,
                        label: "\(dimension.name): \(String(format: "%.2f", value)), \(band.label)\(gap ? ", perception gap" : "")",
                        gap: gap)
                })
        }
        isEmpty = rows.isEmpty
        let first = (page.page - 1) * page.perPage + 1
        summary =
            page.total == 0
            ? "No alliance has a finished health check yet."
            : "Alliances \(first)-\(first + page.items.count - 1) of \(page.total) with a finished health check, latest wave each."
        previousHref = page.page > 1 ? Site.healthPortfolio.pattern + "?page=\(page.page - 1)" : nil
        nextHref = page.page * page.perPage < page.total ? Site.healthPortfolio.pattern + "?page=\(page.page + 1)" : nil
    }
}
