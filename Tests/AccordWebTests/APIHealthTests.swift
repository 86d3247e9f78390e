import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The health API: waves, aggregated results with anonymity, CSV, actions, review and instruments.
@Suite struct APIHealthTests {
    @Test(arguments: WebHarness.databases)
    func wavesResultsActionsAndReview(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let alliance = try await h.alliance(named: "Kanto Japan")
            let base = "/api/v1/alliances/\(alliance.id)/health/waves"
            let waves = try await api.get(base)
            #expect(waves.status == .ok && waves.items.count == 3)
            let latest = waves.items.last!
            let waveID = latest["id"] as! String
            #expect(latest["status"] as? String == "closed" && (latest["answered"] as? Int ?? 0) > 0)

            let results = try await api.get("\(base)/\(waveID)/results")
            #expect(results.status == .ok && results.object["band"] is String && results.object["overall"] is Double)
            let trust = (results.object["dimensions"] as! [[String: Any]])[0]
            #expect((trust["partner"] as? [String: Any])?["shown"] as? Bool == true && trust["gapFlagged"] as? Bool == true)
            let byFunction = try await api.get("\(base)/\(waveID)/results?function=legal")
            let legal = (byFunction.object["dimensions"] as! [[String: Any]])[0]["ours"] as! [String: Any]
            #expect(legal["shown"] as? Bool == false && legal["mean"] is NSNull && legal["distribution"] is NSNull)
            #expect(try await api.get("\(base)/\(waveID)/results?function=astrology").status == .badRequest)
            #expect(try await api.get("\(base)/\(waveID)/results?sort=up").status == .badRequest)
            let csv = try await api.get("\(base)/\(waveID)/results.csv")
            #expect(csv.status == .ok && String(buffer: csv.body).hasPrefix("wave,scope,dimension"))

            let before = try await h.auditCount()
            let refused = try await api.send(.post, "\(base)/\(waveID)/status", json: ["status": "reviewed"])
            #expect(refused.status == .unprocessableContent && refused.errorFields == ["actions"])
            let bad = try await api.send(.post, "\(base)/\(waveID)/actions", json: ["dimension": "nope", "title": 5, "dueOn": "soon"])
            #expect(bad.status == .unprocessableContent && Set(bad.errorFields).isSuperset(of: ["title"]))
            let invalid = try await api.send(
                .post, "\(base)/\(waveID)/actions", json: ["dimension": "nope", "title": "x", "dueOn": "soon"])
            #expect(Set(invalid.errorFields) == ["dimension", "ownerId", "dueOn"])
            #expect(try await h.auditCount() == before)

            let owner = try await h.store.alliances.members(of: alliance.id)[0].personID
            let results2 = HealthScoring.results(
                DefaultInstrument.instrument, try await h.store.health.tally(waveID: UUID(uuidString: waveID)!))
            var first: [String: Any] = [:]
            for dimension in results2.dimensions where dimension.needsAction {
                let created = try await api.send(
                    .post, "\(base)/\(waveID)/actions",
                    json: [
                        "dimension": dimension.key, "title": "Act on \(dimension.name)", "ownerId": owner.uuidString, "dueOn": "2027-02-01",
                    ])
                #expect(created.status == .created)
                if first.isEmpty { first = created.object }
            }
            let actionPath = "\(base)/\(waveID)/actions/\(first["id"] as! String)"
            let change: [String: Any] = [
                "dimension": first["dimension"]!, "title": "Done now", "ownerId": owner.uuidString, "dueOn": "2027-02-01", "status": "done",
            ]
            #expect(try await api.send(.put, actionPath, json: change).errorFields == ["version"])
            #expect(try await api.send(.put, actionPath, json: change.merging(["version": 9]) { $1 }).status == .conflict)
            let updated = try await api.send(.put, actionPath, json: change.merging(["version": 1]) { $1 })
            #expect(updated.status == .ok && updated.object["status"] as? String == "done" && updated.object["version"] as? Int == 2)
            #expect(try await api.get("\(base)/\(waveID)/actions").items.count == results2.dimensions.filter(\.needsAction).count)
            let reviewed = try await api.send(.post, "\(base)/\(waveID)/status", json: ["status": "reviewed"])
            #expect(reviewed.status == .ok && reviewed.object["status"] as? String == "reviewed")
            #expect(try await api.send(.post, "\(base)/\(waveID)/status", json: ["status": "open"]).status == .conflict)
        }
    }

    @Test func openingAWaveReturnsEachLinkOnce() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let alliance = try await h.teamAlliance()
            let base = "/api/v1/alliances/\(alliance.id)/health/waves"
            let today = LocalDate(date: Date())
            let bad = try await api.send(.post, base, json: ["title": "W", "opensOn": today.description, "closesOn": "2000-01-01"])
            #expect(bad.status == .unprocessableContent && bad.errorFields == ["closesOn"])
            let stranger = try await api.send(
                .post, base,
                json: ["title": "W", "opensOn": today.description, "closesOn": "2099-01-01", "respondentIds": [UUID().uuidString]])
            #expect(stranger.errorFields == ["respondents"])
            #expect(try await api.send(.post, base, json: ["title": "W", "respondentIds": "all"]).errorFields.contains("respondentIds"))
            let opened = try await api.send(
                .post, base, json: ["title": "API wave", "opensOn": today.description, "closesOn": "2099-01-01"])
            #expect(opened.status == .created)
            let links = opened.object["links"] as! [[String: Any]]
            let team = Set(try await h.store.alliances.members(of: alliance.id).map(\.personID))
            #expect(team.count == 4)
            #expect(links.count == team.count && links.allSatisfy { ($0["url"] as? String)?.hasPrefix("/survey/") == true })
            let waveID = (opened.object["wave"] as! [String: Any])["id"] as! String
            #expect(String(buffer: try await api.get("\(base)/\(waveID)").body).contains("/survey/") == false)
            let respondent = h.browser()
            #expect(try await respondent.get(links[0]["url"] as! String).status == .ok)
        }
    }

    @Test func accessAndInstruments() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let partner = try await APIClient.forUser(h, "partner@accord.example")
            let mine = try await h.teamAlliance()
            let kanto = try await h.outsiderAlliance()
            #expect(try await partner.get("/api/v1/alliances/\(mine.id)/health/waves").status == .forbidden)
            #expect(try await partner.get("/api/v1/alliances/\(kanto.id)/health/waves").status == .notFound)
            #expect(try await partner.get("/api/v1/health/instruments").status == .forbidden)
            let outsider = try await h.outsiderAlliance()
            let member = try await APIClient.forUser(h, "member@accord.example")
            #expect(try await member.get("/api/v1/alliances/\(outsider.id)/health/waves").status == .forbidden)
            #expect(try await member.get("/api/v1/alliances/\(mine.id)/health/waves/\(UUID())").status == .notFound)

            let manager = try await APIClient.forUser(h, "manager@accord.example")
            let today = LocalDate(date: Date()).description
            for title in ["Spring check", "Autumn check"] {
                let opened = try await manager.send(
                    .post, "/api/v1/alliances/\(mine.id)/health/waves", json: ["title": title, "opensOn": today, "closesOn": "2099-01-01"])
                #expect(opened.status == .created)
            }
            let list = try await manager.get("/api/v1/health/instruments")
            #expect(list.items.count == 1 && list.items[0]["waves"] as? Int == 2)
            let detail = try await manager.get("/api/v1/health/instruments/\(list.items[0]["id"] as! String)")
            #expect((detail.object["dimensions"] as? [[String: Any]])?.count == 10)
            let body: [String: Any] = [
                "key": "pulse", "name": "Pulse",
                "dimensions": [
                    [
                        "key": "trust", "name": "Trust",
                        "questions": [["key": "t1", "text": "We trust them.", "anchors": ["a", "b", "c", "d", "e"]]],
                    ]
                ],
                "openQuestions": ["Anything else?"],
            ]
            #expect(try await manager.send(.post, "/api/v1/health/instruments", json: body).status == .forbidden)
            let admin = try await APIClient.forUser(h, "admin@accord.example")
            let malformed = try await admin.send(.post, "/api/v1/health/instruments", json: body.merging(["dimensions": "many"]) { $1 })
            #expect(malformed.status == .unprocessableContent && malformed.errorFields == ["dimensions"])
            let short = try await admin.send(
                .post, "/api/v1/health/instruments",
                json: body.merging([
                    "dimensions": [["key": "trust", "name": "Trust", "questions": [["key": "t1", "text": "x", "anchors": ["a"]]]]]
                ]) { $1 })
            #expect(short.status == .unprocessableContent && short.errorFields == ["questions.t1"])
            let created = try await admin.send(.post, "/api/v1/health/instruments", json: body)
            #expect(created.status == .created && created.object["version"] as? Int == 1)
            let edited = try await admin.send(.post, "/api/v1/health/instruments", json: body.merging(["name": "Pulse 2"]) { $1 })
            #expect(edited.status == .ok && edited.object["version"] as? Int == 1 && edited.object["name"] as? String == "Pulse 2")
        }
    }
}
