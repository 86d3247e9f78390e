import AccordCore
import Foundation

/// One page or form target: its path pattern, which registers the route, typed by the values its `:name` segments
/// take: `SiteRoute<Void>` none, `SiteRoute<UUID>` one record's id, `SiteRoute<(UUID, UUID)>` and
/// `SiteRoute<(UUID, UUID, UUID)>` two and three, `SiteRoute<String>` one text segment (a token, a key, a type) and
/// `SiteRoute<(UUID, UUID, Int)>` two ids and a number. Links are built with exactly those values (`path`), and
/// handlers read them through the route (`id(in:)`, `ids(in:)`, `text(in:)`), which knows its segments' names, so no
/// path and no parameter name is written twice. A pattern with another number of segments than its type stops the
/// program when the route is first used (`SiteRouteTests` builds every route).
public struct SiteRoute<Parameters>: Sendable, Hashable {
    public let pattern: String
    /// The pattern cut once into the literal text before each `:name` segment and the text after the last one, so a
    /// link is a few appends (pages print hundreds of links).
    private let literals: [String]
    /// The `:name` segments' names, in order.
    let names: [String]

    init(_ pattern: String) {
        self.pattern = pattern
        var literals: [String] = []
        var names: [String] = []
        var current = ""
        for (index, segment) in pattern.split(separator: "/", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { current += "/" }
            if segment.hasPrefix(":") {
                literals.append(current)
                names.append(String(segment.dropFirst()))
                current = ""
            } else {
                current += segment
            }
        }
        literals.append(current)
        self.literals = literals
        self.names = names
        precondition(names.count == Self.arity, "\(pattern) has \(names.count) parameters, its type \(Self.arity)")
    }

    /// How many segments the type says the pattern has.
    static var arity: Int {
        switch ObjectIdentifier(Parameters.self) {
        case ObjectIdentifier(Void.self): 0
        case ObjectIdentifier(UUID.self), ObjectIdentifier(String.self): 1
        case ObjectIdentifier((UUID, UUID).self): 2
        case ObjectIdentifier((UUID, UUID, UUID).self), ObjectIdentifier((UUID, UUID, Int).self): 3
        default: -1
        }
    }

    public static func == (a: SiteRoute, b: SiteRoute) -> Bool { a.pattern == b.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// Fills the `:name` segments in order with the given values; a segment with no value left keeps its `:name`.
    func path(segments: [String]) -> String {
        var path = literals[0]
        for index in 1..<literals.count {
            path += index - 1 < segments.count ? segments[index - 1] : ":" + names[index - 1]
            path += literals[index]
        }
        return path
    }
}

extension SiteRoute where Parameters == UUID {
    public func path(_ id: UUID) -> String { path(segments: [id.lowercaseText]) }

    /// The record's id in the request's path; anything else is a page that does not exist.
    func id(in context: AppContext) throws -> UUID { try context.id(names[0]) }
}

extension SiteRoute where Parameters == (UUID, UUID) {
    public func path(_ first: UUID, _ second: UUID) -> String { path(segments: [first.lowercaseText, second.lowercaseText]) }

    func ids(in context: AppContext) throws -> (UUID, UUID) { (try context.id(names[0]), try context.id(names[1])) }
}

extension SiteRoute where Parameters == (UUID, UUID, UUID) {
    public func path(_ first: UUID, _ second: UUID, _ third: UUID) -> String {
        path(segments: [first.lowercaseText, second.lowercaseText, third.lowercaseText])
    }

    func ids(in context: AppContext) throws -> (UUID, UUID, UUID) {
        (try context.id(names[0]), try context.id(names[1]), try context.id(names[2]))
    }
}

extension SiteRoute where Parameters == (UUID, UUID, Int) {
    public func path(_ first: UUID, _ second: UUID, _ number: Int) -> String {
        path(segments: [first.lowercaseText, second.lowercaseText, String(number)])
    }

    /// The two ids and the number (from 0 up to `limit`); anything else is a page that does not exist.
    func ids(in context: AppContext, limit: Int) throws -> (UUID, UUID, Int) {
        guard let raw = context.parameters.get(names[2]), let number = Int(raw), number >= 0, number < limit else {
            throw DomainError.notFound("There is no such record.")
        }
        return (try context.id(names[0]), try context.id(names[1]), number)
    }
}

extension SiteRoute where Parameters == String {
    public func path(_ text: String) -> String { path(segments: [text]) }

    /// The segment's text in the request's path.
    func text(in context: AppContext) -> String { context.parameters.get(names[0]) ?? "" }
}

/// Every page and form target in the web UI: each feature declares its own in an extension in its `XFeature.swift`,
/// so `Site.alliance.pattern` registers a route and `Site.alliance.path(id)` builds links to it.
public enum Site {
    /// The alliance of one of its pages: every route under `/alliances/` names it `:id` first (`SiteRouteTests`).
    static func allianceID(in context: AppContext) throws -> UUID { try alliance.id(in: context) }
}

extension AppContext {
    /// A UUID path parameter, read only through the route that names it; anything else is a page that does not exist.
    fileprivate func id(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(canonical: text) else {
            throw DomainError.notFound("There is no such record.")
        }
        return id
    }
}
