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
        let handlers = CRUDHandlers(
            list: alliances.list, create: alliances.create, get: alliances.get, update: alliances.update, delete: alliances.delete)
        let filters: [APIParameter] = [
            .query("type", .ref("AllianceType"), "Only this type"), .query("status", .ref("OperationalStatus"), "Only this status"),
            .query("phase", .ref("LifecyclePhase"), "Only this phase"), .query("partner", .uuid, "Only this partner organisation"),
            .query("manager", .uuid, "Only alliances run by this alliance manager (our side)"),
            .query("q", .text(max: 100), "Text in the name, partner or products"),
            .query("sort", .ref("AllianceSort"), "Sort key (default name)"), .query("dir", .values(["asc", "desc"]), "Sort direction"),
        ]
        let records = APIRoute.crud(
            a, APIModels.Alliance.self, noun: "an alliance", nouns: "alliances", plural: "Alliances", handlers,
            bodies: (AlliancesAPI.allianceCreate, AlliancesAPI.allianceUpdate), listing: filters + APIParameter.paging,
            readErrors: [401, 404])
        return
            (records + [
                APIRoute(
                    method: .get, path: a + "/{id}/members",
                    doc: APIDoc(
                        "listMembers", "The alliance's team", parameters: [.record],
                        replies: [.json(200, APIModels.List<APIModels.Membership>.self, "Every member")],
                        errors: [401, 404]), handler: alliances.members),
                APIRoute(
                    method: .post, path: a + "/{id}/members",
                    doc: APIDoc(
                        "addMember", "Add a person to the team", parameters: [.record], body: AlliancesAPI.membershipCreate,
                        replies: [.json(201, APIModels.Membership.self, "Added")], errors: [400, 401, 403, 404, 413, 415, 422]),
                    handler: alliances.addMember
                ),
                APIRoute(
                    method: .delete, path: a + "/{id}/members/{memberId}",
                    doc: APIDoc(
                        "removeMember", "Remove a team member", parameters: [.record, .membership], replies: [.empty(204, "Removed")],
                        errors: [401, 403, 404, 409]), handler: alliances.removeMember),
            ]).tagged("Alliances")
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

/// The path parameters of the feature's API operations.
extension APIParameter {
    static let membership = path("memberId", "The membership's id")
}
