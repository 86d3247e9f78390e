import AccordCore
import AccordStore
import AccordWeb
import Foundation
import SQLKit
import Testing

/// Sign-in as a hostile tester tries it: bursts of parallel guesses, passwords bcrypt would cut short, redirects
/// that leave the site, and tokens that outlive the password.
@Suite struct SignInTrustTests {
    @Test(arguments: WebHarness.databases)
    func parallelWrongPasswordsGetExactlyTheLimitOfComparisons(_ database: String) async throws {
        let limit = 5
        try await WebHarness.run(
            database: database, fixture: .accounts,
            throttle: SignInThrottle(window: 900, maxFailuresPerAccount: limit, maxFailuresPerAddress: 500)
        ) { h in
            var browsers: [Browser] = []
            for _ in 0..<20 {
                let browser = h.browser()
                try await browser.get("/signin")
                browsers.append(browser)
            }
            let ready = browsers
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for (index, browser) in ready.enumerated() {
                    group.addTask {
                        let password = "wrong password \(index)"
                        return Int(try await browser.post("/signin", ["email": "member@accord.example", "password": password]).status.code)
                    }
                }
                var all: [Int] = []
                for try await status in group { all.append(status) }
                return all
            }
            let compared = statuses.filter { $0 != 429 }.count
            #expect(compared == limit, "statuses \(statuses.sorted())")
            #expect(statuses.filter { $0 == 429 }.count == 20 - limit)
            // The right password after the burst is refused too: the limit was reached, whatever it is typed with.
            let after = h.browser()
            try await after.get("/signin")
            let blocked = try await after.post("/signin", ["email": "member@accord.example", "password": DemoPortfolio.password])
            #expect(blocked.status == .tooManyRequests)
        }
    }

    @Test func hashingPasswordsDoesNotStallDatabaseQueries() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let clock = ContinuousClock()
            // A burst of sign-ins hashing while queries run. On a pool shared with the queries (SQLite statements run
            // on the tasks' own threads) the queries queue behind the hashes and finish near the burst's end; on
            // bcrypt's own pool they finish in its first half even while the other suites load the machine: twelve
            // hashes make the burst long (several seconds on its one or two threads) against the few seconds the queries
            // can wait behind the other suites' work (six once measured 2.9 s of queries against a 5.5 s burst).
            let start = clock.now
            let burst = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<12 { group.addTask { _ = try await Passwords.hash("a sound passphrase", cost: 12) } }
                    try await group.waitForAll()
                }
                return clock.now - start
            }
            try await Task.sleep(for: .milliseconds(20))
            for _ in 0..<5 { try await h.store.database.read { db in try await db.raw("SELECT 1 AS one").run() } }
            let queries = clock.now - start
            let hashing = try await burst.value
            #expect(queries < hashing / 2, "queries took \(queries) beside a burst of hashing that took \(hashing)")
        }
    }

    @Test func aSuccessfulSignInWithdrawsItsCountedAttempt() async throws {
        try await WebHarness.run(
            fixture: .accounts, throttle: SignInThrottle(window: 900, maxFailuresPerAccount: 2, maxFailuresPerAddress: 500)
        ) { h in
            for _ in 0..<4 {
                let response = try await h.browser().signIn("exec@accord.example")
                #expect(response.status == .seeOther)
            }
            let left = try await h.store.signInAttempts.failures(key: "account:exec@accord.example", since: Date().addingTimeInterval(-900))
            #expect(left == 0)
        }
    }

    @Test func passwordsWithControlCharactersOrOverBcryptsLimitAreRefused() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            try await browser.get("/admin/users/new")
            var form = ["name": "New Person", "email": "new@helix.example", "role": "member", "active": "true"]
            for (password, message) in [
                ("\u{0}starts with a nul byte", "must not contain control characters"),
                ("tab\tinside the password", "must not contain control characters"),
                (String(repeating: "a1b2", count: 18) + "x", "at most 72 bytes"),
                (String(repeating: "é", count: 37), "at most 72 bytes"),
            ] {
                form["password"] = password
                let refused = try await browser.post("/admin/users", form)
                #expect(refused.status == .unprocessableContent && refused.text.contains(message), "\(password.utf8.count) bytes")
            }
            #expect(try await h.store.users.find(email: "new@helix.example") == nil)
            form["password"] = String(repeating: "a1b2", count: 18)  // exactly 72 bytes: every one of them counts
            #expect(try await browser.post("/admin/users", form).status == .seeOther)
            let cut = h.browser()
            let longer = try await cut.signIn("new@helix.example", password: String(repeating: "a1b2", count: 18) + "zzz")
            #expect(longer.status == .unauthorized)

            // An account whose stored password begins with NUL (allowed before) cannot be entered with "%00...".
            let member = try await h.store.users.find(email: "member@accord.example")!
            try await h.store.users.setPassword(member.id, passwordHash: try await Passwords.hash("\u{0}secret", cost: 4), by: .system)
            let nul = h.browser()
            try await nul.get("/signin")
            let typed = try await nul.send(
                "/signin", .post, body: .init(string: "email=member%40accord.example&password=%00anything&_csrf=\(nul.csrf)"),
                contentType: "application/x-www-form-urlencoded")
            #expect(typed.status == .unauthorized)
        }
    }

    @Test func nextLeadsOnlyToAPathOnThisSite() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            for (next, expected) in [
                ("/\t/evil.example/x", "/alliances"), ("/\n/evil.example", "/alliances"), ("//evil.example", "/alliances"),
                ("/\\evil.example", "/alliances"), ("https://evil.example", "/alliances"), (" /alliances", "/alliances"),
                ("/\u{7F}/evil.example", "/alliances"), ("/my/actions?tab=open", "/my/actions?tab=open"),
            ] {
                let browser = h.browser()
                try await browser.get("/signin")
                let response = try await browser.post(
                    "/signin", ["email": "exec@accord.example", "password": DemoPortfolio.password, "next": next])
                #expect(response.status == .seeOther && response.location == expected, "next \(next.debugDescription)")
            }
            let page = try await h.browser().get("/signin?next=%2F%09%2Fevil.example%2Fx").text
            #expect(!page.contains("evil.example"))
        }
    }

    @Test func aNewPasswordRevokesTheUsersAPITokens() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "member@accord.example")
            #expect(try await api.get("/api/v1/alliances").status == .ok)
            let member = try await h.store.users.find(email: "member@accord.example")!
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            try await browser.get("/admin/users/\(member.id.uuidString.lowercased())/edit")
            let changed = try await browser.post(
                "/admin/users/\(member.id.uuidString.lowercased())/password", ["password": "a brand new passphrase"])
            #expect(changed.status == .seeOther)
            #expect(try await api.get("/api/v1/alliances").status == .unauthorized)
            #expect(try await h.store.apiTokens.list(userID: member.id).isEmpty)
            let audit = try await h.store.audit.recent(limit: 1)[0]
            #expect(audit.change.after?.contains("\"apiTokensRevoked\":\"1\"") == true)
        }
    }
}
