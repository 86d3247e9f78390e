import AccordCore
import AccordStore
import Foundation
import HummingbirdTesting
import Testing

@testable import AccordWeb

/// The forms that name a partner or a person (the alliance form, a user's linked person) stay usable with thousands
/// of records: a search field with a hidden id, resolved by name on the server (the no-JavaScript path), the matches
/// offered to pick from, completions as JSON; never an option per record.
@Suite struct FormChoiceTests {
    struct World {
        let seventh: Organization
        let eighth: Organization
        /// Our "Zeta Person 03".
        let ourThird: Person
        /// "Vera Lindqvist" of the seventh partner; another works for the eighth.
        let vera: Person
    }

    /// Sixty partners ("Zeta Partner 01" to "60"), sixty of our people ("Zeta Person 01" to "60"), fifty-five people
    /// of the seventh partner and a Vera Lindqvist at each of the seventh and eighth.
    static func world(_ h: WebHarness) async throws -> World {
        var partners: [Organization] = []
        for index in 1...60 {
            partners.append(
                try await h.store.organizations.create(
                    try OrganizationInput(name: "Zeta Partner " + Self.two(index), kind: "partner").validate(), by: .system))
        }
        let ours = try #require(try await h.store.organizations.ours())
        var ourThird: Person?
        for index in 1...60 {
            let person = try await Self.person(h, ours, "Zeta Person " + Self.two(index))
            if index == 3 { ourThird = person }
        }
        for index in 1...55 { _ = try await Self.person(h, partners[6], "Seventh Staff " + Self.two(index)) }
        let vera = try await Self.person(h, partners[6], "Vera Lindqvist")
        _ = try await Self.person(h, partners[7], "Vera Lindqvist")
        return World(seventh: partners[6], eighth: partners[7], ourThird: ourThird!, vera: vera)
    }

    static func two(_ index: Int) -> String { (index < 10 ? "0" : "") + String(index) }

    static func person(_ h: WebHarness, _ organization: Organization, _ name: String) async throws -> Person {
        let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "." + UUID().uuidString.prefix(8) + "@example.com"
        return try await h.store.people.create(
            try PersonInput(
                organizationID: organization.id.uuidString, name: name, email: email, function: "commercial", level: "executive"
            ).validate(), by: .system)
    }

    static func named(_ h: WebHarness, _ text: String) async throws -> Page<AllianceSummary> {
        var query = AllianceQuery()
        query.text = text
        return try await h.store.alliances.list(query)
    }

    static func form(_ fields: [String: String]) -> [String: String] {
        ["name": "Named by search", "type": "licensing_in", "status": "launching", "phase": "initiation", "tier": "tier_2"]
            .merging(fields) { _, given in given }
    }

    @Test(arguments: WebHarness.databases)
    func theAllianceFormNamesPartnersAndPeopleBySearch(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let world = try await Self.world(h)
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            let page = try await browser.get("/alliances/new").text
            #expect(page.contains("name=\"partnerID_name\"") && page.contains("data-suggest=\"/alliances/choices/partners\""))
            #expect(page.contains("name=\"ourSponsorID_name\"") && page.contains("data-suggest=\"/people/choices?among=ours\""))
            #expect(page.contains("name=\"partnerSponsorID_name\"") && page.contains("data-suggest=\"/people/choices?among=partners\""))
            #expect(page.components(separatedBy: "<option").count - 1 < 60, "no option per partner or person")
            #expect(!page.contains("Zeta Partner 01") && !page.contains("Zeta Person 01"))

            // Names typed without JavaScript pick the records; the partner's people are chosen among that partner's.
            let before = try await h.auditCount()
            let created = try await browser.post(
                "/alliances",
                Self.form([
                    "partnerID_name": "zeta partner 07", "ourSponsorID_name": "Zeta Person 03", "ourManagerID_name": "",
                    "partnerSponsorID_name": "Vera Lindqvist",
                ]))
            #expect(created.status == .seeOther)
            let alliance = try #require(try await Self.named(h, "Named by search").items.first?.alliance)
            #expect(alliance.partnerID == world.seventh.id && alliance.ourSponsorID == world.ourThird.id)
            #expect(alliance.partnerSponsorID == world.vera.id && alliance.ourManagerID == nil)
            #expect(try await h.auditCount() > before)

            // The edit form shows the names with their ids hidden; saved unchanged, it keeps them, even when another
            // person now has the same name.
            let edit = try await browser.get("/alliances/\(alliance.id.uuidString)/edit").text
            #expect(edit.contains("value=\"Zeta Partner 07\"") && edit.contains("value=\"\(world.seventh.id.canonicalText)\""))
            #expect(edit.contains("value=\"Zeta Person 03\"") && edit.contains("value=\"Vera Lindqvist\""))
            let ours = try #require(try await h.store.organizations.ours())
            _ = try await Self.person(h, ours, "Zeta Person 03")
            let kept = try await browser.post(
                "/alliances/\(alliance.id.uuidString)/edit",
                Self.form([
                    "version": String(alliance.version), "partnerID": world.seventh.id.canonicalText, "partnerID_name": "Zeta Partner 07",
                    "ourSponsorID": world.ourThird.id.canonicalText, "ourSponsorID_name": "Zeta Person 03",
                    "partnerSponsorID": world.vera.id.canonicalText, "partnerSponsorID_name": "Vera Lindqvist",
                ]))
            #expect(kept.status == .seeOther)
            let saved = try #require(try await h.store.alliances.find(alliance.id))
            #expect(
                saved.ourSponsorID == world.ourThird.id && saved.partnerSponsorID == world.vera.id && saved.version == alliance.version + 1)
        }
    }

    @Test func namesThatPickSeveralOrNothingAreShownAgainWithTheMatchesAndWriteNothing() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let world = try await Self.world(h)
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            let before = try await h.auditCount()
            let refused = try await browser.post(
                "/alliances", Self.form(["name": "", "partnerID_name": "Zeta Partner 0", "ourManagerID_name": "Nobody At All"]))
            #expect(refused.status == .unprocessableContent)
            let html = refused.text
            #expect(
                html.contains("Partner: 9 partners match “Zeta Partner 0”: choose one.") && html.contains("id=\"field-partnerID-error\""))
            #expect(
                html.contains("name=\"partnerID_pick\" value=\"\(world.seventh.id.canonicalText)\"") && html.contains("Zeta Partner 07"))
            #expect(
                html.contains("Our alliance manager: no person matches “Nobody At All”.")
                    && html.contains("id=\"field-ourManagerID-error\""))
            #expect(html.contains("Name is required."), "the other fields' errors are shown with them")
            #expect(html.contains("value=\"Zeta Partner 0\"") && html.contains("value=\"Nobody At All\""), "what was typed stays")
            #expect(try await h.auditCount() == before)

            // Picking one of the matches saves it.
            let picked = try await browser.post(
                "/alliances",
                Self.form(["partnerID_name": "Zeta Partner 0", "partnerID_pick": world.seventh.id.canonicalText, "ourManagerID_name": ""]))
            #expect(picked.status == .seeOther)
            #expect(try await Self.named(h, "Named by search").items.first?.alliance.partnerID == world.seventh.id)

            // A partner person of another partner is refused by the rule that names the field.
            let wrongSide = try await browser.post(
                "/alliances",
                Self.form([
                    "name": "Wrong side", "partnerID_name": "Zeta Partner 09", "partnerManagerID_pick": world.vera.id.canonicalText,
                ]))
            #expect(
                wrongSide.status == .unprocessableContent && wrongSide.text.contains("Partner alliance manager must work for the partner."))
            // More than 200 characters typed is refused, naming the field.
            let long = try await browser.post("/alliances", Self.form(["partnerID_name": String(repeating: "z", count: 201)]))
            #expect(
                long.status.code >= 400 && long.status.code < 500 && long.text.contains("partnerID_name must be at most 200 characters"))
            _ = world.eighth
        }
    }

    @Test func completionsOfPeopleSayWhoTheyWorkFor() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let world = try await Self.world(h)
            let browser = h.browser()
            try await browser.signIn("member@accord.example")
            let answer = try await browser.get("/people/choices?among=partners&q=vera+lind")
            #expect(answer.status == .ok && answer.headers[.contentType] == "application/json")
            let items = try JSONDecoder().decode([[String: String]].self, from: Data(answer.text.utf8))
            #expect(items.map { $0["label"] } == ["Vera Lindqvist", "Vera Lindqvist"])
            #expect(Set(items.compactMap { $0["detail"] }) == ["Zeta Partner 07", "Zeta Partner 08"])
            let one = try await browser.get("/people/choices?among=\(world.seventh.id.canonicalText)&q=vera")
            #expect(
                try JSONDecoder().decode([[String: String]].self, from: Data(one.text.utf8)).map { $0["id"] } == [
                    world.vera.id.lowercaseText
                ])
            let ours = try JSONDecoder().decode(
                [[String: String]].self, from: Data(try await browser.get("/people/choices?among=ours&q=zeta").text.utf8))
            #expect(ours.count == 10 && ours.first?["detail"] == "Commercial")
            let bad = try await browser.get("/people/choices?among=someone")
            #expect(bad.status == .badRequest && bad.text.contains("among must be ours, partners, everyone"))

            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(try await partner.get("/people/choices?among=partners&q=vera").status == .forbidden)
            #expect(try await h.browser().get("/people/choices?q=vera").status.code != 200, "signed out")
        }
    }

    @Test func aUsersLinkedPersonIsNamedBySearch() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let world = try await Self.world(h)
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            let page = try await browser.get("/admin/users/new").text
            #expect(page.contains("name=\"personID_name\"") && page.contains("data-suggest=\"/people/choices?among=everyone\""))
            #expect(page.components(separatedBy: "<option").count - 1 < 20)
            let several = try await browser.post(
                "/admin/users",
                [
                    "name": "Vera L", "email": "vera.l@example.com", "role": "partner", "active": "true",
                    "password": "a long enough password",
                    "personID_name": "Vera Lindqvist",
                ])
            #expect(
                several.status == .unprocessableContent
                    && several.text.contains("Linked person: 2 people match “Vera Lindqvist”: choose one."))
            let created = try await browser.post(
                "/admin/users",
                [
                    "name": "Vera L", "email": "vera.l@example.com", "role": "partner", "active": "true",
                    "password": "a long enough password",
                    "personID_name": "Vera Lindqvist", "personID_pick": world.vera.id.canonicalText,
                ])
            #expect(created.status == .seeOther)
            #expect(try await h.store.users.list().first { $0.email == "vera.l@example.com" }?.personID == world.vera.id)
        }
    }

    @Test(arguments: WebHarness.databases)
    func theRelationshipMapPairsPeopleNamedBySearch(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let world = try await Self.world(h)
            var input = AllianceInput()
            (input.name, input.partnerID, input.type, input.status, input.phase, input.tier) = (
                "Zeta seven alliance", world.seventh.id.uuidString, "licensing_in", "active", "development", "tier_2"
            )
            let alliance = try await h.store.alliances.create(try input.validate(), by: .system)
            let path = "/alliances/\(alliance.id.lowercaseText)/relationships"
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            let page = try await browser.get(path).text
            #expect(page.contains("name=\"ourPersonID_name\"") && page.contains("data-suggest=\"/people/choices?among=ours\""))
            #expect(page.contains("data-suggest=\"/people/choices?among=\(world.seventh.id.lowercaseText)\""))
            #expect(page.components(separatedBy: "<option").count - 1 < 60, "no option per person")

            let before = try await h.auditCount()
            let several = try await browser.post(
                path, ["ourPersonID_name": "Zeta Person", "partnerPersonID_name": "Vera Lindqvist", "strength": "3"])
            #expect(several.status == .unprocessableContent)
            #expect(several.text.contains("Our person: more than 10 people match “Zeta Person”"))
            #expect(several.text.contains("name=\"ourPersonID_pick\"") && several.text.contains("value=\"Vera Lindqvist\""))
            #expect(try await h.auditCount() == before)
            try await browser.get(path)
            let added = try await browser.post(
                path,
                ["ourPersonID_name": "zeta person 03", "partnerPersonID_name": "Vera Lindqvist", "strength": "3", "cadence": "monthly"])
            #expect(added.status == .seeOther)
            let pair = try #require(try await h.store.relationships.pairs(allianceID: alliance.id).first)
            #expect(pair.ourPersonID == world.ourThird.id && pair.partnerPersonID == world.vera.id)
            let shown = try await browser.get(path).text
            #expect(shown.contains("value=\"Zeta Person 03\"") && shown.contains("value=\"\(world.vera.id.canonicalText)\""))
        }
    }

    @Test func theCultureLogNamesItsOwnerBySearch() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let world = try await Self.world(h)
            let path = "/organizations/\(world.seventh.id.lowercaseText)/culture"
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            let page = try await browser.get(path).text
            #expect(page.contains("name=\"ownerID_name\"") && page.contains("data-suggest=\"/people/choices?among=ours\""))
            #expect(!page.contains("Zeta Person 01"))
            let entry = ["difference": "Email overload", "risk": "Decisions lost", "leverage": "One decision log"]
            let nobody = try await browser.post(path + "/differences", entry.merging(["ownerID_name": "Nobody"]) { $1 })
            #expect(nobody.status == .unprocessableContent && nobody.text.contains("Owner: no person matches “Nobody”."))
            #expect(nobody.text.contains("value=\"Email overload\""), "the entry stays as typed")
            try await browser.get(path)
            let added = try await browser.post(path + "/differences", entry.merging(["ownerID_name": "Zeta Person 03"]) { $1 })
            #expect(added.status == .seeOther)
            #expect(try await h.store.culture.differences(organizationID: world.seventh.id).first?.ownerID == world.ourThird.id)
            #expect(try await browser.get(path).text.contains("value=\"Zeta Person 03\""))
            // A partner's person cannot own an entry, picked or not.
            try await browser.get(path)
            let theirs = try await browser.post(path + "/differences", entry.merging(["ownerID": world.vera.id.canonicalText]) { $1 })
            #expect(theirs.status == .unprocessableContent && theirs.text.contains("The owner must be one of our company&#39;s people."))
        }
    }

    @Test func peopleAreFilteredAndPlacedInAnOrganisationNamedBySearch() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let world = try await Self.world(h)
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            let list = try await browser.get("/people").text
            #expect(list.contains("name=\"organization_name\"") && list.contains("data-suggest=\"/organizations/choices\""))
            #expect(!list.contains("<option value=\"\(world.seventh.id.lowercaseText)\""), "no option per organisation")
            let seventh = try await browser.get("/people?organization_name=zeta+partner+07").text
            #expect(seventh.contains("Showing 1–50 of 56 people") && seventh.contains("value=\"Zeta Partner 07\""))
            let several = try await browser.get("/people?organization_name=Zeta+Partner+0").text
            #expect(several.contains("9 organisations match “Zeta Partner 0”: choose one."))
            #expect(several.contains("name=\"organization_pick\" value=\"\(world.eighth.id.canonicalText)\""))
            let picked = try await browser.get(
                "/people?organization_name=Zeta+Partner+0&organization_pick=\(world.eighth.id.canonicalText)")
            #expect(picked.text.contains("Showing 1–1 of 1 people") && picked.text.contains("Vera Lindqvist"))
            let none = try await browser.get("/people?organization_name=Nowhere+Inc").text
            #expect(none.contains("No organisation matches “Nowhere Inc”.") && none.contains("Nobody found"))

            let completions = try JSONDecoder().decode(
                [[String: String]].self, from: Data(try await browser.get("/organizations/choices?q=partner+07").text.utf8))
            #expect(completions.map { $0["id"] } == [world.seventh.id.lowercaseText])

            let form = try await browser.get("/people/new").text
            #expect(form.contains("name=\"organizationID_name\"") && !form.contains("Zeta Partner 01"))
            let created = try await browser.post(
                "/people",
                [
                    "name": "Nia Placed", "email": "nia.placed@example.com", "function": "legal", "level": "management",
                    "organizationID_name": "Zeta Partner 09",
                ])
            #expect(created.status == .seeOther)
            let nia = try #require(try await h.store.people.list(organizationID: nil, text: "Nia Placed", page: 1, perPage: 5).items.first)
            #expect(try await h.store.organizations.find(nia.organizationID)?.name == "Zeta Partner 09")
            try await browser.get("/people/new")
            let refused = try await browser.post(
                "/people",
                ["name": "", "email": "x@example.com", "function": "legal", "level": "management", "organizationID_name": "Zeta"])
            #expect(
                refused.status == .unprocessableContent && refused.text.contains("Organisation: more than 10 organisations match “Zeta”"))
            #expect(refused.text.contains("Name is required.") && refused.text.contains("name=\"organizationID_pick\""))
        }
    }

    @Test func organisationsAreListedFiftyAtATimeAndFoundByName() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            _ = try await Self.world(h)
            let browser = h.browser()
            try await browser.signIn("member@accord.example")
            let first = try await browser.get("/organizations?q=zeta+partner").text
            #expect(
                first.contains("Showing 1–50 of 60 organisations") && first.contains("Zeta Partner 50")
                    && !first.contains("Zeta Partner 51"))
            #expect(first.contains("href=\"/organizations?page=2&amp;q=zeta%20partner\" rel=\"next\""))
            let second = try await browser.get("/organizations?page=2&q=zeta+partner").text
            #expect(
                second.contains("Showing 51–60 of 60 organisations") && second.contains("Zeta Partner 60")
                    && second.contains("rel=\"prev\""))
            let none = try await browser.get("/organizations?q=nowhere").text
            #expect(none.contains("No organisation matches"))
            let bad = try await browser.get("/organizations?page=0")
            #expect(bad.status == .badRequest && bad.text.contains("Page must be a whole number from 1."))
            let all = try await h.store.organizations.list()
            let unfiltered = try await browser.get("/organizations")
            #expect(unfiltered.text.contains("of \(all.count) organisations"))
        }
    }
}
