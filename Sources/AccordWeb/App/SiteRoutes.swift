import Foundation

/// One path pattern, used both to register the route and to build links to it.
public struct SiteRoute: Sendable, Hashable {
    public let pattern: String

    init(_ pattern: String) { self.pattern = pattern }

    /// Fills the `:name` segments in order with the given ids.
    public func path(_ ids: UUID...) -> String {
        path(segments: ids.map { $0.lowercaseText })
    }

    /// Fills the `:name` segments in order with the given values (for paths keyed by a token, not an id).
    public func path(segments: [String]) -> String {
        var remaining = segments[...]
        return pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            guard segment.hasPrefix(":"), let value = remaining.popFirst() else { return String(segment) }
            return value
        }.joined(separator: "/")
    }
}

/// Every page and form target in the web UI: each feature declares its own in an extension in its `XFeature.swift`,
/// so `Site.alliance.pattern` registers a route and `Site.alliance.path(id)` builds links to it.
public enum Site {}
