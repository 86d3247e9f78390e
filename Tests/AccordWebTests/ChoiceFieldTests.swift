import AccordCore
import AccordStore
import Foundation
import HummingbirdTesting
import Testing

@testable import AccordWeb

/// Choice fields that stay usable with thousands of records: select lists up to 50, search fields beyond,
/// resolved by the server (the no-JavaScript search step) and completed as you type by the JSON endpoints.
@Suite struct ChoiceFieldTests {
    /// Sixty partners named "Zeta Partner 01" to "Zeta Partner 60", one alliance with the seventh.
    static func manyPartners(_ h: WebHarness) async throws -> (Organization, Alliance) {
        var seventh: Organization?
        for index in 1...60 {
            let name = "Zeta Partner " + (index < 10 ? "0" : "") + String(index)
            let org = try await h.store.organizations.create(try OrganizationInput(name: name, kind: "partner").validate(), by: .system)
            if index == 7 { seventh = org }
        }
        var input = AllianceInput()
        (input.name, input.partnerID, input.type, input.status, input.phase, input.tier) = (
            "Zeta seven alliance", seventh!.id.uuidString, "licensing_in", "active", "development", "tier_2"
        )
        return (seventh!, try await h.store.alliances.create(try input.validate(), by: .system))
    }

    @Test func aShortPartnerListIsASelect() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("manager@accord.example")
            let page = try await browser.get("/alliances").text
            #expect(page.contains("<select id=\"filter-partner\" name=\"partner\">"))
            #expect(!page.contains("name=\"partner_name\""))
        }
    }

    @Test(arguments: WebHarness.databases)
    func manyPartnersMakeASearchFieldTheServerResolves(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let (seventh, alliance) = try await Self.manyPartners(h)
            let browser = h.browser()
            try await browser.signIn("manager@accord.example")
            let page = try await browser.get("/alliances").text
            #expect(page.contains("name=\"partner_name\"") && page.contains("data-suggest=\"/alliances/choices/partners\""))
            #expect(!page.contains("<select id=\"filter-partner\"") && !page.contains("Zeta Partner 01"), "no option per partner")

            // The exact name, in any case, picks that partner; the field then shows its name.
            let exact = try await browser.get("/alliances?partner_name=zeta+partner+07").text
            #expect(exact.contains(alliance.name) && exact.contains("Showing 1–1 of 1 alliances"))
            #expect(exact.contains("value=\"Zeta Partner 07\""))
            // A link naming the partner by id shows its name in the field too.
            let byID = try await browser.get("/alliances?partner=\(seventh.id.uuidString.lowercased())").text
            #expect(byID.contains("value=\"Zeta Partner 07\"") && byID.contains("Showing 1–1 of 1 alliances"))

            // Several matches are offered as links that choose one; the list is not narrowed by a guess.
            let several = try await browser.get("/alliances?partner_name=Zeta").text
            #expect(several.contains("More than 10 partners match “Zeta”"))
            #expect(several.contains("partner=\(seventh.id.uuidString.lowercased())") && several.contains(">Zeta Partner 07</a>"))
            let fewer = try await browser.get("/alliances?partner_name=Partner+0").text
            #expect(fewer.contains("9 partners match “Partner 0”: choose one."))

            // A name that matches nothing matches no alliance, and says so.
            let none = try await browser.get("/alliances?partner_name=Nobody+Pharma").text
            #expect(none.contains("No partner matches “Nobody Pharma”.") && none.contains("No alliances match these filters"))
            #expect(none.contains("value=\"Nobody Pharma\""), "what was typed stays in the field")
        }
    }

    @Test func completionsAnswerInternalUsersWithTenNamesAtMost() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            _ = try await Self.manyPartners(h)
            let browser = h.browser()
            try await browser.signIn("manager@accord.example")
            let answer = try await browser.get("/alliances/choices/partners?q=zeta")
            #expect(answer.status == .ok && answer.headers[.contentType] == "application/json")
            let items = try JSONDecoder().decode([[String: String]].self, from: Data(answer.text.utf8))
            #expect(
                items.count == 10 && items.first?["label"] == "Zeta Partner 01"
                    && items.allSatisfy { UUID(uuidString: $0["id"] ?? "") != nil })
            let managerID = try #require(try await h.store.users.list().first { $0.email == "manager@accord.example" }?.personID)
            let manager = try #require(try await h.store.people.find(managerID))
            _ = try await h.makeAlliance("Managed alliance", manager: manager)
            let managers = try JSONDecoder().decode(
                [[String: String]].self, from: Data(try await browser.get("/alliances/choices/managers?q=").text.utf8))
            #expect(managers == [["id": manager.id.lowercaseText, "label": manager.name]], "the one person who manages an alliance")
            let long = String(repeating: "x", count: 201)
            #expect(try await browser.get("/alliances/choices/partners?q=" + long).status == .badRequest)
            let filter = try await browser.get("/alliances?partner_name=" + long)
            #expect(filter.status == .badRequest && filter.text.contains("partner_name must be at most 200 characters (it has 201)."))
            let alliance = try await h.makeAlliance("Long search alliance")
            let team = try await browser.get("/alliances/\(alliance.id)?person_q=" + long)
            #expect(team.status == .badRequest && team.text.contains("person_q must be at most 200 characters"))

            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(try await partner.get("/alliances/choices/partners?q=zeta").status == .forbidden)
            #expect(try await h.browser().get("/alliances/choices/partners?q=zeta").status != .ok, "signed out")
        }
    }

    @Test(arguments: WebHarness.databases)
    func aLargeStaffMakesTheTeamPickerASearchStep(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let ours = try await h.store.organizations.ours()!
            for index in 1...55 {
                _ = try await h.store.people.create(
                    try PersonInput(
                        organizationID: ours.id.uuidString, name: "Quinn Staff \(index)", email: "quinn\(index)@helix.example",
                        function: "finance", level: "operational"
                    ).validate(), by: .system)
            }
            let alliance = try await h.makeAlliance("Large staff alliance")
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            let page = try await browser.get("/alliances/\(alliance.id)").text
            #expect(page.contains("name=\"person_q\"") && page.contains("Find people first"))
            #expect(!page.contains("Quinn Staff 1 "), "no option per person before a search")

            let found = try await browser.get("/alliances/\(alliance.id)?person_q=quinn+staff+4").text
            #expect(found.contains("11 people match “quinn staff 4”."), "4 and 40-49")
            let quinn = try await h.store.people.list(organizationID: ours.id, text: "Quinn Staff 4", page: 1, perPage: 50).items
                .first { $0.name == "Quinn Staff 4" }!
            #expect(found.contains("<option value=\"\(quinn.id.uuidString.lowercased())\">Quinn Staff 4 (Finance)</option>"))
            let nobody = try await browser.get("/alliances/\(alliance.id)?person_q=zzzz").text
            #expect(nobody.contains("Nobody who is not on the team yet matches “zzzz”."))

            // The add form still posts the chosen id.
            let added = try await browser.post("/alliances/\(alliance.id)/members", ["personID": quinn.id.uuidString, "role": "member"])
            #expect(added.status == .seeOther)
            #expect(try await h.store.alliances.members(of: alliance.id).contains { $0.personID == quinn.id })
            let after = try await browser.get("/alliances/\(alliance.id)").text
            #expect(
                after.contains("<a href=\"/people/\(quinn.id.uuidString.lowercased())\">Quinn Staff 4</a>"),
                "a link, not its markup as text")
            #expect(after.contains("with <a href=\"/organizations/") && !after.contains("&lt;a href"))

            let json = try JSONDecoder().decode(
                [[String: String]].self, from: Data(try await browser.get("/alliances/\(alliance.id)/team/candidates?q=quinn").text.utf8))
            #expect(json.count == 10 && !json.contains { $0["id"] == quinn.id.uuidString.lowercased() }, "on the team now")
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(try await partner.get("/alliances/\(alliance.id)/team/candidates?q=quinn").status != .ok)
        }
    }

    @Test func interpolatedTextIsEscapedAndMarkupIsNot() {
        let name = "<script>alert('x') & \"y\"</script>"
        let html: HTML = "<td title=\"\(name)\">\(name)</td>\(HTML(trusted: "<br>"))"
        #expect(
            html.text
                == "<td title=\"&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;\">&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</td><br>"
        )
        let linked: HTML = "\(link: "/people/1?a=1&b=2", "Ann <B>")|\(link: nil, "Ann <B>")"
        #expect(linked.text == "<a href=\"/people/1?a=1&amp;b=2\">Ann &lt;B&gt;</a>|Ann &lt;B&gt;")
        let accented: HTML = "\("Zürich & Genève — “ok”")"
        #expect(accented.text == "Zürich &amp; Genève — “ok”")
        // The check for anything to escape, at either end, in plain text, and in an empty or a small (inline) string.
        for (text, escaped) in [
            ("", ""), ("plain text", "plain text"), ("&", "&amp;"), ("a>", "a&gt;"), ("'b", "&#39;b"), ("é\"", "é&quot;"),
        ] {
            let html: HTML = "\(text)"
            #expect(html.text == escaped && HTML.needsEscaping(text) == (text != escaped))
        }
    }
}
