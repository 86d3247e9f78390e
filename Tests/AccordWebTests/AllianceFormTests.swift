import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HummingbirdTesting
import NIOCore
import Testing

@Suite struct AllianceFormTests {
    static func form(_ h: WebHarness, name: String = "New deal") async throws -> [String: String] {
        let partner = try #require(try await h.store.organizations.list().first { $0.kind == .partner })
        return [
            "name": name, "partnerID": partner.id.uuidString, "type": "co_development", "status": "launching", "phase": "initiation",
            "tier": "tier_2", "valueAmount": "1,000,000", "valueCurrency": "EUR",
        ]
    }

    @Test func aValidFormCreatesTheAllianceWithAuditRecords() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("manager@accord.example")
            try await browser.get("/alliances/new")
            let before = try await h.auditCount()
            let response = try await browser.post("/alliances", try await Self.form(h))
            #expect(response.status == .seeOther)
            let page = try await browser.get(response.location!)
            #expect(page.status == .ok && page.text.contains("Saved. The record was created.") && page.text.contains("EUR 1,000,000.00"))
            #expect(try await h.auditCount() > before)
        }
    }

    @Test(arguments: [
        ("name", "", "Name is required."),
        ("name", String(repeating: "x", count: 161), "Name must be at most 160 characters (it has 161)."),
        ("type", "joint_venture", "Type must be one of:"),
        ("partnerID", UUID().uuidString, "Partner is not a known organisation."),
        ("partnerID", "'; DROP TABLE alliances; --", "Partner is not a valid choice."),
        ("effectiveDate", "2026-02-30", "Effective date must be a real date written YYYY-MM-DD."),
        ("valueAmount", "-5", "Value must be a non-negative number"),
        ("valueCurrency", "ABC", "Currency must be an ISO 4217 code"),
        ("ourManagerID", UUID().uuidString, "Our alliance manager is not a known person."),
    ])
    func badInputIsRefusedByFieldAndWritesNothing(_ field: String, _ value: String, _ message: String) async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            try await browser.get("/alliances/new")
            let before = try await h.auditCount()
            let alliances = try await h.store.alliances.list(AllianceQuery()).total
            var form = try await Self.form(h, name: "Kept name")
            form[field] = value
            if field == "name" { form["products"] = "Typed products" }
            let response = try await browser.post("/alliances", form)
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains("id=\"field-\(field)-error\""), "error shown next to \(field)")
            #expect(html.contains(message.replacingOccurrences(of: "'", with: "&#39;")), "message for \(field)")
            #expect(html.contains(field == "name" ? "value=\"Typed products\"" : "value=\"Kept name\""), "keeps what was typed")
            #expect(try await h.auditCount() == before)
            #expect(try await h.store.alliances.list(AllianceQuery()).total == alliances)
        }
    }

    @Test func staleEditsConflictAndWriteNothing() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            let alliance = try await h.makeAlliance("Stale edit alliance")
            try await browser.get("/alliances/\(alliance.id.uuidString)/edit")
            var form = AccessMatrixTests.form(for: alliance)
            form["version"] = String(alliance.version - 1 + 10)
            let response = try await browser.post("/alliances/\(alliance.id.uuidString)/edit", form)
            #expect(response.status == .conflict)
            #expect(try await h.store.alliances.find(alliance.id)?.version == alliance.version)
        }
    }

    @Test func unknownAndMalformedAddressesAre404() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            for path in [
                "/alliances/not-a-uuid", "/alliances/\(UUID().uuidString)", "/people/\(UUID().uuidString)/edit",
                "/organizations/123", "/nowhere",
            ] {
                let response = try await browser.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.text.contains("<h1>"), "\(path) renders a page")
            }
        }
    }

    @Test func badListParametersAre400() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            for index in 1...2 {
                _ = try await h.makeAlliance("Supply \(index)", type: .supplyManufacturing, phase: .commercialization)
            }
            _ = try await h.makeAlliance("Supply in development", type: .supplyManufacturing)
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            for query in ["phase=launch", "page=0", "sort=colour", "per_page=5000", "partner=xyz"] {
                let response = try await browser.get("/alliances?" + query)
                #expect(response.status == .badRequest, "\(query)")
            }
            let filtered = try await browser.get("/alliances?phase=commercialization&type=supply_manufacturing&sort=name&dir=desc")
            #expect(filtered.text.contains("Showing 1–2 of 2 alliances"))
            #expect(
                filtered.text.range(of: "Supply 2")!.lowerBound < filtered.text.range(of: "Supply 1")!.lowerBound, "by name, descending")
            let empty = try await browser.get("/alliances?q=zzzz-no-such")
            #expect(empty.text.contains("No alliances match these filters"))
        }
    }

    @Test func formsNeedTheirTokenTheRightTypeAndAModestSize() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            try await browser.get("/alliances/new")
            let form = try await Self.form(h)
            let alliances = try await h.store.alliances.list(AllianceQuery()).total
            #expect(try await browser.post("/alliances", form, csrf: false).status == .forbidden)
            #expect(try await browser.post("/alliances", form, contentType: "application/json").status == .unsupportedMediaType)
            var big = form
            big["description"] = String(repeating: "x", count: 70_000)
            #expect(try await browser.post("/alliances", big).status == .contentTooLarge)
            #expect(try await h.store.alliances.list(AllianceQuery()).total == alliances)
        }
    }

    @Test func teamMembersAreAddedAndRemoved() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("manager@accord.example")
            let managerID = try #require(try await h.store.users.list().first { $0.email == "manager@accord.example" }?.personID)
            let alliance = try await h.makeAlliance("Team alliance", manager: try await h.store.people.find(managerID))
            let partner = try await h.store.organizations.find(alliance.partnerID)!
            let person = try await h.store.people.create(
                try PersonInput(
                    organizationID: partner.id.uuidString, name: "Lena Legal", email: "lena.legal@norvik.example", function: "legal",
                    level: "management"
                ).validate(), by: .system)
            let path = "/alliances/\(alliance.id.uuidString)"
            try await browser.get(path)
            let added = try await browser.post(path + "/members", ["personID": person.id.uuidString, "role": "member"])
            #expect(added.status == .seeOther)
            let member = try await h.store.alliances.members(of: alliance.id).first { $0.personID == person.id }
            #expect(member?.side == .partner)
            try await browser.get(path)
            let again = try await browser.post(path + "/members", ["personID": person.id.uuidString, "role": "member"])
            #expect(again.status == .unprocessableContent && again.text.contains("already on the team"))
            let sponsor = try await browser.post(path + "/members", ["personID": person.id.uuidString, "role": "executive_sponsor"])
            #expect(sponsor.status == .unprocessableContent)
            try await browser.get(path)
            let removed = try await browser.post(path + "/members/\(member!.id.uuidString)/delete", [:])
            #expect(removed.status == .seeOther)
            #expect(try await h.store.alliances.members(of: alliance.id).contains { $0.personID == person.id } == false)
        }
    }
}

@Suite struct AllianceHistoryTests {
    @Test func historyShowsLabelsNamesAndValues() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            let manager = try await h.accountPerson("manager")
            let made = try await h.makeAlliance("Antibody discovery", manager: manager)
            var input = AllianceInput(made)
            (input.tier, input.valueAmount, input.valueCurrency) = ("tier_1", "180000000", "USD")
            let alliance = try await h.store.alliances.update(made.id, try input.validate(), expectedVersion: made.version, by: .system)
            let path = "/alliances/\(alliance.id.uuidString)"
            try await browser.get(path + "/edit")
            var form = AccessMatrixTests.form(for: alliance)
            form["tier"] = "tier_2"
            form["ourManagerID"] = ""
            form["valueAmount"] = "200000000"
            form["version"] = String(alliance.version)
            #expect(try await browser.post(path + "/edit", form).status == .seeOther)
            let page = try await browser.get(path).text
            #expect(page.contains("<th scope=\"row\">Strategic tier</th><td>Tier 1 (strategic)</td><td>Tier 2 (important)</td>"))
            #expect(page.contains("<th scope=\"row\">Our alliance manager</th><td>\(manager.name)</td><td>—</td>"))
            #expect(page.contains("USD 180,000,000.00") && page.contains("USD 200,000,000.00"))
            #expect(page.contains("removed \(manager.name) from the team"))
        }
    }
}
