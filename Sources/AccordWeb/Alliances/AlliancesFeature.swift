import AccordCore
import Foundation
import Hummingbird

/// The portfolio, each alliance's record and page, and its team.
struct AlliancesFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        let store = services.store
        AlliancesController(
            views: services.views, alliances: AlliancesService(store), governance: GovernanceService(store),
            lifecycle: LifecycleService(store), health: HealthService(services)
        ).register(router)
    }

    func apiRoutes(_ services: Services) -> [APIRoute] {
        let a = APIRoutes.prefix + "/alliances"
        let alliances = AlliancesAPI(alliances: AlliancesService(services.store))
        return [
            APIRoute(method: .get, path: a, handler: alliances.list),
            APIRoute(method: .post, path: a, handler: alliances.create),
            APIRoute(method: .get, path: a + "/{id}", handler: alliances.get),
            APIRoute(method: .put, path: a + "/{id}", handler: alliances.update),
            APIRoute(method: .delete, path: a + "/{id}", handler: alliances.delete),
            APIRoute(method: .get, path: a + "/{id}/members", handler: alliances.members),
            APIRoute(method: .post, path: a + "/{id}/members", handler: alliances.addMember),
            APIRoute(method: .delete, path: a + "/{id}/members/{memberId}", handler: alliances.removeMember),
        ]
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoPortfolio.loadAlliances(demo) }

    var notices: [Notice] { [.memberAdded, .memberRemoved] }
}

extension Site {
    public static let home = SiteRoute<Void>("/")
    public static let alliances = SiteRoute<Void>("/alliances")
    public static let newAlliance = SiteRoute<Void>("/alliances/new")
    public static let alliance = SiteRoute<UUID>("/alliances/:id")
    public static let editAlliance = SiteRoute<UUID>("/alliances/:id/edit")
    public static let deleteAlliance = SiteRoute<UUID>("/alliances/:id/delete")
    public static let allianceMembers = SiteRoute<UUID>("/alliances/:id/members")
    public static let removeMember = SiteRoute<(UUID, UUID)>("/alliances/:id/members/:member/delete")
    /// Search as you type: at most ten names containing `q`, as JSON, for the portfolio's filters and the team picker.
    public static let partnerChoices = SiteRoute<Void>("/alliances/choices/partners")
    public static let managerChoices = SiteRoute<Void>("/alliances/choices/managers")
    public static let teamCandidates = SiteRoute<UUID>("/alliances/:id/team/candidates")
}

extension Notice {
    public static let memberAdded = Notice("member-added", "Team member added.")
    public static let memberRemoved = Notice("member-removed", "Team member removed.")
}
