import Foundation
import Hummingbird

/// Handlers are registered through their `SiteRoute`, so a page's path is named once: the route registers it, builds
/// its links, and hands its handler the values of its `:name` segments, typed (`router.get(Site.editIssue) { request,
/// context, ids in … ids.1 … }`). A handler that needs none of them takes `{ request, context in … }`.
extension Router<AppContext> {
    @discardableResult
    func get<Parameters>(
        _ route: SiteRoute<Parameters>, use handler: @escaping @Sendable (Request, AppContext) async throws -> some ResponseGenerator
    ) -> Self {
        get(RouterPath(route.pattern), use: handler)
    }

    @discardableResult
    func post<Parameters>(
        _ route: SiteRoute<Parameters>, use handler: @escaping @Sendable (Request, AppContext) async throws -> some ResponseGenerator
    ) -> Self {
        post(RouterPath(route.pattern), use: handler)
    }

    @discardableResult
    func get<Parameters: Sendable>(
        _ route: SiteRoute<Parameters>,
        use handler: @escaping @Sendable (Request, AppContext, Parameters) async throws -> some ResponseGenerator
    ) -> Self {
        get(RouterPath(route.pattern)) { request, context in try await handler(request, context, try route.values(in: context)) }
    }

    @discardableResult
    func post<Parameters: Sendable>(
        _ route: SiteRoute<Parameters>,
        use handler: @escaping @Sendable (Request, AppContext, Parameters) async throws -> some ResponseGenerator
    ) -> Self {
        post(RouterPath(route.pattern)) { request, context in try await handler(request, context, try route.values(in: context)) }
    }
}

extension SiteRoute {
    /// The values of the request's `:name` segments, as the route's type says: an id that is not a UUID is a page that
    /// does not exist. A number segment (`(UUID, UUID, Int)`) is read by its handler, which knows its range.
    func values(in context: AppContext) throws -> Parameters {
        switch ObjectIdentifier(Parameters.self) {
        case ObjectIdentifier(UUID.self): return try (self as! SiteRoute<UUID>).id(in: context) as! Parameters
        case ObjectIdentifier((UUID, UUID).self): return try (self as! SiteRoute<(UUID, UUID)>).ids(in: context) as! Parameters
        case ObjectIdentifier((UUID, UUID, UUID).self):
            return try (self as! SiteRoute<(UUID, UUID, UUID)>).ids(in: context) as! Parameters
        case ObjectIdentifier(String.self): return (self as! SiteRoute<String>).text(in: context) as! Parameters
        default: preconditionFailure("\(pattern): its handler reads its values itself")
        }
    }
}
