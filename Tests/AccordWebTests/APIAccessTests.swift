import AccordCore
import AccordStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import AccordWeb

@Suite struct APIAccessTests {
    @Test(arguments: WebHarness.databases)
    func requestsWithoutAValidTokenGet401(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let anonymous = APIClient(harness: h, token: nil)
            let response = try await anonymous.get("/api/v1/alliances")
            #expect(response.status == .unauthorized && response.headers[.wwwAuthenticate] == "Bearer realm=\"accord\"")
            #expect(response.object["status"] as? Int == 401)
            #expect(try await APIClient(harness: h, token: "acc_made-up").get("/api/v1/me").status == .unauthorized)
            // A browser session is not an API credential.
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            #expect(try await browser.get("/api/v1/me").status == .unauthorized)
            #expect(try await anonymous.get("/api/v1/openapi.json").status == .ok)
        }
    }

    @Test(arguments: WebHarness.databases)
    func expiredAndRevokedTokensStopWorking(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let expired = try await APIClient.forUser(h, "exec@accord.example", expiresAt: Date().addingTimeInterval(-1))
            #expect(try await expired.get("/api/v1/me").status == .unauthorized)
            let live = try await APIClient.forUser(h, "exec@accord.example")
            let me = try await live.get("/api/v1/me")
            #expect(me.status == .ok && me.object["role"] as? String == "executive")
            let user = try await h.store.users.find(email: "exec@accord.example")!
            let token = try await h.store.apiTokens.list(userID: user.id).first { $0.isUsable(at: Date()) }!
            #expect(token.lastUsedAt != nil)
            try await h.store.apiTokens.revoke(token.id, userID: user.id, by: .system)
            #expect(try await live.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test(arguments: WebHarness.databases)
    func partnerTokensSeeOnlyTheirAlliancesAndNoInternalNotes(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let mine = try await h.teamAlliance("Bispecifics discovery", internalNotes: "Push for exclusivity")
            _ = try await h.teamAlliance("Platform access", internalNotes: "Renewal is ours to lose")
            let other = try await h.outsiderAlliance()
            let api = try await APIClient.forUser(h, "partner@accord.example")
            let list = try await api.get("/api/v1/alliances?per_page=100")
            let names = Set(list.items.compactMap { $0["name"] as? String })
            #expect(names == ["Bispecifics discovery", "Platform access"])
            #expect(list.items.allSatisfy { $0["internalNotes"] is NSNull })
            // Our manager's token, on the same list, does get the notes (the check above can fail).
            let manager = try await APIClient.forUser(h, "manager@accord.example")
            let managers = try await manager.get("/api/v1/alliances?per_page=100")
            #expect(managers.items.contains { $0["internalNotes"] as? String == "Push for exclusivity" })
            let hidden = try await api.get("/api/v1/alliances/\(other.id)")
            #expect(hidden.status == .notFound)
            #expect(try await api.get("/api/v1/alliances/\(other.id)/members").status == .notFound)
            var body = AccessMatrixTests.form(for: mine) as [String: Any]
            body = Dictionary(uniqueKeysWithValues: body.map { (Problem.apiName($0.key), $0.value) })
            body["version"] = mine.version
            #expect(try await api.send(.put, "/api/v1/alliances/\(mine.id)", json: body).status == .forbidden)
            #expect(try await api.get("/api/v1/organizations").status == .forbidden)
            #expect(try await api.get("/api/v1/people").status == .forbidden)
            #expect(try await api.send(.post, "/api/v1/alliances", json: try await h.newAllianceJSON()).status == .forbidden)
        }
    }

    @Test(arguments: WebHarness.databases)
    func internalMembersEditOnlyTheirAlliances(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "member@accord.example")
            let outsider = try await h.outsiderAlliance()
            var body = try await h.newAllianceJSON()
            body["version"] = outsider.version
            #expect(try await api.send(.put, "/api/v1/alliances/\(outsider.id)", json: body).status == .forbidden)
            #expect(try await api.get("/api/v1/alliances/\(outsider.id)").object["internalNotes"] is NSNull)
            #expect(try await api.send(.post, "/api/v1/organizations", json: ["name": "X", "kind": "partner"]).status == .forbidden)
        }
    }

    @Test(arguments: WebHarness.databases)
    func directoryOverTheAPI(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "admin@accord.example")
            let org = try await api.send(
                .post, "/api/v1/organizations", json: ["name": "Orion Bio", "kind": "partner", "country": "France"])
            #expect(org.status == .created)
            let orgID = org.object["id"] as! String
            let person = try await api.send(
                .post, "/api/v1/people",
                json: [
                    "organizationId": orgID, "name": "Lea Martin", "email": "lea@orion.example", "function": "legal", "level": "management",
                ])
            #expect(person.status == .created)
            let clash = try await api.send(
                .post, "/api/v1/people",
                json: [
                    "organizationId": orgID, "name": "Lea Two", "email": "lea@orion.example", "function": "legal", "level": "management",
                ])
            #expect(clash.status == .unprocessableContent && clash.errorFields == ["email"])
            let missingOrg = try await api.send(
                .post, "/api/v1/people",
                json: [
                    "organizationId": UUID().uuidString, "name": "N", "email": "n@x.example", "function": "legal", "level": "management",
                ])
            #expect(missingOrg.errorFields == ["organizationId"])
            #expect(try await api.send(.delete, "/api/v1/organizations/\(orgID)").status == .conflict)
            let people = try await api.get("/api/v1/people?organization=\(orgID)")
            #expect(people.object["total"] as? Int == 1)
            #expect(try await api.send(.delete, "/api/v1/people/\(person.object["id"] as! String)").status == .noContent)
            #expect(
                try await api.send(.put, "/api/v1/organizations/\(orgID)", json: ["name": "Orion Bio SA", "kind": "partner", "version": 1])
                    .status == .ok)
            #expect(try await api.send(.delete, "/api/v1/organizations/\(orgID)").status == .noContent)
            // Orion is gone: our company and the partner remain, one a page.
            let orgs = try await api.get("/api/v1/organizations?per_page=1&page=2")
            #expect(orgs.object["total"] as? Int == 2 && orgs.items.count == 1)
        }
    }
}
