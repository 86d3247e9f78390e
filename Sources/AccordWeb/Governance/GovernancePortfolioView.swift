import AccordCore
import Foundation

/// The governance overview's HTML (typed view layer; the model is `GovernancePortfolioPage`).
extension GovernancePortfolioPage {
    var content: HTML {
        """
        <div class="page-head">
          <h1>Governance across the portfolio</h1>
          <p class="muted" id="governance-summary">\(summary)</p>
        </div>
        \(if: hasScopes, "<nav class=\"subnav\" aria-label=\"Which alliances\">\(each: scopes, { "<a href=\"\($0.href)\"\(if: $0.current, " aria-current=\"page\"")>\($0.label)</a>" })</nav>")
        \(if: isEmpty, Self.nothingLate)
        \(if: hasEscalations, escalationTable)
        \(if: hasIssues, issueTable)
        \(if: hasItems, itemTable)
        \(if: hasCadence, cadenceList)
        """
    }

    private static let nothingLate: HTML = """
        <div class="empty panel">
          <h2>Nothing overdue</h2>
          <p>Escalation steps past their deadline, issues past their escalation limit, overdue action items and committees that meet less often than their charter asks appear here.</p>
        </div>
        """

    /// A panel with one table of late entries: its heading, the "showing the most overdue" caption and the rows.
    private func table(_ id: String, _ heading: String, more: String?, columns: [String], rows: HTML) -> HTML {
        """
        <section class="panel table-wrap" aria-labelledby="\(id)-heading">
          <h2 id="\(id)-heading">\(heading)</h2>
          <table class="data" id="overdue-\(id)">
            \(some: more, { "<caption class=\"muted small\">\($0)</caption>" })
            <thead><tr>\(each: columns, { "<th scope=\"col\">\($0)</th>" })</tr></thead>
            <tbody>\(rows)</tbody>
          </table>
        </section>
        """
    }

    private static func late(_ text: String) -> HTML { "<td><span class=\"pill status-closed late\">\(text)</span></td>" }

    private var escalationTable: HTML {
        table(
            "escalations", "Escalations past their deadline", more: escalationsMore,
            columns: ["Decision", "Alliance", "Body", "Where it stands", "Deadline", "Late by"],
            rows:
                "\(each: escalations, { e in "<tr><th scope=\"row\"><a href=\"\(e.href)\">\(e.title)</a></th><td><a href=\"\(e.allianceHref)\">\(e.alliance)</a></td><td>\(e.body)</td><td>\(e.step)</td><td>\(e.deadline)</td>\(Self.late(e.late))</tr>" })"
        )
    }

    private var issueTable: HTML {
        table(
            "issues", "Issues past their escalation limit", more: issuesMore,
            columns: ["Issue", "Alliance", "Severity", "With", "Owner", "Past the limit by"],
            rows:
                "\(each: issues, { i in "<tr><th scope=\"row\"><a href=\"\(i.href)\">\(i.title)</a></th><td>\(i.alliance)</td><td>\(i.severity)</td><td>\(i.level)</td><td>\(i.owner)</td>\(Self.late(i.late))</tr>" })"
        )
    }

    private var itemTable: HTML {
        table(
            "actions", "Overdue action items", more: itemsMore, columns: ["Action", "Alliance", "Owner", "Due", "Late by", "Status"],
            rows:
                "\(each: items, { i in "<tr><th scope=\"row\"><a href=\"\(i.href)\">\(i.title)</a></th><td>\(i.alliance)</td><td>\(i.owner)</td><td>\(i.due)</td>\(Self.late(i.late))<td>\(i.status)</td></tr>" })"
        )
    }

    private var cadenceList: HTML {
        """
        <section class="panel" aria-labelledby="cadence-heading">
          <h2 id="cadence-heading">Behind their meeting cadence</h2>
          \(some: cadenceMore, { "<p class=\"muted small\">\($0)</p>" })
          <ul id="behind-cadence">\(each: cadence, { "<li><a href=\"\($0.href)\">\($0.alliance)</a>: \($0.message)</li>" })</ul>
        </section>
        """
    }
}
