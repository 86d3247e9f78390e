import Foundation

/// One path pattern, used both to register the route and to build links to it.
public struct SiteRoute: Sendable, Hashable {
    public let pattern: String
    /// The pattern cut once into the literal text before each `:name` segment and the text after the last one, so a
    /// link is a few appends (pages print hundreds of links).
    private let literals: [String]

    init(_ pattern: String) {
        self.pattern = pattern
        var literals: [String] = []
        var current = ""
        for (index, segment) in pattern.split(separator: "/", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { current += "/" }
            if segment.hasPrefix(":") {
                literals.append(current)
                current = ""
            } else {
                current += segment
            }
        }
        literals.append(current)
        self.literals = literals
    }

    public static func == (a: SiteRoute, b: SiteRoute) -> Bool { a.pattern == b.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// Fills the `:name` segments in order with the given ids.
    public func path(_ ids: UUID...) -> String {
        path(segments: ids.map { $0.lowercaseText })
    }

    /// Fills the `:name` segments in order with the given values (for paths keyed by a token, not an id); a segment
    /// with no value left keeps its `:name`.
    public func path(segments: [String]) -> String {
        var path = literals[0]
        for index in 1..<literals.count {
            path += index - 1 < segments.count ? segments[index - 1] : String(parameterName(index - 1))
            path += literals[index]
        }
        return path
    }

    /// The `:name` text of the n-th parameter segment.
    private func parameterName(_ n: Int) -> Substring {
        pattern.split(separator: "/", omittingEmptySubsequences: false).filter { $0.hasPrefix(":") }[n]
    }
}

/// Every page and form target in the web UI: each feature declares its own in an extension in its `XFeature.swift`,
/// so `Site.alliance.pattern` registers a route and `Site.alliance.path(id)` builds links to it.
public enum Site {}
