import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HummingbirdTesting
import Testing

@Suite struct TokensPageTests {
    @Test func usersCreateSeeOnceAndRevokeTheirOwnTokens() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("member@accord.example")
            try await browser.get("/account/tokens")
            let bad = try await browser.post("/account/tokens", ["name": "", "expiresInDays": "400"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Name is required.") && bad.text.contains("Expiry must be a whole number of days"))
            try await browser.get("/account/tokens")
            let created = try await browser.post("/account/tokens", ["name": "Export script", "expiresInDays": "30"])
            #expect(created.status == .created && created.text.contains("id=\"new-token\">acc_"))
            let listed = try await browser.get("/account/tokens").text
            #expect(listed.contains("Export script") && !listed.contains("id=\"new-token\""))

            let member = try await h.store.users.find(email: "member@accord.example")!
            let token = try await h.store.apiTokens.list(userID: member.id)[0]
            let intruder = h.browser()
            try await intruder.signIn("exec@accord.example")
            try await intruder.get("/account/tokens")
            #expect(try await intruder.post("/account/tokens/\(token.id)/revoke", [:]).status == .notFound)
            try await browser.get("/account/tokens")
            #expect(try await browser.post("/account/tokens/\(token.id)/revoke", [:]).status == .seeOther)
            #expect(try await h.store.apiTokens.list(userID: member.id)[0].revokedAt != nil)
        }
    }
}
