import AccordWeb
import Foundation
import HummingbirdTesting
import Testing

@Suite struct OperationsTests {
    @Test func healthReadinessAndMetrics() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            #expect(try await browser.get("/healthz").text == "ok\n")
            #expect(try await browser.get("/readyz").status == .ok)
            try await browser.signIn("admin@accord.example")
            let metrics = try await browser.get("/metrics").text
            #expect(metrics.contains("accord_http_requests_total{"))
            #expect(metrics.contains("route=\"/alliances\""))
            #expect(metrics.contains("accord_http_request_duration_seconds_bucket"))
        }
    }

    @Test func pagesCarrySecurityHeaders() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let response = try await h.browser().get("/signin")
            #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers[values: .setCookie].contains { $0.hasPrefix("accord_csrf=") && $0.contains("HttpOnly") })
        }
    }

    /// On the demo portfolio, so that every section of every page has something to draw (and TemplateCheck to check).
    @Test func everyPageRendersForAnAdministrator() async throws {
        try await WebHarness.run { h in
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            let alliance = try await h.alliance(named: "HX-201")
            let org = try await h.store.organizations.list()[0]
            let person = try await h.store.people.list(organizationID: nil, text: nil, page: 1, perPage: 1).items[0]
            let user = try await h.store.users.list()[0]
            for path in [
                "/alliances", "/alliances/new", "/alliances/\(alliance.id)", "/alliances/\(alliance.id)/edit", "/organizations",
                "/organizations/new", "/organizations/\(org.id)", "/organizations/\(org.id)/edit", "/people", "/people?page=2",
                "/people/new", "/people/\(person.id)", "/people/\(person.id)/edit", "/admin/users", "/admin/users/new",
                "/admin/users/\(user.id)/edit",
            ] {
                let response = try await browser.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.text.contains("</html>") && !response.text.contains("{{"), "\(path)")
            }
        }
    }
}
