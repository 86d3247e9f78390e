import Hummingbird

/// Phases and transitions: involvement playbooks, phase changes with their stage-gate checklists, coverage gaps.
struct LifecycleFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        let lifecycle = LifecycleService(services.store)
        LifecycleController(views: services.views, lifecycle: lifecycle).register(router)
        PlaybooksController(views: services.views, lifecycle: lifecycle).register(router)
    }

    func apiRoutes(_ services: Services) -> [APIRoute] {
        let lifecycle = LifecycleAPI(lifecycle: LifecycleService(services.store))
        let p = APIRoutes.prefix
        let a = p + "/alliances/{id}"
        return [
            APIRoute(method: .get, path: a + "/lifecycle", handler: lifecycle.state),
            APIRoute(method: .post, path: a + "/lifecycle/changes", handler: lifecycle.propose),
            APIRoute(method: .post, path: a + "/lifecycle/changes/{changeId}/complete", handler: lifecycle.complete),
            APIRoute(method: .post, path: a + "/lifecycle/changes/{changeId}/cancel", handler: lifecycle.cancel),
            APIRoute(method: .get, path: p + "/playbooks", handler: lifecycle.playbooks),
            APIRoute(method: .get, path: p + "/playbooks/{type}", handler: lifecycle.playbook),
            APIRoute(method: .put, path: p + "/playbooks/{type}", handler: lifecycle.replacePlaybook),
        ]
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoLifecycle.load(demo) }
}
