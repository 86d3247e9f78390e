import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The lifecycle API: coverage and gaps, starting a change, refusing an unsettled checklist, completing with accepted
/// proposals, playbooks; bad input and access.
@Suite struct APILifecycleTests {
    @Test(arguments: WebHarness.databases)
    func phaseChangeOverTheAPI(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let hx = try await h.alliance(named: "HX-201")
            let base = "/api/v1/alliances/\(hx.id)/lifecycle"
            let state = try await api.get(base)
            #expect(state.status == .ok && state.object["phase"] as? String == "development" && state.object["pending"] is NSNull)
            let coverage = state.object["coverage"] as! [[String: Any]]
            #expect(coverage.contains { $0["function"] as? String == "clinical" && $0["gapOurs"] as? Bool == true })

            let before = try await h.auditCount()
            let bad = try await api.send(.post, base + "/changes", json: ["toPhase": "launch", "effectiveOn": "soon", "reason": ""])
            #expect(bad.status == .unprocessableContent && Set(bad.errorFields) == ["toPhase", "effectiveOn", "reason"])
            let unknown = try await api.send(.post, base + "/changes", json: ["toPhase": "commercialization", "colour": "red"])
            #expect(unknown.status == .unprocessableContent && unknown.errorFields.contains("colour"))
            #expect(try await h.auditCount() == before)

            let created = try await api.send(
                .post, base + "/changes", json: ["toPhase": "commercialization", "effectiveOn": "2026-12-01", "reason": "Launch approved"])
            #expect(created.status == .created && created.object["status"] as? String == "pending")
            let checklist = created.object["checklist"] as! [[String: Any]]
            let changePath = base + "/changes/\(created.object["id"] as! String)"
            let again = try await api.send(
                .post, base + "/changes", json: ["toPhase": "commercialization", "effectiveOn": "2026-12-01", "reason": "Twice"])
            #expect(again.status == .conflict)

            let pending = try await api.get(base)
            let proposals = pending.object["proposals"] as! [[String: Any]]
            #expect(
                !proposals.isEmpty && (pending.object["pending"] as? [String: Any])?["id"] as? String == created.object["id"] as? String)
            let joins = proposals.filter { $0["action"] as? String == "join_team" }.map { $0["key"] as! String }

            let count = try await h.auditCount()
            let unsettled = try await api.send(.post, changePath + "/complete", json: ["done": [0], "accepted": joins])
            #expect(unsettled.status == .unprocessableContent && unsettled.errorFields.contains("checklist.1"))
            let badKeys = try await api.send(
                .post, changePath + "/complete",
                json: ["done": Array(0..<checklist.count), "waivers": ["first": "x"], "accepted": ["nope"]])
            #expect(badKeys.status == .unprocessableContent && Set(badKeys.errorFields).isSuperset(of: ["waivers.first"]))
            #expect(try await h.auditCount() == count)
            let done = try await api.send(
                .post, changePath + "/complete",
                json: [
                    "done": Array(0..<(checklist.count - 1)), "waivers": ["\(checklist.count - 1)": "Not yet selling"], "accepted": joins,
                ])
            #expect(done.status == .ok && done.object["status"] as? String == "completed")
            let waived = (done.object["checklist"] as! [[String: Any]]).last!
            #expect(waived["done"] as? Bool == false && waived["waiver"] as? String == "Not yet selling")
            let after = try await api.get(base)
            #expect(after.object["phase"] as? String == "commercialization" && (after.object["history"] as! [Any]).count == 1)
            #expect(try await api.send(.post, changePath + "/cancel").status == .conflict)

            // Partner tokens never see the internal lifecycle of their alliances; others are hidden.
            let partner = try await APIClient.forUser(h, "partner@accord.example")
            #expect(try await partner.get(base).status == .forbidden)
            #expect(try await partner.send(.post, base + "/changes", json: ["toPhase": "initiation"]).status == .forbidden)
            let outsider = try await h.outsiderAlliance()
            #expect(try await partner.get("/api/v1/alliances/\(outsider.id)/lifecycle").status == .notFound)
            let member = try await APIClient.forUser(h, "member@accord.example")
            #expect(try await member.get(base).status == .ok)
            #expect(try await member.send(.post, base + "/changes", json: ["toPhase": "initiation"]).status == .forbidden)
        }
    }

    @Test func playbooksOverTheAPI() async throws {
        try await WebHarness.run { h in
            let admin = try await APIClient.forUser(h, "admin@accord.example")
            let list = try await admin.get("/api/v1/playbooks")
            #expect(list.status == .ok && (list.object["items"] as! [Any]).count == AllianceType.allCases.count)
            let one = try await admin.get("/api/v1/playbooks/quality_agreement")
            #expect(one.object["isDefault"] as? Bool == true && one.object["version"] as? Int == 0)
            var cells = one.object["cells"] as! [String: [String: String]]
            cells["commercialization"]?["finance"] = "accountable"
            let before = try await h.auditCount()
            var badCells = cells
            badCells["launch"] = ["quality": "accountable"]
            let bad = try await admin.send(.put, "/api/v1/playbooks/quality_agreement", json: ["cells": badCells, "version": 0])
            #expect(bad.status == .unprocessableContent && bad.errorFields == ["cells.launch.quality"])
            let notObject = try await admin.send(.put, "/api/v1/playbooks/quality_agreement", json: ["cells": [1, 2], "version": 0])
            #expect(notObject.status == .unprocessableContent && notObject.errorFields == ["cells"])
            #expect(try await h.auditCount() == before)
            let saved = try await admin.send(
                .put, "/api/v1/playbooks/quality_agreement",
                json: ["cells": cells, "checklists": ["exit": ["Archive records"]], "version": 0])
            #expect(saved.status == .ok && saved.object["version"] as? Int == 1)
            #expect((saved.object["checklists"] as? [String: [String]])?["exit"] == ["Archive records"])
            let stale = try await admin.send(.put, "/api/v1/playbooks/quality_agreement", json: ["cells": cells, "version": 0])
            #expect(stale.status == .conflict)
            #expect(try await admin.get("/api/v1/playbooks/joint_venture").status == .notFound)
            let manager = try await APIClient.forUser(h, "manager@accord.example")
            #expect(try await manager.get("/api/v1/playbooks/quality_agreement").status == .ok)
            #expect(
                try await manager.send(.put, "/api/v1/playbooks/quality_agreement", json: ["cells": cells, "version": 1]).status
                    == .forbidden)
            let partner = try await APIClient.forUser(h, "partner@accord.example")
            #expect(try await partner.get("/api/v1/playbooks").status == .forbidden)
        }
    }
}
