import AccordCore
import Foundation
import Hummingbird

/// Culture profiles of us and each partner side by side, and the differences log.
struct CultureFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        CultureController(views: services.views, culture: CultureService(services.store)).register(router)
    }

    func apiRoutes(_ services: Services) -> [APIRoute] {
        let culture = CultureAPI(culture: CultureService(services.store))
        let c = APIRoutes.prefix + "/organizations/{id}/culture"
        return [
            APIRoute(method: .get, path: c, handler: culture.profile),
            APIRoute(method: .put, path: c, handler: culture.saveProfile),
            APIRoute(method: .get, path: c + "/differences", handler: culture.differences),
            APIRoute(method: .post, path: c + "/differences", handler: culture.addDifference),
            APIRoute(method: .put, path: c + "/differences/{differenceId}", handler: culture.updateDifference),
        ]
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoCulture.load(demo) }

    var notices: [Notice] { [.profileSaved, .differenceAdded, .differenceUpdated] }

    var templates: [Template] { [.cultureIndex] }
}

extension Site {
    public static let culture = SiteRoute<UUID>("/organizations/:id/culture")
    public static let cultureDifferences = SiteRoute<UUID>("/organizations/:id/culture/differences")
    public static let cultureDifference = SiteRoute<(UUID, UUID)>("/organizations/:id/culture/differences/:difference")
}

extension Notice {
    public static let profileSaved = Notice("profile-saved", "Culture profile saved.")
    public static let differenceAdded = Notice("difference-added", "Difference added to the log and the road map.")
    public static let differenceUpdated = Notice("difference-updated", "Difference saved.")
}

extension Template {
    static let cultureIndex = Template("culture/index")
}
