import AccordWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every POST form on every page an administrator reaches sends only what its handler reads: a control whose name
/// the handler does not ask for (renamed on one side only) renders, submits and is silently ignored. The other
/// direction is not required: one decoder serves a record's create and edit forms, and a create form leaves out
/// what it defaults (`version`, `status`).
@Suite struct FormContractTests {
    /// Read by the middleware or by every form the same way, not by one handler.
    static let common: Set<String> = ["_csrf"]
    /// Pages not worth crawling: files, feeds and the sign-out.
    static var skipped: Regex<Substring> { /\.(?:csv|ics|css|js|svg|png)|\/calendar\/|\/signout|\/export|[?&]page=[2-9]/ }

    @Test func everyFormSendsWhatItsHandlerReads() async throws {
        try await WebHarness.run { h in
            let browser = h.browser()
            try await browser.signIn("admin@accord.example")
            let forms = try await Self.crawl(browser, from: ["/alliances", "/organizations", "/people", "/admin/users"])
            #expect(forms.count >= 70, "found \(forms.count) forms")
            // Destructive forms last, so that the record each other form changes still exists when it is sent.
            let destructive = /delete|remove|revoke|signout/
            let ordered = forms.sorted { ($0.action.contains(destructive) ? 1 : 0) < ($1.action.contains(destructive) ? 1 : 0) }
            for form in ordered {
                let log = FormData.FormReadLog()
                let response = try await FormData.$readLog.withValue(log) { try await browser.post(form.action, form.values) }
                let unread = form.names.subtracting(Self.common).subtracting(log.read)
                #expect(response.status != .notFound && response.status != .forbidden, "\(form.shape)")
                #expect(unread.isEmpty, "\(form.shape) sends \(unread.sorted()) that its handler does not read")
            }
        }
    }

    /// The distinct POST forms (by action shape and fields) on the pages reachable from `start`.
    static func crawl(_ browser: Browser, from start: [String], limit: Int = 400) async throws -> [HTMLForm] {
        var queue = start
        var seen = Set(start)
        var shapes = Set<String>()
        var forms: [HTMLForm] = []
        var pagesOfShape: [String: Int] = [:]
        while !queue.isEmpty, seen.count < limit {
            let path = queue.removeFirst()
            let response = try await browser.get(path)
            guard response.status == .ok, response.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
            for form in HTMLForm.all(in: response.text) {
                let key = form.shape + " " + form.names.sorted().joined(separator: ",")
                if shapes.insert(key).inserted { forms.append(form) }
            }
            for link in HTMLForm.links(in: response.text) where !seen.contains(link) && !link.contains(skipped) {
                seen.insert(link)
                // Three pages of each shape (three alliances, three meetings) find its forms.
                let shape = String(link.replacing(/[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}/, with: ":id").split(separator: "?")[0])
                pagesOfShape[shape, default: 0] += 1
                if pagesOfShape[shape]! <= 3 { queue.append(link) }
            }
        }
        return forms
    }
}
