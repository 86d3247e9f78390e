import AccordCore
import Foundation
import Hummingbird

/// /api/v1/people
struct PeopleAPI {
    let directory: DirectoryService

    func list(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .viewDirectory)
        let (page, perPage) = try request.apiQuery(APIPaging.parse)
        let (organization, text) = try request.apiQuery { params throws(DomainError) in
            var v = Validator()
            let org = v.optionalID(params["organization"], "organization", "Organisation")
            let text = v.optionalText(params["q"], "q", "Search", max: 100)
            try v.check()
            return (org, text)
        }
        let result = try await directory.people(organization: organization, text: text, page: page, perPage: perPage, user)
        return try APIResponse.json(APIModels.List(result, APIModels.Person.init))
    }

    var crud: DirectoryAPI<PersonInput, Person, APIModels.Person> {
        DirectoryAPI(
            records: directory.people, bodies: (Self.personCreate, Self.personUpdate), input: Self.input, model: APIModels.Person.init,
            version: \.version)
    }

    static func input(_ body: inout JSONBody) -> PersonInput {
        PersonInput(
            organizationID: body.string("organizationId"), name: body.string("name"), email: body.string("email"),
            title: body.string("title"), function: body.string("function"), level: body.string("level"))
    }
}

/// The request bodies of its operations.
extension PeopleAPI {
    static let personCreate = APIBody(
        "PersonCreate",
        [
            .required("organizationId", .uuid),
            .required("name", .text(max: 120)),
            .required("email", .text(max: 254).with("format", "idn-email")),
            .optional("title", .text(max: 120).nullable),
            .required("function", .code(BusinessFunction.self)),
            .required("level", .code(Level.self)),
        ])
    static let personUpdate = personCreate.replacing("PersonUpdate")
}
