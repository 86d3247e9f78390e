import AccordCore
import Foundation
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
        let people = PeopleAPI(directory: DirectoryService(services.store))
        let (orgCRUD, peopleCRUD) = (orgs.crud, people.crud)
        let organisations = CRUDHandlers(
            list: orgs.list, create: orgCRUD.create, get: orgCRUD.get, update: orgCRUD.update, delete: orgCRUD.delete)
        let persons = CRUDHandlers(
            list: people.list, create: peopleCRUD.create, get: peopleCRUD.get, update: peopleCRUD.update, delete: peopleCRUD.delete)
        let byOrganisation: [APIParameter] = [
            .query("organization", .uuid, "Only this organisation"), .query("q", .text(max: 100), "Text in the name or email"),
        ]
        return APIRoute.crud(
            p + "/organizations", APIModels.Organization.self, noun: "an organisation", nouns: "organisations", plural: "Organizations",
            organisations,
            bodies: (OrganizationsAPI.organizationCreate, OrganizationsAPI.organizationUpdate),
            listing: APIParameter.paging, readErrors: [401, 403, 404]
        ).tagged("Organisations")
            + APIRoute.crud(
                p + "/people", APIModels.Person.self, noun: "a person", nouns: "people", plural: "People", persons,
                bodies: (PeopleAPI.personCreate, PeopleAPI.personUpdate),
                listing: APIParameter.paging + byOrganisation, readErrors: [401, 403, 404]
            ).tagged("People")
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoPortfolio.loadDirectory(demo) }

    var templates: [Template] { [.organizationsIndex, .organizationsShow, .peopleIndex, .peopleShow] }
}

extension Site {
    public static let organizations = SiteRoute<Void>("/organizations")
    /// Search as you type for the person form's organisation and the people list's filter: at most ten organisations
    /// whose name contains `q`, as JSON.
    public static let organizationChoices = SiteRoute<Void>("/organizations/choices")
    public static let newOrganization = SiteRoute<Void>("/organizations/new")
    public static let organization = SiteRoute<UUID>("/organizations/:id")
    public static let editOrganization = SiteRoute<UUID>("/organizations/:id/edit")
    public static let deleteOrganization = SiteRoute<UUID>("/organizations/:id/delete")
    public static let people = SiteRoute<Void>("/people")
    /// Search as you type for the forms that name a person: at most ten people whose name contains `q`, as JSON, among
    /// `among` (`ours`, `partners`, `everyone` or an organisation's id).
    public static let peopleChoices = SiteRoute<Void>("/people/choices")
    public static let newPerson = SiteRoute<Void>("/people/new")
    public static let person = SiteRoute<UUID>("/people/:id")
    public static let editPerson = SiteRoute<UUID>("/people/:id/edit")
    public static let deletePerson = SiteRoute<UUID>("/people/:id/delete")
}

extension Template {
    static let organizationsIndex = Template("organizations/index")
    static let organizationsShow = Template("organizations/show")
    static let peopleIndex = Template("people/index")
    static let peopleShow = Template("people/show")
}
