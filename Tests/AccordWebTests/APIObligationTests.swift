import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The obligations API: create with a trigger, record the trigger's date, record execution, CSV, bad input, access.
@Suite struct APIObligationTests {
    @Test(arguments: WebHarness.databases)
    func obligationsTriggersAndExecutionsOverTheAPI(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let alliance = try await h.makeAlliance("Biologics supply", manager: try await h.accountPerson("manager"))
            let base = "/api/v1/alliances/\(alliance.id)"
            let event = try await api.send(.post, base + "/triggers", json: ["name": "BLA approval"])
            #expect(event.status == .created && event.object["occurredOn"] is NSNull)
            let eventID = event.object["id"] as! String

            let before = try await h.auditCount()
            let bad = try await api.send(
                .post, base + "/obligations",
                json: [
                    "title": "Approval milestone", "kind": "milestone", "direction": "joint", "triggerId": eventID, "offsetDays": 30,
                    "dueOn": "2027-01-01", "amount": "-1", "currency": "ABC",
                ])
            #expect(bad.status == .unprocessableContent && Set(bad.errorFields) == ["direction", "dueOn", "amount", "currency"])
            let endless = try await api.send(
                .post, base + "/obligations",
                json: ["title": "Supply report", "kind": "report", "direction": "incoming", "dueOn": "2027-01-31", "recurrence": "monthly"])
            #expect(endless.errorFields == ["recursUntil"])
            #expect(try await h.auditCount() == before)

            let created = try await api.send(
                .post, base + "/obligations",
                json: [
                    "title": "Approval milestone", "kind": "milestone", "direction": "incoming", "triggerId": eventID, "offsetDays": 30,
                    "amount": "12,000,000", "currency": "EUR",
                ])
            #expect(created.status == .created && (created.object["occurrences"] as! [Any]).isEmpty)
            #expect(created.object["amount"] as? String == "12000000.00" && created.object["dueOn"] is NSNull)
            let path = base + "/obligations/\(created.object["id"] as! String)"
            let dated = try await api.send(
                .put, base + "/triggers/\(eventID)", json: ["name": "BLA approval", "occurredOn": "2026-09-01", "version": 1])
            #expect(dated.status == .ok)
            let due = try await api.get(path)
            let occurrence = (due.object["occurrences"] as! [[String: Any]])[0]
            #expect(occurrence["dueOn"] as? String == "2026-10-01" && occurrence["overdue"] as? Bool == true)

            let partial = try await api.send(
                .put, path + "/occurrences/0", json: ["state": "partly_executed", "executedAmount": "4000000", "executedOn": "2026-10-03"])
            let recorded = (partial.object["occurrences"] as! [[String: Any]])[0]
            #expect(
                partial.status == .ok && recorded["state"] as? String == "partly_executed"
                    && recorded["executedAmount"] as? String == "4000000.00")
            #expect(
                try await api.send(.put, path + "/occurrences/3", json: ["state": "fully_executed", "executedOn": "2026-10-03"]).errorFields
                    == ["occurrence"])
            #expect(try await api.send(.put, path + "/occurrences/0", json: ["state": "done"]).errorFields == ["state"])

            let csv = try await api.get(base + "/obligations.csv")
            let text = String(buffer: csv.body)
            #expect(
                csv.status == .ok && text.hasPrefix("obligation_id,title,kind")
                    && text.contains(
                        "Approval milestone,milestone,incoming,1,2026-10-01,30 days after BLA approval,EUR,12000000.00,partly_executed,4000000.00,2026-10-03,yes"
                    ))
            #expect(try await api.get(base + "/obligations").items.count == 1)
            #expect(try await h.store.audit.verify().intact)
        }
    }

    @Test(arguments: WebHarness.databases)
    func partnerTokensReadSharedObligationsAndChangeNothing(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let api = try await APIClient.forUser(h, "partner@accord.example")
            let mine = try await h.alliance(named: "HX-201")
            let titles = try await api.get("/api/v1/alliances/\(mine.id)/obligations").items.compactMap { $0["title"] as? String }
            #expect(Set(titles) == ["Research funding", "Candidate nomination diligence"])
            #expect(try await api.send(.post, "/api/v1/alliances/\(mine.id)/triggers", json: ["name": "x"]).status == .forbidden)
            let kanto = try await h.alliance(named: "Kanto Japan")
            #expect(try await api.get("/api/v1/alliances/\(kanto.id)/obligations").status == .notFound)
        }
    }
}

@Suite struct APIGoalTests {
    @Test(arguments: WebHarness.databases)
    func goalsKPIsAndMeasurementsOverTheAPI(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let alliance = try await h.makeAlliance("Biologics supply", manager: try await h.accountPerson("manager"))
            let mine = try await h.teamAlliance()
            let base = "/api/v1/alliances/\(alliance.id)"
            let owner = try await h.store.alliances.members(of: alliance.id)[0].personID.uuidString
            let bad = try await api.send(.post, base + "/goals", json: ["title": "", "term": "soon", "ownerId": UUID().uuidString])
            #expect(bad.status == .unprocessableContent && Set(bad.errorFields) == ["title", "term", "ownerId"])
            let goal = try await api.send(
                .post, base + "/goals", json: ["title": "Reliable supply", "term": "short_term", "ownerId": owner])
            #expect(goal.status == .created && goal.object["status"] as? String == "planned")
            let goalID = goal.object["id"] as! String
            #expect(
                try await api.send(.post, base + "/goals/\(goalID)/status", json: ["status": "in_progress"]).object["status"] as? String
                    == "in_progress")
            let kpi = try await api.send(
                .post, base + "/kpis",
                json: [
                    "name": "Deviations", "category": "operational", "unit": "per quarter", "target": "2", "direction": "lower_is_better",
                    "goalId": goalID,
                ])
            #expect(kpi.status == .created && kpi.object["status"] as? String == "no_data")
            let path = base + "/kpis/\(kpi.object["id"] as! String)/measurements"
            #expect(try await api.send(.post, path, json: ["on": "2026-10-01", "value": "two"]).errorFields == ["value"])
            let measured = try await api.send(.post, path, json: ["on": "2026-10-01", "value": "2.2", "note": "Two minor, one major"])
            #expect(measured.status == .ok && measured.object["status"] as? String == "at_risk")
            #expect((measured.object["measurements"] as! [[String: Any]])[0]["value"] as? String == "2.20")
            let list = try await api.get(base + "/kpis")
            #expect(list.items.count == 1 && list.items[0]["goalId"] as? String == goalID)
            let csv = try await api.get(base + "/kpis.csv")
            #expect(
                String(buffer: csv.body).contains(
                    "Deviations,operational,Reliable supply,per quarter,2.00,lower_is_better,2026-10-01,2.20,at_risk"))
            let partner = try await APIClient.forUser(h, "partner@accord.example")
            #expect(try await partner.get("/api/v1/alliances/\(mine.id)/kpis").status == .ok)
            #expect(try await partner.send(.post, "/api/v1/alliances/\(mine.id)/goals", json: ["title": "x"]).status == .forbidden)
            #expect(try await partner.get(base + "/goals").status == .notFound)
        }
    }
}
