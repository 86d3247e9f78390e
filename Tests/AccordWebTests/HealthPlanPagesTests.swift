import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HummingbirdTesting
import Testing

/// Results with charts, action plans, review, CSV, the heat map and the instrument editor, over HTTP.
@Suite struct HealthPlanPagesTests {
    /// The demo's declining alliance and its latest wave (closed, flagged everywhere, no actions yet).
    static func kanto(_ h: WebHarness) async throws -> (Alliance, HealthWave, String) {
        let alliance = try await h.alliance(named: "Kanto Japan")
        let wave = try await h.store.health.waves(allianceID: alliance.id).last!
        return (alliance, wave, "/alliances/\(alliance.id.uuidString.lowercased())/health/\(wave.id.uuidString.lowercased())")
    }

    @Test(arguments: WebHarness.databases)
    func resultsShowChartsWithTheirNumbersAndAFunctionView(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let (_, _, path) = try await Self.kanto(h)
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let page = try await manager.get(path)
            #expect(page.status == .ok)
            for needle in [
                "<svg", "role=\"img\"", "<title id=\"radar-title\">", "<desc id=\"radar-desc\">", "id=\"gaps\"", "id=\"trend-trust\"",
                "id=\"trend-table\"", "id=\"dimensions\"", "Since the last wave", "Needs an action before the wave can be marked reviewed",
            ] {
                #expect(page.text.contains(needle), "\(needle)")
            }
            #expect(page.text.contains("Decisions wait for Helix"))  // the partner side's comment, shown without a name
            let function = try await manager.get(path + "?function=commercial")
            #expect(function.status == .ok && function.text.contains("Scores by dimension: Commercial"))
            #expect(try await manager.get(path + "?function=astrology").status == .badRequest)
        }
    }

    @Test(arguments: WebHarness.databases)
    func aWaveIsReviewedOnlyOnceEveryFlaggedDimensionHasAnAction(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let (alliance, wave, path) = try await Self.kanto(h)
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            try await manager.get(path)
            let before = try await h.auditCount()
            let refused = try await manager.post(path + "/status", ["status": "reviewed"])
            #expect(refused.status == .unprocessableContent && refused.text.contains("Add an action for each dimension"))
            #expect(try await manager.post(path + "/status", ["status": "bogus"]).status == .badRequest)
            let bad = try await manager.post(
                path + "/actions", ["dimension": "trust", "title": "", "owner": UUID().uuidString, "dueOn": "tomorrow"])
            #expect(bad.status == .unprocessableContent)
            #expect(
                bad.text.contains("Action is required.") && bad.text.contains("Owner must be on the alliance")
                    && bad.text.contains("Due date"))
            #expect(try await h.auditCount() == before)

            let owner = try await h.store.alliances.members(of: alliance.id).first { $0.side == .partner }!.personID
            let results = HealthScoring.results(DefaultInstrument.instrument, try await h.store.health.tally(waveID: wave.id))
            for dimension in results.dimensions where dimension.needsAction {
                try await manager.get(path)
                let added = try await manager.post(
                    path + "/actions",
                    ["dimension": dimension.key, "title": "Fix \(dimension.name)", "owner": owner.uuidString, "dueOn": "2027-03-31"])
                #expect(added.status == .seeOther)
            }
            let listed = try await manager.get(path)
            #expect(listed.text.contains("Fix Trust") && !listed.text.contains("Needs an action before the wave"))
            let action = try await h.store.health.actions(waveIDs: [wave.id])[0]
            let stale = try await manager.post(
                path + "/actions/\(action.id)",
                [
                    "dimension": action.dimensionKey, "title": action.title, "owner": owner.uuidString, "dueOn": "2027-03-31",
                    "status": "done", "version": "7",
                ])
            #expect(stale.status == .conflict)
            try await manager.get(path)
            let done = try await manager.post(
                path + "/actions/\(action.id)",
                [
                    "dimension": action.dimensionKey, "title": action.title, "owner": owner.uuidString, "dueOn": "2027-03-31",
                    "status": "done", "version": "1",
                ])
            #expect(done.status == .seeOther)
            try await manager.get(path)
            #expect(try await manager.post(path + "/status", ["status": "reviewed"]).status == .seeOther)
            #expect(try await h.store.health.wave(id: wave.id)?.status == .reviewed)
            #expect(try await manager.get(path).text.contains("<span id=\"wave-status\">Reviewed</span>"))
        }
    }

    @Test func theCSVExportHoldsAggregatesOnly() async throws {
        try await WebHarness.run { h in
            let (alliance, _, path) = try await Self.kanto(h)
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let csv = try await manager.get(path + "/results.csv")
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines[0].hasPrefix("wave,scope,dimension,side,shown,respondents,mean"))
            #expect(lines.count > 21 && lines[1].contains("All functions,Trust,Our company,yes"))
            let people = try await h.store.people.find(ids: try await h.store.alliances.members(of: alliance.id).map(\.personID))
            #expect(people.values.allSatisfy { !csv.text.contains($0.name) })
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(try await partner.get(path + "/results.csv").status == .notFound)
        }
    }

    @Test func thePortfolioShowsBandsAndTheHeatMap() async throws {
        try await WebHarness.run { h in
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let list = try await manager.get("/alliances")
            #expect(list.text.contains("aria-label=\"Health: Healthy, Improving since the wave before\""))
            #expect(list.text.contains(", Declining since the wave before\""))
            let heat = try await manager.get("/health")
            #expect(
                heat.status == .ok && heat.text.contains("Alliances 1-3 of 3") && heat.text.contains("Kanto Japan co-commercialization"))
            #expect(heat.text.contains("Trust: ") && heat.text.contains("perception gap"))
            #expect(try await manager.get("/health?page=0").status == .badRequest)
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(!(try await partner.get("/alliances").text.contains("Health: ")))
        }
    }

    @Test func administratorsEditInstrumentsAndUsedOnesGetANewVersion() async throws {
        try await WebHarness.run { h in
            let admin = h.browser()
            try await admin.signIn("admin@accord.example")
            let list = try await admin.get("/admin/instruments")
            #expect(list.status == .ok && list.text.contains("Alliance health (Accord default)") && list.text.contains("used by 9 waves"))
            let edit = try await admin.get("/admin/instruments/\(DefaultInstrument.key)")
            #expect(edit.status == .ok && edit.text.contains("Add a statement") && edit.text.contains("Add a dimension"))
            #expect(edit.text.contains("saving makes version 2"))
            var form = Self.fields(DefaultInstrument.instrument)
            form["d.0.q.2.text"] = "Our partner keeps its word on small things."
            form["d.0.q.2.a.1"] = "Rarely"
            form["d.0.q.2.a.2"] = "Sometimes"
            form["d.0.q.2.a.3"] = "Often"
            form["d.0.q.2.a.4"] = "Nearly always"
            form["d.0.q.2.a.5"] = "Always"
            let before = try await h.auditCount()
            var broken = form
            broken["name"] = ""
            broken["d.1.q.0.a.3"] = ""
            let refused = try await admin.post("/admin/instruments/\(DefaultInstrument.key)", broken)
            #expect(refused.status == .unprocessableContent && refused.text.contains("Name is required."))
            #expect(refused.text.contains("needs a written anchor for each score"))
            #expect(try await h.auditCount() == before)
            let saved = try await admin.post("/admin/instruments/\(DefaultInstrument.key)", form)
            #expect(saved.status == .seeOther && saved.location?.contains("instrument-versioned") == true)
            let versions = try await h.store.health.instrumentVersions().filter { $0.instrument.key == DefaultInstrument.key }
            #expect(versions.map(\.instrument.version) == [2, 1] && versions[0].instrument.questions.count == 23)
            #expect(versions[0].instrument.dimensions[0].questions[2].key == "trust.q3")

            try await admin.get("/admin/instruments/new")
            var fresh = form
            fresh["key"] = "Bad Key"
            #expect(try await admin.post("/admin/instruments/new", fresh).status == .unprocessableContent)
            try await admin.get("/admin/instruments/new")
            fresh["key"] = "quick-pulse"
            fresh["name"] = "Quick pulse"
            #expect(try await admin.post("/admin/instruments/new", fresh).status == .seeOther)
            try await admin.get("/admin/instruments/new")
            #expect(try await admin.post("/admin/instruments/new", fresh).status == .unprocessableContent)  // key taken
        }
    }

    /// The editor's field names for an instrument, as the form posts them.
    static func fields(_ instrument: Instrument) -> [String: String] {
        var values = ["name": instrument.name, "open": instrument.openQuestions.joined(separator: "\n")]
        for (i, dimension) in instrument.dimensions.enumerated() {
            values["d.\(i).key"] = dimension.key
            values["d.\(i).name"] = dimension.name
            for (j, question) in dimension.questions.enumerated() {
                values["d.\(i).q.\(j).key"] = question.key
                values["d.\(i).q.\(j).text"] = question.text
                for (k, anchor) in question.anchors.enumerated() { values["d.\(i).q.\(j).a.\(k + 1)"] = anchor }
            }
        }
        return values
    }
}
