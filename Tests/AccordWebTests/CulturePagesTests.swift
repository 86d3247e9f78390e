import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Culture over HTTP and the API: the comparison with ours, the differences log and road map; bad input writes
/// nothing; internal only, changed by directory editors.
@Suite struct CulturePagesTests {
    @Test(arguments: WebHarness.databases)
    func profileComparisonLogAndRoadmap(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let kanto = try await Self.seedProfiles(h)
            let path = "/organizations/\(kanto.id.uuidString.lowercased())/culture"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let page = try await manager.get(path).text
            #expect(page.contains("6 scales differ by 2 points or more") && page.contains("Synergy road map"))
            #expect(page.contains("Concerns are raised indirectly") && page.contains("Overdue"))
            let before = try await h.auditCount()
            let bad = try await manager.post(path, ["score.hierarchy": "9", "score.punctuality": "3", "version": "1"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Hierarchy is a whole number from 1 to 5."))
            #expect(bad.text.contains("Unknown scale “punctuality”"))
            try await manager.get(path)
            let badEntry = try await manager.post(path + "/differences", ["difference": "Email overload", "ownerID": UUID().uuidString])
            #expect(badEntry.status == .unprocessableContent && badEntry.text.contains("Risk is required."))
            #expect(try await h.auditCount() == before)
            let dana = try await h.accountPerson("manager")
            try await manager.get(path)
            let added = try await manager.post(
                path + "/differences",
                [
                    "difference": "Email overload", "risk": "Decisions lost in threads", "leverage": "One shared decision log",
                    "ownerID": dana.id.uuidString, "dueOn": "2027-05-15", "scale": "directness",
                ])
            #expect(added.status == .seeOther)
            #expect(try await manager.get(path).text.contains("Q2 2027"))
            try await manager.get(path)
            #expect(try await manager.post(path, ["score.hierarchy": "3", "timeZones": "JST", "version": "1"]).status == .seeOther)
            #expect(try await h.store.culture.profile(organizationID: kanto.id).scores == [.hierarchy: 3])

            let member = h.browser()
            try await member.signIn("member@accord.example")
            #expect(try await member.get(path).status == .ok)
            #expect(try await member.post(path + "/differences", [:]).status == .forbidden)
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(try await partner.get(path).status == .forbidden)
        }
    }

    /// Our profile and Norvik's (by default six scales two points or more apart), and one overdue entry in the log with
    /// Norvik when `overdueEntry`.
    static func seedProfiles(_ h: WebHarness, partnerScores: [Int] = [2, 4, 2, 2, 1, 1], overdueEntry: Bool = true) async throws
        -> Organization
    {
        let orgs = try await h.store.organizations.list()
        let ours = try #require(orgs.first { $0.kind == .ours })
        let partner = try #require(orgs.first { $0.name == "Norvik Biologics" })
        for (org, scores) in [
            (ours, [4, 2, 4, 4, 4, 3]), (partner, partnerScores),
        ] {
            let scales: [CultureScale] = [.decisionSpeed, .hierarchy, .riskAppetite, .directness, .decisionStyle, .timeOrientation]
            let profile = CultureProfile(
                organizationID: org.id, scores: Dictionary(uniqueKeysWithValues: zip(scales, scores)), timeZones: nil,
                languages: nil, workingNorms: nil)
            _ = try await h.store.culture.saveProfile(profile, expectedVersion: 0, by: .system)
        }
        guard overdueEntry else { return partner }
        let entry = DifferenceInput.Valid(
            scale: .directness, difference: "Concerns are raised indirectly", risk: "Problems surface late.",
            leverage: "An anonymous round at each JSC.", ownerID: try await h.accountPerson("manager").id, status: .identified,
            dueOn: LocalDate(date: Date()).adding(days: -10))
        _ = try await h.store.culture.createDifference(organizationID: partner.id, entry, by: .system)
        return partner
    }

    @Test func cultureOverTheAPI() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            // Hierarchy 1 against our 2; decision style 5 against our 4, one point apart: not a difference.
            let pampas = try await Self.seedProfiles(h, partnerScores: [5, 1, 5, 4, 5, 4], overdueEntry: false)
            let base = "/api/v1/organizations/\(pampas.id)/culture"
            let profile = try await api.get(base)
            #expect(profile.status == .ok && (profile.object["scores"] as? [String: Int])?["hierarchy"] == 1)
            let comparison = profile.object["comparison"] as! [[String: Any]]
            #expect(comparison.contains { $0["scale"] as? String == "decision_style" && $0["difference"] as? Bool == false })
            let bad = try await api.send(.put, base, json: ["scores": ["hierarchy": 7], "version": 1])
            #expect(bad.status == .unprocessableContent && bad.errorFields == ["scores.hierarchy"])
            let saved = try await api.send(.put, base, json: ["scores": ["hierarchy": 2], "languages": "Spanish", "version": 1])
            #expect(saved.status == .ok && saved.object["version"] as? Int == 2 && saved.object["timeZones"] is NSNull)
            let dana = try await h.accountPerson("manager")
            let entry = try await api.send(
                .post, base + "/differences",
                json: [
                    "difference": "Founder decides alone", "risk": "Surprises", "leverage": "Weekly founder call",
                    "ownerId": dana.id.uuidString,
                ])
            #expect(entry.status == .created && entry.object["status"] as? String == "identified")
            let id = entry.object["id"] as! String
            let moved = try await api.send(
                .put, base + "/differences/\(id)",
                json: [
                    "difference": "Founder decides alone", "risk": "Surprises", "leverage": "Weekly founder call",
                    "ownerId": dana.id.uuidString,
                    "status": "in_progress", "dueOn": "2027-01-31", "version": 1,
                ])
            #expect(moved.status == .ok && moved.object["dueOn"] as? String == "2027-01-31")
            #expect((try await api.get(base + "/differences").object["items"] as! [Any]).count == 1)
            let member = try await APIClient.forUser(h, "member@accord.example")
            #expect(try await member.send(.put, base, json: ["version": 2]).status == .forbidden)
            let partner = try await APIClient.forUser(h, "partner@accord.example")
            #expect(try await partner.get(base).status == .forbidden)
        }
    }
}
