import Foundation
import Testing

@testable import AccordWeb

/// Links are built from the route patterns cut once: the same paths as filling each `:name` segment in turn.
@Suite struct SiteRouteTests {
    /// The straightforward way: split the pattern and replace the parameter segments in order.
    func reference(_ pattern: String, _ values: [String]) -> String {
        var remaining = values[...]
        return pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            guard segment.hasPrefix(":"), let value = remaining.popFirst() else { return String(segment) }
            return value
        }.joined(separator: "/")
    }

    @Test func pathsFillEachParameterInOrder() {
        let a = UUID()
        let b = UUID()
        #expect(Site.decision.path(a, b) == "/alliances/\(a.lowercaseText)/decisions/\(b.lowercaseText)")
        for pattern in [
            "/alliances", "/", "/alliances/:id", "/alliances/:id/governance/decisions/:decision", "/feeds/:token/calendar.ics",
            "/a/:x/:y", ":lead/tail", "/trailing/",
        ] {
            let route = SiteRoute(pattern)
            for values in [[], ["v1"], ["v1", "v2"], ["v1", "v2", "v3"]] {
                #expect(route.path(segments: values) == reference(pattern, values), "\(pattern) with \(values)")
            }
        }
        #expect(SiteRoute("/alliances/:id") == SiteRoute("/alliances/:id") && Site.alliance.pattern == "/alliances/:id")
    }
}
