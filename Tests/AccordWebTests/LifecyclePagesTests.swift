import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The lifecycle page and the playbook editor over HTTP: start a change, refuse an unsettled checklist, complete it
/// with part of the proposals, close a coverage gap; bad input writes nothing.
@Suite struct LifecyclePagesTests {
    @Test(arguments: WebHarness.databases)
    func phaseChangeWithChecklistAndProposals(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let hx = try await h.alliance(named: "HX-201")
            let path = "/alliances/\(hx.id.uuidString.lowercased())/lifecycle"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let page = try await manager.get(path)
            #expect(page.status == .ok && page.text.contains("Who should be involved in Development") && page.text.contains("Gap"))
            let before = try await h.auditCount()
            let bad = try await manager.post(path, ["toPhase": "launch", "effectiveOn": "2026-13-01", "reason": ""])
            #expect(
                bad.status == .unprocessableContent && bad.text.contains("Phase must be one of") && bad.text.contains("Reason is required.")
            )
            let same = try await manager.post(path, ["toPhase": "development", "effectiveOn": "2026-12-01", "reason": "x"])
            #expect(same.status == .unprocessableContent && same.text.contains("already in development"))
            #expect(try await h.auditCount() == before)
            try await manager.get(path)
            let started = try await manager.post(
                path, ["toPhase": "commercialization", "toTransition": "", "effectiveOn": "2026-12-01", "reason": "EU approval"])
            #expect(started.status == .seeOther)
            let change = try #require(try await h.store.lifecycle.pending(allianceIDs: [hx.id]).first)
            let pending = try await manager.get(path).text
            #expect(pending.contains("Phase change waiting: Development → Commercialization") && pending.contains("Launch decision"))
            #expect(pending.contains("Joins the team") && pending.contains("Leaves the team"))
            // Unsettled checklist: 422 naming the items, nothing written.
            let complete = "\(path)/\(change.id.uuidString.lowercased())/complete"
            let count = try await h.auditCount()
            let unsettled = try await manager.post(complete, ["done.0": "on", "waiver.1": "  "])
            #expect(unsettled.status == .unprocessableContent && unsettled.text.contains("is neither done nor waived"))
            #expect(try await h.auditCount() == count)
            #expect(try await h.store.alliances.find(hx.id)?.phase == .development)
            // Settle it (one item waived) and accept only the first team proposal.
            let state = try await LifecycleService(h.store).pendingProposals(hx)
            let first = try #require(state.first { $0.action == .joinTeam })
            var form: [String: String] = [
                "accept.\(first.key)": "on", "waiver.\(change.checklist.count - 1)": "Reporting starts at first sale",
            ]
            for i in 0..<(change.checklist.count - 1) { form["done.\(i)"] = "on" }
            try await manager.get(path)
            #expect(try await manager.post(complete, form).status == .seeOther)
            let moved = try await h.store.alliances.find(hx.id)
            #expect(moved?.phase == .commercialization)
            #expect(try await h.store.alliances.members(of: hx.id).contains { $0.personID == first.personID })
            let after = try await manager.get(path).text
            #expect(after.contains("Now in <strong id=\"current-phase\">Commercialization</strong>"))
            #expect(after.contains("\(change.checklist.count - 1) of \(change.checklist.count) done, 1 waived"))
            #expect(after.contains("Reporting starts at first sale"))
            // Editing the alliance cannot move the phase.
            var edit = AccessMatrixTests.form(for: moved!)
            edit["phase"] = "initiation"
            edit["version"] = String(moved!.version)
            try await manager.get("/alliances/\(hx.id.uuidString.lowercased())/edit")
            let refused = try await manager.post("/alliances/\(hx.id.uuidString.lowercased())/edit", edit)
            #expect(refused.status == .unprocessableContent && refused.text.contains("Lifecycle page"))
        }
    }

    @Test func closingACoverageGapAddsThePersonToTheTeam() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let hx = try await h.teamAlliance()
            let path = "/alliances/\(hx.id.uuidString.lowercased())/lifecycle"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            try await manager.get(path)
            let playbook = try await h.store.playbooks.playbook(hx.type)
            let team = try await h.store.alliances.members(of: hx.id)
            let people = try await h.store.people.find(ids: team.map(\.personID))
            let ours = try await h.store.organizations.ours()!
            let gap = try #require(
                playbook.needed(in: hx.phase).first { f in !team.contains { $0.side == .ours && people[$0.personID]?.function == f } })
            // Someone of ours who can close the gap and is not on the team yet.
            let candidate = try await h.store.people.create(
                try PersonInput(
                    organizationID: ours.id.uuidString, name: "Gap Closer", email: "gap.closer@helix.example", function: gap.rawValue,
                    level: "management"
                ).validate(), by: .system)
            #expect(try await manager.post(path + "/team", ["personID": candidate.id.uuidString]).status == .seeOther)
            #expect(try await h.store.alliances.members(of: hx.id).contains { $0.personID == candidate.id && $0.role == .functionalLead })
            try await manager.get(path)
            let bad = try await manager.post(path + "/team", ["personID": "not-a-person"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Person is not a valid choice."))
        }
    }

    /// With more people able to close a gap than a list should hold, the gap offers the best suited and points to
    /// the team's search; the page never lists the whole directory.
    @Test(arguments: WebHarness.databases)
    func aGapWithManyCandidatesListsTheBestSuited(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let ours = try #require(try await h.store.organizations.ours())
            let partner = try await h.store.organizations.create(
                try OrganizationInput(name: "Candidate Partner AG", kind: "partner").validate(), by: .system)
            var input = AllianceInput()
            (input.name, input.partnerID, input.type, input.status, input.phase, input.tier) = (
                "Many candidates", partner.id.uuidString, "co_development", "active", "development", "tier_2"
            )
            let alliance = try await h.store.alliances.create(try input.validate(), by: .system)
            let gap = try #require(try await h.store.playbooks.playbook(alliance.type).needed(in: .development).first)
            for i in 0..<55 {
                _ = try await h.store.people.create(
                    try PersonInput(
                        organizationID: ours.id.uuidString, name: String(format: "Candidate %02d", i), email: "candidate\(i)@helix.example",
                        function: gap.rawValue, level: i == 54 ? "management" : "operational"
                    ).validate(), by: .system)
            }
            let total = try await h.store.people.functionCandidates(
                allianceID: alliance.id, organizationID: ours.id, function: gap, levels: InvolvementPlan.pickOrder, limit: 1
            ).total
            let admin = h.browser()
            try await admin.signIn("admin@accord.example")
            let page = try await admin.get("/alliances/\(alliance.id.uuidString.lowercased())/lifecycle")
            #expect(page.status == .ok)
            let label = "Person to add: \(gap.label.replacingOccurrences(of: "&", with: "&amp;")), our company"
            let select = try #require(page.text.range(of: "aria-label=\"\(label)\"").map { page.text[$0.upperBound...] })
            let options = select[..<select.range(of: "</select>")!.lowerBound].components(separatedBy: "<option").count - 1
            let listed = 50  // a list holds at most 50 choices (ChoiceField.listLimit)
            #expect(options == listed)
            #expect(select.contains("Candidate 54 (Management)"), "the best suited level comes first")
            #expect(page.text.contains("The \(listed) best suited are listed; \(total - listed) more can be found by name on the team."))
            #expect(page.text.contains("href=\"/alliances/\(alliance.id.uuidString.lowercased())#team\""))
        }
    }

    @Test func administratorsEditPlaybooks() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let admin = h.browser()
            try await admin.signIn("admin@accord.example")
            let list = try await admin.get("/admin/playbooks")
            #expect(list.status == .ok && list.text.contains("Supply / contract manufacturing") && list.text.contains("As shipped"))
            let path = "/admin/playbooks/supply_manufacturing"
            #expect(try await admin.get(path).text.contains("name=\"cell.commercialization.supply_chain\""))
            var form: [String: String] = [:]
            for (key, value) in PlaybookInput(DefaultPlaybooks.playbook(.supplyManufacturing)).cells { form["cell.\(key)"] = value }
            form["cell.commercialization.finance"] = "accountable"
            form["checklist.exit"] = "Stock reconciled\nQuality records archived"
            form["version"] = "0"
            let before = try await h.auditCount()
            let bad = try await admin.post(path, form.merging(["cell.commercialization.marketing": "responsible"]) { a, _ in a })
            #expect(bad.status == .unprocessableContent && bad.text.contains("Unknown function “marketing”"))
            #expect(try await h.auditCount() == before)
            try await admin.get(path)
            #expect(try await admin.post(path, form).status == .seeOther)
            let saved = try await h.store.playbooks.playbook(.supplyManufacturing)
            #expect(saved.version == 1 && saved.involvement(.commercialization, .finance) == .accountable)
            #expect(saved.checklist(.transition(.exit)) == ["Stock reconciled", "Quality records archived"])
            try await admin.get(path)
            let stale = try await admin.post(path, form)
            #expect(stale.status == .conflict)
            #expect(try await admin.get("/admin/playbooks").text.contains("Edited (version 1)"))
        }
    }
}
