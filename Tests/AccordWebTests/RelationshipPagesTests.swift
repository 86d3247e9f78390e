import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The relationship map over HTTP and the API: SVG map and table, gaps, adding a pair (both on one side refused,
/// nothing written), recording a contact; internal only.
@Suite struct RelationshipPagesTests {
    @Test(arguments: WebHarness.databases)
    func mapPairsAndContacts(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let pampas = try await h.alliance(named: "Pampas gene therapy in-license")
            let path = "/alliances/\(pampas.id.uuidString.lowercased())/relationships"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let page = try await manager.get(path).text
            #expect(page.contains("<svg class=\"relationship-map\"") && page.contains("No pair at this level"))
            #expect(page.contains("No pair at these levels: Operational."))
            let ours = try await h.store.organizations.ours()!
            let our = try await h.store.people.all(organizationIDs: [ours.id])
            let theirs = try await h.store.people.all(organizationIDs: [pampas.partnerID])
            let ourCMC = try #require(our.first { $0.function == .cmc })
            let theirCMC = try #require(theirs.first { $0.function == .cmc })
            let before = try await h.auditCount()
            let sameSide = try await manager.post(
                path, ["ourPersonID": ourCMC.id.uuidString, "partnerPersonID": our[0].id.uuidString, "strength": "3"])
            #expect(sameSide.status == .unprocessableContent && sameSide.text.contains("Both people work for our company"))
            #expect(try await h.auditCount() == before)
            try await manager.get(path)
            let added = try await manager.post(
                path,
                ["ourPersonID": ourCMC.id.uuidString, "partnerPersonID": theirCMC.id.uuidString, "strength": "2", "cadence": "monthly"])
            #expect(added.status == .seeOther)
            let after = try await manager.get(path).text
            #expect(!after.contains("No pair at these levels") && after.contains("Overdue"))
            let pair = try #require(try await h.store.relationships.pairs(allianceID: pampas.id).first { $0.ourPersonID == ourCMC.id })
            try await manager.get(path)
            #expect(try await manager.post("\(path)/\(pair.id.uuidString.lowercased())/contact", [:]).status == .seeOther)
            #expect(try await h.store.relationships.pair(id: pair.id)?.lastContact == h.services!.today)
            try await manager.get(path)
            let future = try await manager.post("\(path)/\(pair.id.uuidString.lowercased())/contact", ["on": "2099-01-01"])
            #expect(future.status == .unprocessableContent)

            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            let hx = try await h.alliance(named: "HX-201")
            #expect(try await partner.get("/alliances/\(hx.id.uuidString.lowercased())/relationships").status == .forbidden)
        }
    }

    @Test func relationshipsOverTheAPI() async throws {
        try await WebHarness.run { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let hx = try await h.alliance(named: "HX-201")
            let base = "/api/v1/alliances/\(hx.id)/relationships"
            let map = try await api.get(base)
            #expect(map.status == .ok && (map.object["pairs"] as! [Any]).count == 2)
            #expect((map.object["levelGaps"] as! [String]).contains("operational"))
            let ours = try await h.store.organizations.ours()!
            let our = try #require(try await h.store.people.all(organizationIDs: [ours.id]).first { $0.function == .clinical })
            let their = try #require(try await h.store.people.all(organizationIDs: [hx.partnerID]).first { $0.function == .clinical })
            let before = try await h.auditCount()
            let bad = try await api.send(
                .post, base, json: ["ourPersonId": their.id.uuidString, "partnerPersonId": our.id.uuidString, "strength": 9])
            #expect(bad.status == .unprocessableContent && Set(bad.errorFields) == ["ourPersonId", "partnerPersonId", "strength"])
            #expect(try await h.auditCount() == before)
            let created = try await api.send(
                .post, base,
                json: ["ourPersonId": our.id.uuidString, "partnerPersonId": their.id.uuidString, "strength": 4, "cadence": "weekly"])
            #expect(created.status == .created && created.object["function"] as? String == "clinical")
            #expect(created.object["contactOverdue"] as? Bool == true)
            let path = base + "/\(created.object["id"] as! String)"
            let contact = try await api.send(.post, path + "/contacts", json: [:])
            #expect(contact.status == .ok && contact.object["contactOverdue"] as? Bool == false)
            let updated = try await api.send(
                .put, path, json: ["ourPersonId": our.id.uuidString, "partnerPersonId": their.id.uuidString, "strength": 5, "version": 2])
            #expect(updated.status == .ok && updated.object["strength"] as? Int == 5)
            #expect(try await api.send(.delete, path).status == .noContent)
            let partner = try await APIClient.forUser(h, "partner@accord.example")
            #expect(try await partner.get(base).status == .forbidden)
        }
    }
}
