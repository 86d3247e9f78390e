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
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let pampas = try await h.makeAlliance("Gene therapy in-license", manager: try await h.accountPerson("manager"))
            let ours = try await h.store.organizations.ours()!
            // Pairs at the three upper levels; two CMC people at the operational level, not yet paired.
            try await Self.pairs(h, pampas, at: [.executive, .seniorManagement, .management])
            _ = try await Self.person(h, ours.id, "Our CMC lead", .cmc, .operational)
            _ = try await Self.person(h, pampas.partnerID, "Their CMC lead", .cmc, .operational)
            let path = "/alliances/\(pampas.id.uuidString.lowercased())/relationships"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let page = try await manager.get(path).text
            #expect(page.contains("<svg class=\"relationship-map\"") && page.contains("No pair at this level"))
            #expect(page.contains("No pair at these levels: Operational."))
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
            let team = try await h.teamAlliance()  // the partner user's own alliance: the map is internal all the same
            #expect(try await partner.get("/alliances/\(team.id.uuidString.lowercased())/relationships").status == .forbidden)
        }
    }

    /// One alliance-management pair at each of `levels`, between new people on both sides.
    static func pairs(_ h: WebHarness, _ alliance: Alliance, at levels: [Level]) async throws {
        let ours = try #require(try await h.store.organizations.ours())
        for level in levels {
            let our = try await person(h, ours.id, "Our \(level.rawValue)", .allianceManagement, level)
            let their = try await person(h, alliance.partnerID, "Their \(level.rawValue)", .allianceManagement, level)
            let valid = CounterpartInput.Valid(
                ourPersonID: our.id, partnerPersonID: their.id, level: level, function: .allianceManagement, cadence: .quarterly,
                lastContact: nil, strength: 3, notes: nil)
            _ = try await h.store.relationships.create(allianceID: alliance.id, valid, by: .system)
        }
    }

    static func person(_ h: WebHarness, _ org: UUID, _ name: String, _ function: BusinessFunction, _ level: Level) async throws
        -> Person
    {
        let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@\(org.uuidString.prefix(8)).example"
        let input = PersonInput(
            organizationID: org.uuidString, name: name, email: email, function: function.rawValue, level: level.rawValue)
        return try await h.store.people.create(try input.validate(), by: .system)
    }

    @Test func relationshipsOverTheAPI() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let hx = try await h.makeAlliance("HX-201", manager: try await h.accountPerson("manager"))
            let ours = try await h.store.organizations.ours()!
            try await Self.pairs(h, hx, at: [.executive, .management])  // the operational level has none
            _ = try await Self.person(h, ours.id, "Our clinical lead", .clinical, .management)
            _ = try await Self.person(h, hx.partnerID, "Their clinical lead", .clinical, .management)
            let base = "/api/v1/alliances/\(hx.id)/relationships"
            let map = try await api.get(base)
            #expect(map.status == .ok && (map.object["pairs"] as! [Any]).count == 2)
            #expect((map.object["levelGaps"] as! [String]).contains("operational"))
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
            let team = try await h.teamAlliance()  // the partner user's own alliance: its map is internal all the same
            #expect(try await partner.get("/api/v1/alliances/\(team.id)/relationships").status == .forbidden)
        }
    }
}
