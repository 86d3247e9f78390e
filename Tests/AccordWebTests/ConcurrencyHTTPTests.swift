import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import Testing

/// The trust review's races, over HTTP on both databases: exactly one writer wins, the rest get 409.
@Suite struct ConcurrencyHTTPTests {
    @Test(arguments: WebHarness.databases)
    func twentyParallelPutsFromOneVersionHaveOneWinner(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let created = try await api.send(.post, "/api/v1/alliances", json: try await h.newAllianceJSON("Race deal"))
            let id = created.object["id"] as! String
            var base = try await h.newAllianceJSON("Race deal")
            // The manager stays the alliance's manager, so every writer keeps the right to edit it.
            base["ourManagerId"] = (try await h.store.users.find(email: "manager@accord.example")!.personID!).uuidString
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<20 {
                    var body = base
                    (body["version"], body["description"]) = (1, "Writer \(index)")
                    let payload = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
                    group.addTask { Int(try await api.send(.put, "/api/v1/alliances/\(id)", raw: payload).status.code) }
                }
                var all: [Int] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.filter { $0 == 200 }.count == 1 && statuses.filter { $0 == 409 }.count == 19, "\(statuses.sorted())")
            let updates = try await h.store.audit.recent(limit: 200).filter {
                $0.change.entity == "alliance" && $0.change.entityID.uuidString.lowercased() == id.lowercased()
                    && $0.change.action == .update
            }
            #expect(updates.count == 1, "\(updates.count) alliance updates audited")
            #expect(try await h.store.alliances.find(UUID(uuidString: id)!)?.version == 2)
            #expect(try await h.store.audit.verify().intact)
        }
    }

    @Test(arguments: WebHarness.databases)
    func twoAdministratorsDemotingEachOtherLeaveOneActive(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let first = try await h.store.users.find(email: "admin@accord.example")!
            let second = try await h.store.users.create(
                try UserInput(email: "second.admin@helix.example", name: "Second Admin", role: "administrator").validate(),
                passwordHash: try await Passwords.hash(DemoPortfolio.password, cost: 4), by: .system)
            var browsers: [(Browser, User)] = []
            for (signer, target) in [("admin@accord.example", second), ("second.admin@helix.example", first)] {
                let browser = h.browser()
                try await browser.signIn(signer)
                try await browser.get("/admin/users/\(target.id.uuidString.lowercased())/edit")
                browsers.append((browser, target))
            }
            let pairs = browsers
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for (browser, target) in pairs {
                    group.addTask {
                        let form = [
                            "email": target.email, "name": target.name, "role": "executive", "active": "true",
                            "version": String(target.version),
                        ]
                        let response = try await browser.post("/admin/users/\(target.id.uuidString.lowercased())/edit", form)
                        return "\(response.status.code) \(response.location ?? "")"
                    }
                }
                var all: [String] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            // One demotion wins. The other is refused (422), or, when the winner demoted its author first, that
            // author is no longer an administrator (403) or no longer signed in (sent to sign in).
            #expect(answers.filter { $0 == "303 /admin/users?notice=updated" }.count == 1, "\(answers)")
            var admins = 0
            for user in [first, second] where try await h.store.users.find(user.id)?.role == .administrator { admins += 1 }
            #expect(admins == 1)
        }
    }

    @Test func boundedRecurrencesReachTheirEndOverTheAPI() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let alliance = try await h.makeAlliance("Biologics supply", manager: try await h.accountPerson("manager"))
            let last = LocalDate(date: Date()).adding(months: 60)
            let created = try await api.send(
                .post, "/api/v1/alliances/\(alliance.id)/obligations",
                json: [
                    "title": "Annual safety report", "kind": "report", "direction": "outgoing",
                    "dueOn": LocalDate(date: Date()).adding(days: 30).description, "recurrence": "yearly", "recursUntil": last.description,
                ])
            #expect(created.status == .created)
            let occurrences = created.object["occurrences"] as? [[String: Any]] ?? []
            #expect(occurrences.count == 5, "\(occurrences.count) occurrences")
            let browser = h.browser()
            try await browser.signIn("manager@accord.example")
            let page = try await browser.get("/alliances/\(alliance.id.uuidString.lowercased())/obligations").text
            #expect(page.contains("Annual safety report"))
        }
    }
}
