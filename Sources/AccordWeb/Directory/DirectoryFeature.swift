import Hummingbird

/// Organisations (ours and partners) and their people.
struct DirectoryFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        let directory = DirectoryService(services.store)
        OrganizationsController(views: services.views, directory: directory).register(router)
        PeopleController(views: services.views, directory: directory).register(router)
    }

    func apiRoutes(_ services: Services) -> [APIRoute] {
        let p = APIRoutes.prefix
        let orgs = OrganizationsAPI(directory: DirectoryService(services.store))
        let orgCRUD = orgs.crud
        let people = PeopleAPI(directory: DirectoryService(services.store))
        let peopleCRUD = people.crud
        return [
            APIRoute(method: .get, path: p + "/organizations", handler: orgs.list),
            APIRoute(method: .post, path: p + "/organizations", handler: orgCRUD.create),
            APIRoute(method: .get, path: p + "/organizations/{id}", handler: orgCRUD.get),
            APIRoute(method: .put, path: p + "/organizations/{id}", handler: orgCRUD.update),
            APIRoute(method: .delete, path: p + "/organizations/{id}", handler: orgCRUD.delete),
            APIRoute(method: .get, path: p + "/people", handler: people.list),
            APIRoute(method: .post, path: p + "/people", handler: peopleCRUD.create),
            APIRoute(method: .get, path: p + "/people/{id}", handler: peopleCRUD.get),
            APIRoute(method: .put, path: p + "/people/{id}", handler: peopleCRUD.update),
            APIRoute(method: .delete, path: p + "/people/{id}", handler: peopleCRUD.delete),
        ]
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoPortfolio.loadDirectory(demo) }
}
