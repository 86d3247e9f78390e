import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The issue log over HTTP and the API: log (bad input writes nothing), escalate, resolve, reopen; overdue flags on
/// the alliance and the portfolio; partner users see shared issues only and change nothing.
@Suite struct IssuePagesTests {
    @Test(arguments: WebHarness.databases)
    func logEscalateResolveAndReopen(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let hx = try await h.teamAlliance("Discovery alliance")
            let path = "/alliances/\(hx.id.uuidString.lowercased())/issues"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            #expect(try await manager.get(path).text.contains("No open issues"))
            let owner = try #require(hx.ourManagerID)
            let before = try await h.auditCount()
            let bad = try await manager.post(path, ["title": "", "severity": "urgent", "ownerID": UUID().uuidString])
            #expect(
                bad.status == .unprocessableContent && bad.text.contains("Issue is required.")
                    && bad.text.contains("Severity must be one of"))
            #expect(
                bad.text.contains("The owner must be on the alliance&#39;s team.") || bad.text.contains("The owner must be on the alliance")
            )
            #expect(try await h.auditCount() == before)
            try await manager.get(path)
            let logged = try await manager.post(
                path, ["title": "Assay transfer stalled", "severity": "high", "ownerID": owner.uuidString, "visibility": "shared"])
            #expect(logged.status == .seeOther)
            let issue = try #require(try await h.store.issues.issues(allianceID: hx.id).first)
            let base = "\(path)/\(issue.id.uuidString.lowercased())"
            try await manager.get(path)
            #expect(try await manager.post(base + "/escalate", ["note": "Needs the alliance managers"]).status == .seeOther)
            let page = try await manager.get(path).text
            #expect(page.contains("Escalate to Governance body") && page.contains("Needs the alliance managers"))
            #expect(try await h.store.issues.issue(id: issue.id)?.level == .allianceManagers)
            try await manager.get(path)
            let empty = try await manager.post(base + "/resolve", ["resolution": " "])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Resolution is required."))
            try await manager.get(path)
            #expect(try await manager.post(base + "/resolve", ["resolution": "Second lab booked"]).status == .seeOther)
            let resolved = try await manager.get(path).text
            #expect(resolved.contains("Second lab booked") && resolved.contains("No open issues"))
            try await manager.get(path)
            #expect(try await manager.post(base + "/reopen", [:]).status == .seeOther)
            #expect(try await h.store.issues.issue(id: issue.id)?.status == .open)
            try await manager.get(path)
            #expect(try await manager.post(base + "/reopen", [:]).status == .conflict)

            // The partner user on the alliance's team sees the shared issue but cannot change it.
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(try await partner.get(path).text.contains("Assay transfer stalled"))
            #expect(try await partner.post(base + "/escalate", [:]).status == .forbidden)
        }
    }

    @Test func overdueIssuesAreFlaggedOnTheAllianceAndThePortfolio() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let kanto = try await h.makeAlliance("Kanto Japan co-commercialization", manager: try await h.accountPerson("manager"))
            let team = try await h.teamAlliance()
            let today = LocalDate(date: Date())
            // Raised 20 days ago at the working team, whose limit is 14 days; the partner's alliance has an internal one.
            for (alliance, title, visibility) in [
                (kanto, "Targeting data for the field force arrives late", Visibility.shared),
                (team, "Vector supply below plan", .internal),
            ] {
                let valid = IssueInput.Valid(
                    title: title, details: nil, severity: .high, ownerID: try #require(alliance.ourManagerID), visibility: visibility)
                _ = try await h.store.issues.create(allianceID: alliance.id, valid, raisedOn: today.adding(days: -20), by: .system)
            }
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let page = try await manager.get("/alliances/\(kanto.id.uuidString.lowercased())").text
            #expect(page.contains("Issues: 1 issue past its escalation limit."))
            #expect(page.contains("<a href=\"/alliances/\(kanto.id.uuidString.lowercased())/issues\">Issues: 1 issue"))
            #expect(!page.contains("Governance needs attention"))  // an issue is not governance's late work
            let portfolio = try await manager.get("/governance").text
            #expect(
                portfolio.contains("Issues past their escalation limit")
                    && portfolio.contains("Targeting data for the field force arrives late")
                    && portfolio.contains("Vector supply below plan"))
            let issues = try await manager.get("/alliances/\(kanto.id.uuidString.lowercased())/issues").text
            #expect(issues.contains("past the limit") && issues.contains("current overdue"))
            // The supply issue is internal: the partner's portfolio view does not show it, though it is on their alliance.
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(!(try await partner.get("/governance").text.contains("Vector supply")))
        }
    }

    @Test(arguments: WebHarness.databases)
    func issuesOverTheAPI(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let meridian = try await h.makeAlliance("Biologics supply", manager: try await h.accountPerson("manager"))
            let hx = try await h.teamAlliance()
            let base = "/api/v1/alliances/\(meridian.id)/issues"
            let list = try await api.get(base)
            #expect(list.status == .ok && (list.object["items"] as! [[String: Any]]).isEmpty)
            let owner = try #require(meridian.ourManagerID)
            let before = try await h.auditCount()
            let bad = try await api.send(.post, base, json: ["title": "", "severity": "urgent", "ownerId": "x"])
            #expect(bad.status == .unprocessableContent && Set(bad.errorFields) == ["title", "severity", "ownerId"])
            #expect(try await api.send(.post, base, json: ["title": "x", "colour": 1]).errorFields == ["colour"])
            #expect(try await h.auditCount() == before)
            let created = try await api.send(
                .post, base, json: ["title": "Batch record review slow", "severity": "medium", "ownerId": owner.uuidString])
            #expect(created.status == .created && created.object["level"] as? String == "working_team")
            #expect((try await api.get(base).object["items"] as! [[String: Any]]).count == 1)
            #expect(created.object["visibility"] as? String == "internal" && created.object["overdue"] as? Bool == false)
            let path = base + "/\(created.object["id"] as! String)"
            let up = try await api.send(.post, path + "/escalate", json: ["note": "Escalating"])
            #expect(up.status == .ok && up.object["level"] as? String == "alliance_managers")
            let steps = up.object["steps"] as! [[String: Any]]
            #expect(steps.count == 2 && steps[0]["limitDays"] as? Int == 14 && steps[1]["note"] as? String == "Escalating")
            let stale = try await api.send(.put, path, json: ["title": "x", "severity": "low", "ownerId": owner.uuidString, "version": 1])
            #expect(stale.status == .conflict)
            let edited = try await api.send(
                .put, path, json: ["title": "Batch record review slow", "severity": "high", "ownerId": owner.uuidString, "version": 2])
            #expect(edited.status == .ok && edited.object["severity"] as? String == "high")
            #expect(try await api.send(.post, path + "/resolve", json: [:]).errorFields == ["resolution"])
            #expect(
                try await api.send(.post, path + "/resolve", json: ["resolution": "Extra reviewer"]).object["status"] as? String
                    == "resolved")
            let partner = try await APIClient.forUser(h, "partner@accord.example")
            #expect(try await partner.get("/api/v1/alliances/\(hx.id)/issues").status == .ok)
            #expect(try await partner.send(.post, "/api/v1/alliances/\(hx.id)/issues", json: ["title": "x"]).status == .forbidden)
            #expect(try await partner.get(base).status == .notFound)
            #expect(try await partner.get(path).status == .notFound)
        }
    }
}
