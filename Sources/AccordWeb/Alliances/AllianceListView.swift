import AccordCore
import Foundation

/// The portfolio page's HTML (typed view layer; the model is `AllianceListPage`).
extension AllianceListPage {
    var content: HTML {
        """
        <div class="page-head row">
          <div>
            <h1>Portfolio</h1>
            <p class="muted" id="result-summary">\(summary)</p>
          </div>
          \(if: canCreate, "<a class=\"button primary\" href=\"\(newHref)\">New alliance</a>")
        </div>
        \(filters)
        \(isEmpty ? empty : table)
        """
    }

    private var filters: HTML {
        """
        <form method="get" action="\(Site.alliances.pattern)" class="filters panel" role="search" aria-label="Filter alliances">
          <div class="field">
            <label for="filter-q">Search</label>
            <input type="search" id="filter-q" name="q" value="\(text)" placeholder="Name, partner or product" maxlength="100">
          </div>
          <div class="field">
            <label for="filter-type">Type</label>
            <select id="filter-type" name="type">\(OptionModel.html(typeOptions))</select>
          </div>
          <div class="field">
            <label for="filter-status">Status</label>
            <select id="filter-status" name="status">\(OptionModel.html(statusOptions))</select>
          </div>
          <div class="field">
            <label for="filter-phase">Phase</label>
            <select id="filter-phase" name="phase">\(OptionModel.html(phaseOptions))</select>
          </div>
          \(some: partner, { $0.filterHTML(id: "filter-partner", name: "partner", label: "Partner", suggest: Site.partnerChoices.pattern, placeholder: "All partners: type a name", choices: partnerMatches) })
          \(some: manager, { $0.filterHTML(id: "filter-manager", name: "manager", label: "Alliance manager", suggest: Site.managerChoices.pattern, placeholder: "All managers: type a name", choices: managerMatches) })
          <input type="hidden" name="sort" value="\(sort)">
          <input type="hidden" name="dir" value="\(dir)">
          <div class="filter-actions">
            <button type="submit" class="button">Apply filters</button>
            \(if: isFiltered, "<a class=\"button ghost\" href=\"\(clearHref)\">Clear</a>")
          </div>
        </form>
        """
    }

    private var empty: HTML {
        if isFiltered {
            return """
                <div class="empty panel">
                  <h2>No alliances match these filters</h2>
                  <p>Try fewer filters, or <a href="\(clearHref)">clear them all</a>.</p>
                </div>
                """
        }
        return """
            <div class="empty panel">
              <h2>No alliances yet</h2>
              <p>Alliances you run or belong to will appear here.\(if: canCreate, " Start by <a href=\"\(newHref)\">recording your first alliance</a>.")</p>
            </div>
            """
    }

    private var table: HTML {
        """
        <div class="table-wrap panel">
        <table class="data" id="alliances">
          <caption class="sr-only">Alliances, \(summary)</caption>
          <thead>
            <tr>
              \(each: columns, { "<th scope=\"col\" aria-sort=\"\($0.ariaSort)\"><a href=\"\($0.href)\">\($0.label) <span aria-hidden=\"true\">\($0.arrow)</span></a></th>" })
              <th scope="col">Manager</th>
            </tr>
          </thead>
          <tbody>
        \(each: rows, { row(_: $0) })  </tbody>
        </table>
        </div>
        \(if: hasPages, pagination)
        """
    }

    private func row(_ row: Row) -> HTML {
        """
            <tr>
              <th scope="row"><a href="\(row.href)">\(row.name)</a>\(some: row.governance, { "<br><a class=\"governance-flag\" href=\"\($0.href)\">⚑ \($0.summary)</a>" })</th>
              <td>\(row.partner)</td>
              <td>\(row.type)</td>
              <td>\(row.phase)\(some: row.transition, { "<br><span class=\"muted small\">\($0)</span>" })</td>
              <td><span class="pill status-\(row.statusCode)">\(row.status)</span>\(some: row.health, { "<br><a class=\"band band-\($0.bandCode) health-link\" href=\"\($0.href)\" aria-label=\"Health: \($0.band), \($0.trend)\">\($0.band) <span class=\"trend\" aria-hidden=\"true\">\($0.arrow)</span></a>" })</td>
              \(if: showPartnerFilters, "<td>\(row.tier)</td>")
              <td class="num">\(row.value)</td>
              <td>\(row.effective)</td>
              <td>\(row.manager)</td>
            </tr>

        """
    }

    private var pagination: HTML {
        """
        <nav class="pagination" aria-label="Pages">
          \(some: previousHref, { "<a class=\"button ghost small\" href=\"\($0)\" rel=\"prev\">Previous</a>" })
          \(each: pages, { "<a class=\"page\(if: $0.current, " current")\" href=\"\($0.href)\"\(if: $0.current, " aria-current=\"page\"")>\($0.label)</a>" })
          \(some: nextHref, { "<a class=\"button ghost small\" href=\"\($0)\" rel=\"next\">Next</a>" })
        </nav>
        """
    }
}
