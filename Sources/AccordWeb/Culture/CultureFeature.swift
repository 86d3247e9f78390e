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
            APIRoute(
                method: .get, path: c,
                doc: APIDoc(
                    "getCulture", "An organisation's culture profile; for a partner, each scale beside ours", parameters: [.organisation],
                    replies: [.record(200, APIModels.CultureModel.self, "The profile")], errors: [401, 403, 404]), handler: culture.profile),
            APIRoute(
                method: .put, path: c,
                doc: APIDoc(
                    "replaceCulture", "Replace a culture profile", parameters: [.organisation], body: CultureAPI.cultureUpdate,
                    replies: [.record(200, APIModels.CultureModel.self, "Saved")], errors: APIDoc.changeErrors),
                handler: culture.saveProfile),
            APIRoute(
                method: .get, path: c + "/differences",
                doc: APIDoc(
                    "listDifferences", "The differences log with a partner", parameters: [.organisation],
                    replies: [.json(200, APIModels.List<APIModels.DifferenceModel>.self, "Every entry")], errors: [401, 403, 404]),
                handler: culture.differences),
            APIRoute(
                method: .post, path: c + "/differences",
                doc: APIDoc(
                    "createDifference", "Log a difference with a partner", parameters: [.organisation], body: CultureAPI.differenceCreate,
                    replies: [.record(201, APIModels.DifferenceModel.self, "Logged")], errors: APIDoc.changeErrors),
                handler: culture.addDifference),
            APIRoute(
                method: .put, path: c + "/differences/{differenceId}",
                doc: APIDoc(
                    "updateDifference", "Replace a log entry", parameters: [.organisation, .logEntry], body: CultureAPI.differenceUpdate,
                    replies: [.record(200, APIModels.DifferenceModel.self, "Saved")], errors: APIDoc.changeErrors),
                handler: culture.updateDifference),
        ].tagged("Culture")
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

/// The path parameters of the feature's API operations.
extension APIParameter {
    static let logEntry = path("differenceId", "The log entry's id")
    static let organisation = path("id", "The organisation's id")
}
