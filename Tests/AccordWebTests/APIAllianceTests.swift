import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct APIAllianceTests {
    @Test(arguments: WebHarness.databases)
    func createReadUpdateDeleteWithAudit(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let before = try await h.auditCount()
            let created = try await api.send(.post, "/api/v1/alliances", json: try await h.newAllianceJSON())
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            let id = created.object["id"] as! String
            #expect(
                created.object["valueAmount"] as? String == "2500000.00" && created.object["partnerName"] as? String == "Norvik Biologics")
            #expect(try await h.auditCount() > before)

            var body = try await h.newAllianceJSON("API deal renamed")
            body["version"] = 1
            body["ourManagerId"] = (try await h.store.users.find(email: "manager@accord.example")!.personID!).uuidString
            let updated = try await api.send(.put, "/api/v1/alliances/\(id)", json: body)
            #expect(updated.status == .ok && updated.object["version"] as? Int == 2)
            let stale = try await api.send(.put, "/api/v1/alliances/\(id)", json: body)
            #expect(stale.status == .conflict && stale.headers[.contentType] == "application/problem+json")
            #expect(try await h.store.alliances.find(UUID(uuidString: id)!)?.name == "API deal renamed")

            let fetched = try await api.get("/api/v1/alliances/\(id)")
            #expect(fetched.status == .ok && fetched.object["name"] as? String == "API deal renamed")
            #expect(try await api.send(.delete, "/api/v1/alliances/\(id)").status == .noContent)
            #expect(try await api.get("/api/v1/alliances/\(id)").status == .notFound)
        }
    }

    @Test(arguments: WebHarness.databases)
    func listFiltersSortsAndPages(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            // Seven commercial alliances worth 1 to 7 million, and two in development worth more.
            let partner = try #require(try await h.store.organizations.list().first { $0.kind == .partner })
            for (index, phase) in (Array(repeating: "commercialization", count: 7) + ["development", "development"]).enumerated() {
                var input = AllianceInput()
                (input.name, input.partnerID, input.type, input.status, input.phase, input.tier) = (
                    "Deal \(index + 1)", partner.id.uuidString, "co_commercialization", "active", phase, "tier_2"
                )
                (input.valueAmount, input.valueCurrency) = ("\(index + 1)000000", "USD")
                _ = try await h.store.alliances.create(try input.validate(), by: .system)
            }
            let api = try await APIClient.forUser(h, "exec@accord.example")
            let page = try await api.get("/api/v1/alliances?phase=commercialization&sort=value&dir=desc&per_page=3&page=2")
            #expect(page.status == .ok)
            #expect(page.object["total"] as? Int == 7 && page.object["pageCount"] as? Int == 3 && page.items.count == 3)
            #expect(page.items.compactMap { $0["name"] as? String } == ["Deal 4", "Deal 3", "Deal 2"])
            let bad = try await api.get("/api/v1/alliances?phase=someday&per_page=0")
            #expect(bad.status == .badRequest && Set(bad.errorFields) == ["phase", "per_page"])
        }
    }

    /// Values are JSON fragments, so numbers and strings can both be tried.
    @Test(arguments: [
        ("name", #""""#, "name"), ("type", #""joint_venture""#, "type"), ("partnerId", #""nope""#, "partnerId"),
        ("partnerId", #""\#(UUID().uuidString)""#, "partnerId"), ("valueCurrency", #""XXX""#, "valueCurrency"),
        ("name", "42", "name"), ("tier", "true", "tier"), ("effectiveDate", #""2026-02-30""#, "effectiveDate"),
        ("colour", #""blue""#, "colour"),
    ])
    func badFieldsAre422AndWriteNothing(_ field: String, _ fragment: String, _ named: String) async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let value = try JSONSerialization.jsonObject(with: Data(fragment.utf8), options: .fragmentsAllowed)
            let api = try await APIClient.forUser(h, "admin@accord.example")
            var body = try await h.newAllianceJSON()
            body[field] = value
            let before = try await h.auditCount()
            let response = try await api.send(.post, "/api/v1/alliances", json: body)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorFields.contains(named), "\(response.object)")
            #expect(try await h.auditCount() == before)
        }
    }

    @Test(arguments: WebHarness.databases)
    func malformedBodiesAreRefused(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "admin@accord.example")
            #expect(try await api.send(.post, "/api/v1/alliances", raw: "{\"name\": ").status == .badRequest)
            #expect(try await api.send(.post, "/api/v1/alliances", raw: "[1, 2]").status == .badRequest)
            #expect(
                try await api.send(.post, "/api/v1/alliances", json: ["name": "x"], contentType: "text/plain").status
                    == .unsupportedMediaType)
            let huge = try await api.send(.post, "/api/v1/alliances", json: ["name": String(repeating: "x", count: 70_000)])
            #expect(huge.status == .contentTooLarge)
            var missing = try await h.newAllianceJSON()
            missing["version"] = nil
            let id = try await h.makeAlliance("Existing deal").id
            let noVersion = try await api.send(.put, "/api/v1/alliances/\(id)", json: missing)
            #expect(noVersion.status == .unprocessableContent && noVersion.errorFields.contains("version"))
            #expect(try await api.get("/api/v1/alliances/not-a-uuid").status == .notFound)
            #expect(try await api.get("/api/v1/nowhere").headers[.contentType] == "application/problem+json")
        }
    }

    @Test(arguments: WebHarness.databases)
    func teamsOverTheAPI(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let alliance = try await h.makeAlliance("Quality agreement", manager: try await h.accountPerson("manager"))
            let person = try await h.store.people.create(
                try PersonInput(
                    organizationID: alliance.partnerID.uuidString, name: "Finn Partner", email: "finn@norvik.example", function: "finance",
                    level: "operational"
                ).validate(), by: .system)
            let path = "/api/v1/alliances/\(alliance.id)/members"
            let added = try await api.send(.post, path, json: ["personId": person.id.uuidString, "role": "member"])
            #expect(added.status == .created && added.object["side"] as? String == "partner")
            let sponsor = try await api.send(.post, path, json: ["personId": person.id.uuidString, "role": "executive_sponsor"])
            #expect(sponsor.status == .unprocessableContent)
            let list = try await api.get(path)
            #expect(list.items.contains { $0["personId"] as? String == person.id.uuidString })
            #expect(try await api.send(.delete, path + "/\(added.object["id"] as! String)").status == .noContent)
        }
    }
}
