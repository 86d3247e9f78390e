import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Goals and KPIs: add a goal and a KPI, record measurements, see status and trend, export CSV; bad input; access.
@Suite struct GoalPagesTests {
    @Test(arguments: WebHarness.databases)
    func goalsKPIsAndMeasurements(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let meridian = try await h.makeAlliance("Biologics supply", manager: try await h.accountPerson("manager"))
            let mine = try await h.teamAlliance()
            let path = "/alliances/\(meridian.id.uuidString.lowercased())"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            #expect(try await manager.get(path + "/goals").text.contains("No goals yet"))
            let owner = try await h.store.alliances.members(of: meridian.id)[0].personID
            let before = try await h.auditCount()
            let bad = try await manager.post(path + "/goals", ["title": "", "term": "forever", "ownerID": UUID().uuidString])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Goal is required."))
            #expect(try await h.auditCount() == before)
            try await manager.get(path + "/goals")
            #expect(
                try await manager.post(path + "/goals", ["title": "Reliable supply", "term": "short_term", "ownerID": owner.uuidString])
                    .status
                    == .seeOther)
            let goal = try await h.store.goals.goals(allianceID: meridian.id)[0]
            try await manager.get(path + "/goals")
            #expect(
                try await manager.post(
                    path + "/kpis",
                    [
                        "name": "On-time batches", "category": "operational", "unit": "%", "target": "95", "direction": "higher_is_better",
                        "goalID": goal.id.uuidString,
                    ]
                ).status == .seeOther)
            let kpi = try await h.store.goals.kpis(allianceID: meridian.id)[0]
            for (day, value) in [("2026-08-01", "82"), ("2026-09-01", "88"), ("2026-10-01", "90")] {
                try await manager.get(path + "/goals")
                #expect(
                    try await manager.post(path + "/kpis/\(kpi.id.uuidString.lowercased())/measurements", ["on": day, "value": value])
                        .status == .seeOther)
            }
            try await manager.get(path + "/goals")
            let future = try await manager.post(
                path + "/kpis/\(kpi.id.uuidString.lowercased())/measurements", ["on": "2099-01-01", "value": "1"])
            #expect(future.status == .unprocessableContent && future.text.contains("cannot be dated in the future"))
            let page = try await manager.get(path + "/goals").text
            #expect(page.contains("Reliable supply") && page.contains("90.00 % on 2026-10-01") && page.contains("At risk"))
            #expect(page.contains("<svg class=\"kpi-trend\"") && page.contains("2026-08-01: 82.00"))
            let csv = try await manager.get(path + "/kpis.csv")
            #expect(
                csv.status == .ok
                    && csv.text.contains("On-time batches,operational,Reliable supply,%,95.00,higher_is_better,2026-10-01,90.00,at_risk"))
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(try await partner.get("/alliances/\(mine.id.uuidString.lowercased())/goals").status == .ok)
            #expect(try await partner.post("/alliances/\(mine.id.uuidString.lowercased())/goals", ["title": "x"]).status == .forbidden)
            #expect(try await partner.get(path + "/goals").status == .notFound)
        }
    }
}
