import AccordCore
import AccordStore
import AccordWeb
import Foundation
import Testing

/// Everything a partner user can reach, rendered and read: every page linked from their pages and every API
/// answer the OpenAPI document lets them ask for. No internal record (by id or by name), no internal field and no
/// internal label may appear in any of it.
@Suite struct PartnerViewTests {
    /// Internal items in Norvik's alliance, named so that any trace of them is found.
    struct Planted {
        var forbidden: [String] = []
        var sharedItemTitle = "ZZ shared follow-up of an internal decision"
    }

    static func plant(_ h: WebHarness) async throws -> Planted {
        var planted = Planted()
        let alliance = try await h.alliance(named: "HX-201")
        let store = h.store
        let trigger = try await store.obligations.saveTrigger(
            allianceID: alliance.id, id: nil, name: "ZZ internal trigger", occurredOn: LocalDate("2026-10-01"), expectedVersion: nil,
            by: .system)
        let obligation = try await store.obligations.createObligation(
            allianceID: alliance.id,
            try ObligationInput(
                title: "ZZ internal milestone", kind: "report", direction: "joint", dueMode: "trigger", triggerID: trigger.id.uuidString,
                offsetDays: "30", visibility: "internal"
            ).validate(triggers: [trigger]), by: .system)
        let body = try await store.governance.createBody(
            allianceID: alliance.id,
            try BodyInput(
                name: "ZZ internal committee", kind: "project_team", visibility: "internal", maxMembersPerParty: "3",
                decisionRule: "one_per_party"
            ).validate(), by: .system)
        let decision = try await store.governance.proposeDecision(body, title: "ZZ internal decision", details: nil, by: .system)
        let ours = try await store.organizations.ours()!
        let owner = try await store.people.all(organizationIDs: [ours.id])[0]
        _ = try await store.governance.createActionItem(
            allianceID: alliance.id,
            ActionItemInput.Valid(
                title: planted.sharedItemTitle, ownerID: owner.id, dueOn: LocalDate("2027-02-01")!, status: .planned, meetingID: nil,
                decisionID: decision.id, visibility: .shared), by: .system)
        let issueOwner = try await store.alliances.members(of: alliance.id).first { $0.side == .ours }!.personID
        let issue = try await store.issues.create(
            allianceID: alliance.id,
            IssueInput.Valid(title: "ZZ internal issue", details: nil, severity: .high, ownerID: issueOwner, visibility: .internal),
            raisedOn: LocalDate("2026-11-01")!, by: .system)
        // A rule saved before internal obligations were limited to our side names the partner user's person.
        let partnerPerson = try await store.users.find(email: "partner@accord.example")!.personID!
        try await store.reminders.saveRule(
            obligation.id, ReminderRule(obligationID: obligation.id, recipients: [partnerPerson], leadDays: [3650]), by: .system)
        planted.forbidden += [
            "ZZ internal trigger", "ZZ internal milestone", "ZZ internal committee", "ZZ internal decision", "ZZ internal issue",
            "Watch Norvik", "Internal only", "Internal notes",
        ]
        planted.forbidden += StrategicTier.allCases.map(\.label)
        planted.forbidden += [trigger.id, obligation.id, body.id, decision.id, issue.id].map { $0.uuidString.lowercased() }
        // Every internal record of the whole database, by id.
        for item in try await store.obligations.obligations(allianceIDs: nil) where item.visibility == .internal {
            planted.forbidden.append(item.id.uuidString.lowercased())
        }
        let allianceIDs = try await store.alliances.list(AllianceQuery()).items.map(\.alliance.id)
        for id in allianceIDs {
            for item in try await store.governance.actionItems(allianceID: id) where item.visibility == .internal {
                planted.forbidden.append(item.id.uuidString.lowercased())
            }
            for item in try await store.issues.issues(allianceID: id) where item.visibility == .internal {
                planted.forbidden.append(item.id.uuidString.lowercased())
            }
            for internalBody in try await store.governance.bodies(allianceID: id) where internalBody.visibility == .internal {
                planted.forbidden.append(internalBody.id.uuidString.lowercased())
                for d in try await store.governance.decisions(bodyIDs: [internalBody.id]) {
                    planted.forbidden.append(d.id.uuidString.lowercased())
                }
                for m in try await store.governance.meetings(bodyIDs: [internalBody.id]) {
                    planted.forbidden.append(m.id.uuidString.lowercased())
                }
            }
        }
        return planted
    }

    static func leaks(_ text: String, _ planted: Planted) -> [String] {
        planted.forbidden.filter { text.contains($0) || text.lowercased().contains($0.lowercased()) && $0.count == 36 }
    }

    @Test func noPageAPartnerReachesShowsAnythingInternal() async throws {
        try await WebHarness.run { h in
            let planted = try await Self.plant(h)
            _ = try await ReminderService(h.services!).send()
            let browser = h.browser()
            try await browser.signIn("partner@accord.example")
            var queue = ["/alliances", "/my/actions", "/governance", "/obligations"]
            var seen: Set<String> = []
            var pages = 0
            var sawSharedItem = false
            while let path = queue.first, pages < 400 {
                queue.removeFirst()
                guard seen.insert(path).inserted else { continue }
                let response = try await browser.get(path)
                pages += 1
                let text = response.text
                #expect(Self.leaks(text, planted).isEmpty, "\(path) shows \(Self.leaks(text, planted))")
                #expect(response.status.code < 500, "\(path) answered \(response.status.code)")
                if text.contains(planted.sharedItemTitle) { sawSharedItem = true }
                for link in Self.links(text) where !seen.contains(link) { queue.append(link) }
            }
            #expect(pages > 20, "only \(pages) pages reached")
            #expect(sawSharedItem, "the shared action item itself should be visible")
        }
    }

    @Test func noAPIAnswerAPartnerCanGetHoldsAnythingInternal() async throws {
        try await WebHarness.run { h in
            let planted = try await Self.plant(h)
            let api = try await APIClient.forUser(h, "partner@accord.example")
            let document = try JSONSerialization.jsonObject(with: Data(buffer: try await api.get("/api/v1/openapi.json").body))
            let paths = ((document as? [String: Any])?["paths"] as? [String: [String: Any]] ?? [:]).filter { $0.value["get"] != nil }
                .keys.sorted()
            var answers: [String: String] = [:]
            /// Ids found in the answer of a collection, to fill the next parameter of its item routes.
            func ids(_ collection: String) async throws -> [String] {
                let text = try await fetch(collection)
                let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
                let items = object["items"] as? [[String: Any]] ?? [object]
                return Array(items.compactMap { ($0["id"] as? String) ?? ($0["type"] as? String) }.prefix(6))
            }
            func fetch(_ path: String) async throws -> String {
                if let known = answers[path] { return known }
                let response = try await api.get(path)
                #expect(response.status.code < 500, "\(path) answered \(response.status.code)")
                let text = String(buffer: response.body)
                answers[path] = text
                return text
            }
            /// Every concrete path for a template, parameters filled from the collections above them.
            func expand(_ template: String) async throws -> [String] {
                guard let open = template.range(of: "{") else { return [template] }
                let close = template.range(of: "}", range: open.upperBound..<template.endIndex)!
                let collection = String(template[..<open.lowerBound].dropLast())
                var result: [String] = []
                for parent in try await expand(collection) {
                    for id in try await ids(parent) {
                        let filled = parent + "/" + id + template[close.upperBound...]
                        result += try await expand(filled)
                    }
                }
                return result
            }
            for template in paths where template != "/api/v1/openapi.json" {
                for path in try await expand(template) { _ = try await fetch(path) }
            }
            #expect(answers.count > 30, "only \(answers.count) answers")
            for (path, text) in answers.sorted(by: { $0.key < $1.key }) {
                #expect(Self.leaks(text, planted).isEmpty, "\(path) holds \(Self.leaks(text, planted))")
            }
            let alliances = try await api.get("/api/v1/alliances").items
            #expect(!alliances.isEmpty && alliances.allSatisfy { $0["tier"] is NSNull && $0["internalNotes"] is NSNull })
            #expect(try await api.get("/api/v1/alliances?sort=tier").status == .badRequest)
        }
    }

    @Test func internalObligationsRemindOnlyOurSide() async throws {
        try await WebHarness.run { h in
            let planted = try await Self.plant(h)
            let alliance = try await h.alliance(named: "HX-201")
            let obligation = try await h.store.obligations.obligations(allianceID: alliance.id).first {
                $0.title == "ZZ internal milestone"
            }!
            let partnerPerson = try await h.store.users.find(email: "partner@accord.example")!.personID!
            let browser = h.browser()
            try await browser.signIn("manager@accord.example")
            let path = "/alliances/\(alliance.id.uuidString.lowercased())/obligations/\(obligation.id.uuidString.lowercased())/reminders"
            let page = try await browser.get(path)
            #expect(page.status == .ok && !page.text.contains(partnerPerson.uuidString.lowercased()))
            let refused = try await browser.post(path, ["recipient": partnerPerson.uuidString.lowercased(), "leadDays": "7"])
            #expect(refused.status == .unprocessableContent)
            #expect(try await h.store.reminders.rules(obligationIDs: [obligation.id])[obligation.id]?.recipients == [partnerPerson])
            _ = try await ReminderService(h.services!).send()
            #expect(try await h.store.reminders.notifications(personID: partnerPerson, limit: 50).allSatisfy { !$0.title.contains("ZZ") })
            _ = planted
        }
    }

    /// Same-site GET links of a page, without fragments, sign-out and static files.
    static func links(_ html: String) -> [String] {
        var result: [String] = []
        var rest = Substring(html)
        while let range = rest.range(of: "href=\"") {
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            var link = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            rest = rest[end...]
            if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
            guard link.hasPrefix("/"), !link.hasPrefix("//"), !link.hasPrefix("/static"), !link.hasPrefix("/signout"),
                !link.hasSuffix(".css")
            else { continue }
            result.append(link)
        }
        return result
    }
}
