import AccordCore
import Foundation
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
            APIRoute(
                method: .get, path: r,
                doc: APIDoc(
                    "getRelationshipMap", "Counterpart pairs with gaps by level and function (internal users)", parameters: [.alliance],
                    replies: [.json(200, APIModels.RelationshipMapModel.self, "The map")], errors: [401, 403, 404]),
                handler: relationships.map),
            APIRoute(
                method: .post, path: r,
                doc: APIDoc(
                    "createPair", "Pair one of our people with one of the partner's", parameters: [.alliance],
                    body: RelationshipsAPI.pairCreate,
                    replies: [.record(201, APIModels.PairModel.self, "Added")], errors: APIDoc.changeErrors), handler: relationships.create),
            APIRoute(
                method: .put, path: r + "/{pairId}",
                doc: APIDoc(
                    "updatePair", "Replace a pair's fields", parameters: [.alliance, .pair], body: RelationshipsAPI.pairUpdate,
                    replies: [.record(200, APIModels.PairModel.self, "Updated")], errors: APIDoc.changeErrors),
                handler: relationships.update),
            APIRoute(
                method: .delete, path: r + "/{pairId}",
                doc: APIDoc(
                    "deletePair", "Remove a pair", parameters: [.alliance, .pair], replies: [.empty(204, "Removed")],
                    errors: [401, 403, 404]), handler: relationships.delete),
            APIRoute(
                method: .post, path: r + "/{pairId}/contacts",
                doc: APIDoc(
                    "recordContact", "Record a contact between the pair", parameters: [.alliance, .pair],
                    body: RelationshipsAPI.pairContact,
                    replies: [.record(200, APIModels.PairModel.self, "The pair")], errors: APIDoc.changeErrors),
                handler: relationships.contact),
        ].tagged("Relationships")
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoRelationships.load(demo) }

    var notices: [Notice] { [.pairAdded, .pairUpdated, .contactRecorded, .pairRemoved] }

    var templates: [Template] { [.relationshipsIndex] }
}

extension Site {
    public static let relationships = SiteRoute<UUID>("/alliances/:id/relationships")
    public static let editPair = SiteRoute<(UUID, UUID)>("/alliances/:id/relationships/:pair/edit")
    public static let pairContact = SiteRoute<(UUID, UUID)>("/alliances/:id/relationships/:pair/contact")
    public static let deletePair = SiteRoute<(UUID, UUID)>("/alliances/:id/relationships/:pair/delete")
}

extension Notice {
    public static let pairAdded = Notice("pair-added", "Pair added to the relationship map.")
    public static let pairUpdated = Notice("pair-updated", "Pair saved.")
    public static let contactRecorded = Notice("contact-recorded", "Contact recorded.")
    public static let pairRemoved = Notice("pair-removed", "Pair removed from the relationship map.")
}

extension Template {
    static let relationshipsIndex = Template("relationships/index")
}

/// The path parameters of the feature's API operations.
extension APIParameter {
    static let pair = path("pairId", "The pair's id")
}
