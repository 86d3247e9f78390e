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
        let (a, b, c) = (UUID(), UUID(), UUID())
        #expect(Site.decision.path(a, b) == "/alliances/\(a.lowercaseText)/decisions/\(b.lowercaseText)")
        #expect(Site.alliance.path(a) == reference(Site.alliance.pattern, [a.lowercaseText]))
        #expect(Site.healthAction.path(a, b, c) == reference(Site.healthAction.pattern, [a, b, c].map(\.lowercaseText)))
        #expect(
            Site.obligationOccurrence.path(a, b, 7)
                == reference(Site.obligationOccurrence.pattern, [a.lowercaseText, b.lowercaseText, "7"]))
        #expect(Site.survey.path("t0k") == "/survey/t0k" && Site.calendarFeed.path("x.ics") == "/calendar/x.ics")
        for pattern in ["/alliances", "/", "/trailing/"] {
            #expect(SiteRoute<Void>(pattern).path(segments: []) == pattern)
        }
        for pattern in ["/alliances/:id", ":lead/tail", "/feeds/:token/calendar.ics"] {
            #expect(SiteRoute<String>(pattern).path(segments: ["v1"]) == reference(pattern, ["v1"]), "\(pattern)")
        }
        for pattern in ["/alliances/:id/governance/decisions/:decision", "/a/:x/:y"] {
            let route = SiteRoute<(UUID, UUID)>(pattern)
            #expect(route.path(segments: ["v1", "v2"]) == reference(pattern, ["v1", "v2"]), "\(pattern)")
            #expect(route.path(segments: ["v1"]) == reference(pattern, ["v1"]), "a segment with no value keeps its name: \(pattern)")
        }
        #expect(SiteRoute<UUID>("/alliances/:id") == SiteRoute<UUID>("/alliances/:id") && Site.alliance.pattern == "/alliances/:id")
        #expect(SiteRoute<(UUID, UUID, Int)>.arity == 3 && SiteRoute<Void>.arity == 0 && SiteRoute<[UUID]>.arity == -1)
    }

    /// Every route declared in the sources has as many `:name` segments as its type takes values (a wrong one stops
    /// the program when the route is first used), and every route of an alliance's pages names the alliance `:id`
    /// first, which the alliance-wide helpers read.
    @Test func everyDeclaredRouteHasTheSegmentsItsTypeSays() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/AccordWeb")
        let arity = ["Void": 0, "UUID": 1, "String": 1, "(UUID, UUID)": 2, "(UUID, UUID, UUID)": 3, "(UUID, UUID, Int)": 3]
        let declaration = /static let \w+ = SiteRoute<(?<type>[^>]+)>\("(?<pattern>[^"]*)"\)/
        var count = 0
        for case let path as String in FileManager.default.enumerator(atPath: root.path) ?? .init() where path.hasSuffix(".swift") {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: declaration) {
                count += 1
                let pattern = String(match.output.pattern)
                let segments = pattern.split(separator: "/").filter { $0.hasPrefix(":") }
                #expect(arity[String(match.output.type)] == segments.count, "\(path): \(pattern)")
                if pattern.hasPrefix("/alliances/:") { #expect(segments.first == ":id", "\(path): \(pattern)") }
            }
        }
        #expect(count >= 100, "found the routes (\(count))")
    }
}
