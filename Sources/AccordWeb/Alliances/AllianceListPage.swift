import AccordCore
import Foundation

/// The portfolio list: filters, sortable columns, rows and pages (its view: `AllianceListView.swift`).
struct AllianceListPage: HTMLPage {
    struct Row: Sendable {
        let href: String
        let name: String
        let partner: String
        let type: String
        let status: String
        let statusCode: String
        let phase: String
        let transition: String?
        /// Our internal tier; nil (and no column) for partner users.
        let tier: String?
        let manager: String
        let value: String
        let effective: String
        let health: Health?
        let governance: Flag?
    }

    /// What is late in the alliance's governance, linking to its governance page.
    struct Flag: Sendable {
        let summary: String
        let href: String
    }

    /// The latest finished health check's band and the direction since the one before.
    struct Health: Sendable {
        let band: String
        let bandCode: String
        let arrow: String
        let trend: String
        let href: String
    }

    struct Column: Sendable {
        let label: String
        let href: String
        let sorted: Bool
        let ariaSort: String
        let arrow: String
    }

    struct PageLink: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    let layout: LayoutModel
    let rows: [Row]
    let columns: [Column]
    let typeOptions: [OptionModel]
    let statusOptions: [OptionModel]
    let phaseOptions: [OptionModel]
    /// The partner and manager filters (internal users only): select lists, or search fields with many records.
    let partner: ChoiceField?
    let manager: ChoiceField?
    /// Links choosing one of the records a typed partner or manager name matched.
    let partnerMatches: [PageLink]
    let managerMatches: [PageLink]
    let text: String
    let sort: String
    let dir: String
    let total: Int
    let summary: String
    let isEmpty: Bool
    let isFiltered: Bool
    let clearHref: String
    let canCreate: Bool
    let newHref = Site.newAlliance.pattern
    let previousHref: String?
    let nextHref: String?
    let pages: [PageLink]
    let hasPages: Bool
    let showPartnerFilters: Bool

    init(
        layout: LayoutModel, page: Page<AllianceSummary>, query: AllianceQuery, params: [String: String], partner: ChoiceField?,
        manager: ChoiceField?, canCreate: Bool, showPartnerFilters: Bool, health: [UUID: HealthSnapshot]?,
        governance: [UUID: GovernanceAttention]
    ) {
        self.layout = layout
        rows = page.items.map { s in
            let a = s.alliance
            return Row(
                href: Site.alliance.path(a.id), name: a.name, partner: s.partnerName, type: a.type.label, status: a.status.label,
                statusCode: a.status.rawValue, phase: a.phase.label, transition: a.transition?.label,
                tier: showPartnerFilters ? a.tier.label : nil,
                manager: s.managerName ?? "Not named", value: a.value?.shortText ?? "", effective: a.effectiveDate?.description ?? "",
                health: health?[a.id].map { snapshot in
                    Health(
                        band: snapshot.band?.label ?? "Not enough answers", bandCode: snapshot.band?.rawValue ?? "none",
                        arrow: snapshot.direction?.arrow ?? "",
                        trend: snapshot.direction.map { "\($0.label) since the wave before" } ?? "First wave",
                        href: Site.healthWave.path(a.id, snapshot.waveID))
                },
                governance: governance[a.id].map { Flag(summary: $0.summary, href: Site.governance.path(a.id)) })
        }
        func link(_ changes: [String: String?]) -> String {
            var merged = params.filter { !$0.value.isEmpty }
            for (key, value) in changes { merged[key] = value }
            let items = merged.sorted { $0.key < $1.key }
            if items.isEmpty { return Site.alliances.pattern }
            var components = URLComponents()
            components.queryItems = items.map { URLQueryItem(name: $0.key, value: $0.value) }
            return Site.alliances.pattern + "?" + (components.percentEncodedQuery ?? "")
        }
        let columnSorts: [(String, AllianceSort)] = [
            ("Alliance", .name), ("Partner", .partner), ("Type", .type), ("Phase", .phase), ("Status", .status), ("Tier", .tier),
            ("Value", .value), ("Effective", .effectiveDate),
        ]
        // The tier is our internal assessment: internal users only (the same flag as the internal filters).
        columns = columnSorts.filter { showPartnerFilters || $0.1 != .tier }.map { label, sort in
            let active = query.sort == sort
            let nextDir = active && !query.descending ? "desc" : "asc"
            return Column(
                label: label, href: link(["sort": sort.rawValue, "dir": nextDir, "page": nil]), sorted: active,
                ariaSort: active ? (query.descending ? "descending" : "ascending") : "none",
                arrow: active ? (query.descending ? "▼" : "▲") : "")
        }
        typeOptions = OptionModel.list(AllianceType.self, selected: query.type?.rawValue, blank: "All types")
        statusOptions = OptionModel.list(OperationalStatus.self, selected: query.status?.rawValue, blank: "All statuses")
        phaseOptions = OptionModel.list(LifecyclePhase.self, selected: query.phase?.rawValue, blank: "All phases")
        self.partner = partner
        self.manager = manager
        func choices(_ field: ChoiceField?, _ key: String) -> [PageLink] {
            (field?.matches ?? []).map {
                PageLink(label: $0.name, href: link([key: $0.id.lowercaseText, key + "_name": nil, "page": nil]), current: false)
            }
        }
        partnerMatches = choices(partner, "partner")
        managerMatches = choices(manager, "manager")
        text = query.text ?? ""
        sort = query.sort.rawValue
        dir = query.descending ? "desc" : "asc"
        total = page.total
        summary = page.total == 0 ? "No alliances" : "Showing \(page.firstIndex)–\(page.lastIndex) of \(page.total) alliances"
        isEmpty = page.items.isEmpty
        isFiltered =
            query.type != nil || query.status != nil || query.phase != nil || query.partnerID != nil || query.managerID != nil
            || query.text != nil || partner?.text.isEmpty == false || manager?.text.isEmpty == false
        clearHref = Site.alliances.pattern
        self.canCreate = canCreate
        previousHref = page.hasPrevious ? link(["page": String(page.page - 1)]) : nil
        nextHref = page.hasNext ? link(["page": String(page.page + 1)]) : nil
        let window = max(1, page.page - 3)...min(page.pageCount, max(1, page.page - 3) + 6)
        pages =
            page.pageCount > 1 ? window.map { PageLink(label: String($0), href: link(["page": String($0)]), current: $0 == page.page) } : []
        hasPages = !pages.isEmpty
        self.showPartnerFilters = showPartnerFilters
    }
}
