import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HummingbirdTesting
import Testing

@Suite struct AuthTests {
    @Test func signInSetsAHardenedSessionCookieAndSignOutEndsIt() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.get("/signin")
            let response = try await browser.post("/signin", ["email": "Admin@Accord.example", "password": DemoPortfolio.password])
            #expect(response.status == .seeOther && response.location == "/alliances")
            let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("accord_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
            #expect(try await browser.get("/alliances").status == .ok)
            let signOut = try await browser.post("/signout", [:])
            #expect(signOut.status == .seeOther)
            #expect(try await browser.get("/alliances").status == .seeOther)
        }
    }

    @Test func sessionsLiveInTheDatabase() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("exec@accord.example")
            let token = browser.cookies["accord_session"]!
            // A second application over the same database (another instance, or a restart) accepts the session.
            let other = Browser(client: h.client)
            other.cookies["accord_session"] = token
            #expect(try await other.get("/alliances").status == .ok)
            let user = try await h.store.users.find(email: "exec@accord.example")!
            try await h.store.sessions.deleteAll(userID: user.id)
            #expect(try await browser.get("/alliances").status == .seeOther)
        }
    }

    @Test func wrongPasswordsAreRefusedAndThrottled() async throws {
        try await WebHarness.run(
            fixture: .accounts, throttle: SignInThrottle(window: 900, maxFailuresPerAccount: 3, maxFailuresPerAddress: 50)
        ) { h in
            let browser = h.browser()
            try await browser.get("/signin")
            for _ in 0..<3 {
                let response = try await browser.post("/signin", ["email": "member@accord.example", "password": "wrong password!"])
                #expect(response.status == .unauthorized && response.text.contains("Email or password is incorrect."))
            }
            let blocked = try await browser.post("/signin", ["email": "member@accord.example", "password": DemoPortfolio.password])
            #expect(blocked.status == .tooManyRequests && blocked.text.contains("Too many failed sign-ins"))
            let other = try await browser.post("/signin", ["email": "exec@accord.example", "password": DemoPortfolio.password])
            #expect(other.status == .seeOther)
        }
    }

    @Test func signInNeedsItsTokenAndRejectsOpenRedirects() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.get("/signin")
            let forged = try await browser.post(
                "/signin", ["email": "admin@accord.example", "password": DemoPortfolio.password], csrf: false)
            #expect(forged.status == .forbidden)
            let response = try await browser.post(
                "/signin", ["email": "admin@accord.example", "password": DemoPortfolio.password, "next": "//evil.example/x"])
            #expect(response.location == "/alliances")
            let fresh = h.browser()
            try await fresh.get("/signin")
            let empty = try await fresh.post("/signin", ["email": "", "password": ""])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Enter your email and password."))
        }
    }

    @Test func administratorsCreateUsersUnderThePasswordRules() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            try await browser.get("/admin/users/new")
            var form = ["name": "New Person", "email": "new@helix.example", "role": "member", "active": "true", "password": "short"]
            let weak = try await browser.post("/admin/users", form)
            #expect(weak.status == .unprocessableContent && weak.text.contains("Password must be at least 12 characters."))
            form["password"] = "a sound passphrase"
            #expect(try await browser.post("/admin/users", form).status == .seeOther)
            let fresh = h.browser()
            #expect(try await fresh.signIn("new@helix.example", password: "a sound passphrase").status == .seeOther)
            try await browser.get("/admin/users/new")
            #expect(try await browser.post("/admin/users", form).status == .unprocessableContent)  // duplicate email
        }
    }
}
