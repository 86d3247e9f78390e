import AccordCore
import Foundation

/// The alliance page's HTML (typed view layer; the model is `AllianceShowPage`).
extension AllianceShowPage {
    var content: HTML {
        """
        <nav class="crumbs" aria-label="Breadcrumb"><a href="\(Site.alliances.pattern)">Portfolio</a> <span aria-hidden="true">/</span> <span>\(name)</span></nav>
        \(head)
        \(sections)
        \(some: lifecycleFlag, { "<p class=\"alert\" role=\"status\" id=\"lifecycle-flag\"><a href=\"\(lifecycleHref)\">\($0)</a></p>\n" })\
        \(some: governanceFlag, { "<p class=\"alert\" role=\"status\" id=\"governance-flag\"><a href=\"\(governanceHref)\">Governance needs attention: \($0).</a></p>\n" })\
        \(some: issueFlag, { "<p class=\"alert\" role=\"status\" id=\"issue-flag\"><a href=\"\(issuesHref)\">Issues: \($0).</a></p>\n" })\
        <ul class="badges" aria-label="Summary">
          \(each: badges, { "<li><span class=\"badge-label\">\($0.label)</span> \($0.value)</li>" })
        </ul>
        <div class="columns">
          \(agreement)
          <section class="panel" id="team" aria-labelledby="team-heading">
            <h2 id="team-heading">Team</h2>
            \(each: sides, side)
            \(some: canManageTeam ? picker : nil, addMember)
          </section>
        </div>
        \(if: showHistory, historySection)
        """
    }

    private var head: HTML {
        """
        <div class="page-head row">
          <div>
            <h1>\(name)</h1>
            <p class="muted">with \(link: partnerHref, partner)</p>
          </div>
          <div class="head-actions">
            \(if: canEdit, "<a class=\"button primary\" href=\"\(editHref)\">Edit</a>")
            \(if: canDelete, "<form method=\"post\" action=\"\(deleteHref)\" class=\"inline\">\(layout.csrfField)<button type=\"submit\" class=\"button danger\">Delete</button></form>")
          </div>
        </div>
        """
    }

    private var sections: HTML {
        """
        <nav class="subnav" aria-label="Alliance sections">
          \(some: lifecycleHref, { "<a href=\"\($0)\">Lifecycle</a>" })
          <a href="\(governanceHref)">Governance</a>
          <a href="\(obligationsHref)">Obligations</a>
          <a href="\(goalsHref)">Goals and KPIs</a>
          <a href="\(issuesHref)">Issues</a>
          \(some: relationshipsHref, { "<a href=\"\($0)\">Relationships</a>" })
          \(some: cultureHref, { "<a href=\"\($0)\">Culture</a>" })
          \(if: canRunHealth, "<a href=\"\(healthHref)\">Health checks</a>")
        </nav>
        """
    }

    private var agreement: HTML {
        """
        <section class="panel" aria-labelledby="facts-heading">
            <h2 id="facts-heading">Agreement</h2>
            \(some: description, { "<p class=\"description\">\($0)</p>" })
            <dl class="facts">
              \(each: facts, { "<dt>\($0.label)</dt><dd>\($0.value)</dd>" })
            </dl>
            \(some: showInternal ? internalNotes : nil, { "<div class=\"internal\"><h3>Internal notes</h3><p>\($0)</p></div>" })
          </section>
        """
    }

    private func side(_ side: Side) -> HTML {
        guard !side.isEmpty else { return "<h3>\(side.heading)</h3>\n    <p class=\"muted\">Nobody on this side yet.</p>\n" }
        return """
            <h3>\(side.heading)</h3>
                <table class="data compact">
                  <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Function</th><th scope="col">Level</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
                  <tbody>
                  \(each: side.members, member)
                  </tbody>
                </table>

            """
    }

    private func member(_ m: MemberRow) -> HTML {
        """
        <tr>
                <th scope="row">\(link: m.href, m.name)\(if: !m.title.isEmpty, "<br><span class=\"muted small\">\(m.title)</span>")</th>
                <td>\(m.role)</td><td>\(m.function)</td><td>\(m.level)</td>
                <td>\(some: m.removeHref, { "<form method=\"post\" action=\"\($0)\" class=\"inline\">\(layout.csrfField)<button type=\"submit\" class=\"button ghost small\" aria-label=\"Remove \(m.name)\">Remove</button></form>" })</td>
              </tr>

        """
    }

    private func addMember(_ picker: TeamPicker) -> HTML {
        """
        \(if: picker.isSearch, findPeople(picker))
            <form method="post" action="\(addMemberHref)" class="add-member" novalidate>
              \(layout.csrfField)
              <h3>Add to the team</h3>
              \(some: memberError, { "<p class=\"field-error\" role=\"alert\">\($0)</p>" })
              <div class="inline-fields">
                <div class="field"><label for="member-person">Person</label>
                  <select id="member-person" name="personID">\(OptionModel.html(picker.options))</select></div>
                <div class="field"><label for="member-role">Role</label>
                  <select id="member-role" name="role">\(OptionModel.html(roleOptions))</select></div>
                <button type="submit" class="button">Add</button>
              </div>
            </form>
        """
    }

    /// The search step of the team picker: a GET back to this page whose matches fill the person list; with
    /// JavaScript the list fills as the user types.
    private func findPeople(_ picker: TeamPicker) -> HTML {
        """
        <form method="get" action="\(Site.alliance.path(allianceID))#team" class="find-people" role="search" aria-label="Find people to add">
              <div class="inline-fields">
                <div class="field"><label for="member-find">Find people by name</label>
                  <input type="search" id="member-find" name="person_q" value="\(picker.text)" maxlength="200" data-suggest="\(teamCandidatesHref)" data-suggest-target="member-person"\(if: picker.message != nil, " aria-describedby=\"member-find-note\"")></div>
                <button type="submit" class="button ghost">Find</button>
              </div>
              \(some: picker.message, { "<p class=\"choice-note\" id=\"member-find-note\" role=\"status\">\($0)</p>" })
            </form>
        """
    }

    private var historySection: HTML {
        """
        <section class="panel" id="history" aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          <ol class="history">
            \(each: history, entry)
          </ol>
        </section>
        """
    }

    private func entry(_ e: HistoryEntry) -> HTML {
        """
        <li>
              <p><strong>\(e.who)</strong> \(e.summary) <span class="muted">· <time>\(e.when)</time></span></p>
              \(if: e.hasChanges, changes(e.changes))
            </li>

        """
    }

    private func changes(_ changes: [FieldChange]) -> HTML {
        """
        <table class="data compact changes">
                <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
                <tbody>\(each: changes, { "<tr><th scope=\"row\">\($0.field)</th><td>\($0.before)</td><td>\($0.after)</td></tr>" })</tbody>
              </table>
        """
    }
}
