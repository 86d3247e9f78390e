import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HummingbirdTesting
import Testing

@Suite struct HealthPagesTests {
    static func answers(_ score: Int) -> [String: String] {
        var form = Dictionary(uniqueKeysWithValues: DefaultInstrument.instrument.questions.map { ("score." + $0.key, String(score)) })
        form["action"] = "submit"
        return form
    }

    @Test func aWaveIsOpenedAnsweredThroughLinksAndReadAsAggregates() async throws {
        try await WebHarness.run { h in
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let alliance = try await h.alliance(named: "HX-201")
            let path = "/alliances/\(alliance.id)/health"
            let page = try await manager.get(path)
            #expect(page.status == .ok && page.text.contains("No health check has been run"))
            let members = try await h.store.alliances.members(of: alliance.id)
            let form = [
                "title": "2026 H2", "opensOn": LocalDate(date: Date()).description,
                "closesOn": LocalDate(date: Date().addingTimeInterval(86_400 * 14)).description,
            ]
            let before = try await h.auditCount()
            let bad = try await manager.post(path, form.merging(["closesOn": "2020-01-01"]) { $1 })
            #expect(bad.status == .unprocessableContent && bad.text.contains("Close date must be on or after the open date"))
            #expect(try await h.auditCount() == before)
            let ids = Set(members.map { $0.personID.uuidString.lowercased() })
            let body =
                form.map { "\(Browser.encode($0.key))=\(Browser.encode($0.value))" }
                + ids.map { "respondent=\($0)" } + ["_csrf=\(Browser.encode(bad.text.csrfToken))"]
            let opened = try await manager.send(
                path, .post, body: .init(string: body.joined(separator: "&")),
                contentType: "application/x-www-form-urlencoded")
            #expect(opened.status == .created)
            let links = opened.text.matches(of: /<code>(\/survey\/[A-Za-z0-9_-]+)<\/code>/).map { String($0.1) }
            #expect(links.count == ids.count)

            // The first four answer 4, the rest 2; each link works once.
            for (index, link) in links.enumerated() {
                let respondent = h.browser()
                let survey = try await respondent.get(link)
                #expect(survey.status == .ok && survey.text.contains("Send my answers"))
                if index == 0 {
                    var partial = ["score.trust.intent": "5", "action": "save"]
                    partial["comment.trust.intent"] = "Saved comment"
                    #expect(try await respondent.post(link, partial).status == .seeOther)
                    let resumed = try await respondent.get(link + "?saved=1")
                    #expect(resumed.text.contains("Saved comment") && resumed.text.contains("Your answers are saved"))
                    var missing = Self.answers(4)
                    missing["score.value.delivery"] = nil
                    let refused = try await respondent.post(link, missing)
                    #expect(refused.status == .unprocessableContent && refused.text.contains("Please score:"))
                }
                let sent = try await respondent.post(link, Self.answers(index < 4 ? 4 : 2))
                #expect(sent.status == .ok && sent.text.contains("Thank you"))
                try await respondent.get(link)
                #expect(try await respondent.post(link, Self.answers(1)).status == .conflict)
            }
            #expect(try await h.browser().get("/survey/not-a-real-token").status == .notFound)

            let list = try await manager.get(path)
            let resultsHref = list.text.matches(of: /href="(\/alliances\/[^"]+\/health\/[^"]+)"/).map { String($0.1) }.first!
            let results = try await manager.get(resultsHref)
            #expect(results.status == .ok)
            #expect(results.text.contains("id=\"dimensions\"") && results.text.contains("of "))
            // Results never name respondents (the action form's owner list names the team, not who answered).
            let scores = results.text.components(separatedBy: "id=\"dimensions\"")[1].components(separatedBy: "</table>")[0]
            let comments = results.text.components(separatedBy: "id=\"comments-heading\"")[1]
            #expect(!scores.contains("Lars Nilsson") && !comments.contains("Lars Nilsson"))
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(try await partner.get(path).status == .forbidden)
        }
    }
}

extension String {
    /// The first CSRF token on a page.
    var csrfToken: String {
        guard let range = range(of: "name=\"_csrf\" value=\"") else { return "" }
        return String(self[range.upperBound...].prefix { $0 != "\"" })
    }
}
