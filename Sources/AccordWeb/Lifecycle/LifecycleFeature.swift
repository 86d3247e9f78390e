import AccordCore
import Foundation
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
            APIRoute(
                method: .get, path: a + "/lifecycle",
                doc: APIDoc(
                    "getLifecycle", "Coverage against the playbook, the pending change with its proposals, the phase history",
                    parameters: [.alliance], replies: [.json(200, APIModels.LifecycleModel.self, "The alliance's lifecycle")],
                    errors: [401, 403, 404]),
                handler: lifecycle.state),
            APIRoute(
                method: .post, path: a + "/lifecycle/changes",
                doc: APIDoc(
                    "startLifecycleChange", "Start a phase change or transition (its checklist comes from the playbook)",
                    parameters: [.alliance], body: LifecycleAPI.lifecycleChangeCreate,
                    replies: [.record(201, APIModels.LifecycleChangeModel.self, "Pending")],
                    errors: APIDoc.changeErrors), handler: lifecycle.propose),
            APIRoute(
                method: .post, path: a + "/lifecycle/changes/{changeId}/complete",
                doc: APIDoc(
                    "completeLifecycleChange", "Settle the checklist, move the alliance and apply the accepted proposals in one step",
                    parameters: [.alliance, .phaseChange], body: LifecycleAPI.lifecycleCompletion,
                    replies: [.record(200, APIModels.LifecycleChangeModel.self, "Completed")], errors: APIDoc.changeErrors),
                handler: lifecycle.complete),
            APIRoute(
                method: .post, path: a + "/lifecycle/changes/{changeId}/cancel",
                doc: APIDoc(
                    "cancelLifecycleChange", "Cancel a pending change", parameters: [.alliance, .phaseChange],
                    replies: [.record(200, APIModels.LifecycleChangeModel.self, "Cancelled")], errors: [401, 403, 404, 409]),
                handler: lifecycle.cancel),
            APIRoute(
                method: .get, path: p + "/playbooks",
                doc: APIDoc(
                    "listPlaybooks", "The involvement playbook of every alliance type",
                    replies: [.json(200, APIModels.List<APIModels.PlaybookModel>.self, "One per alliance type")], errors: [401, 403]),
                handler: lifecycle.playbooks),
            APIRoute(
                method: .get, path: p + "/playbooks/{type}",
                doc: APIDoc(
                    "getPlaybook", "One alliance type's playbook", parameters: [.allianceType],
                    replies: [.record(200, APIModels.PlaybookModel.self, "The playbook")], errors: [401, 403, 404]),
                handler: lifecycle.playbook),
            APIRoute(
                method: .put, path: p + "/playbooks/{type}",
                doc: APIDoc(
                    "replacePlaybook", "Replace a playbook (administrators)", parameters: [.allianceType],
                    body: LifecycleAPI.playbookReplace,
                    replies: [.record(200, APIModels.PlaybookModel.self, "Saved")], errors: APIDoc.changeErrors),
                handler: lifecycle.replacePlaybook),
        ].tagged("Lifecycle")
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoLifecycle.load(demo) }

    var notices: [Notice] { [.phaseProposed, .phaseCompleted, .phaseCancelled, .gapClosed, .playbookSaved] }

    var templates: [Template] { [.lifecycleIndex, .lifecyclePlaybook, .lifecyclePlaybooks] }
}

extension Site {
    public static let lifecycle = SiteRoute<UUID>("/alliances/:id/lifecycle")
    public static let lifecycleTeam = SiteRoute<UUID>("/alliances/:id/lifecycle/team")
    public static let lifecycleComplete = SiteRoute<(UUID, UUID)>("/alliances/:id/lifecycle/:change/complete")
    public static let lifecycleCancel = SiteRoute<(UUID, UUID)>("/alliances/:id/lifecycle/:change/cancel")
    public static let playbooks = SiteRoute<Void>("/admin/playbooks")
    public static let playbook = SiteRoute<String>("/admin/playbooks/:type")
}

extension Notice {
    public static let phaseProposed = Notice(
        "phase-proposed", "Phase change started. Settle its checklist and review the proposals, then complete it.")
    public static let phaseCompleted = Notice(
        "phase-completed", "Phase change completed. The alliance, its team and its bodies are updated.")
    public static let phaseCancelled = Notice("phase-cancelled", "Phase change cancelled.")
    public static let gapClosed = Notice("gap-closed", "Added to the team.")
    public static let playbookSaved = Notice("playbook-saved", "Playbook saved. Alliances of this type use it from now on.")
}

extension Template {
    static let lifecycleIndex = Template("lifecycle/index")
    static let lifecyclePlaybook = Template("lifecycle/playbook")
    static let lifecyclePlaybooks = Template("lifecycle/playbooks")
}

/// The path parameters of the feature's API operations.
extension APIParameter {
    static let phaseChange = path("changeId", "The phase change's id")
    static let allianceType = path("type", "The alliance type", .ref("AllianceType"))
}
