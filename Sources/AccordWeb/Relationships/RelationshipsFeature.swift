import Hummingbird

/// The relationship map: counterpart pairs by level and function, contacts, and coverage gaps.
struct RelationshipsFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        RelationshipsController(views: services.views, relationships: RelationshipsService(services.store)).register(router)
    }

    func apiRoutes(_ services: Services) -> [APIRoute] {
        let relationships = RelationshipsAPI(relationships: RelationshipsService(services.store))
        let r = APIRoutes.prefix + "/alliances/{id}/relationships"
        return [
            APIRoute(method: .get, path: r, handler: relationships.map),
            APIRoute(method: .post, path: r, handler: relationships.create),
            APIRoute(method: .put, path: r + "/{pairId}", handler: relationships.update),
            APIRoute(method: .delete, path: r + "/{pairId}", handler: relationships.delete),
            APIRoute(method: .post, path: r + "/{pairId}/contacts", handler: relationships.contact),
        ]
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoRelationships.load(demo) }
}
