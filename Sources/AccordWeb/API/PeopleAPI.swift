import AccordCore
import AccordStore
import Foundation
import Hummingbird

/// /api/v1/people
struct PeopleAPI {
    let services: Services
    static let fields: Set<String> = ["organizationId", "name", "email", "title", "function", "level", "version"]

    func list(_ request: Request, _ context: AppContext) async throws -> Response {
        try AccessPolicy.require(try context.requireUser().principal, .viewDirectory)
        let (page, perPage) = try request.apiQuery(APIPaging.parse)
        let (organization, text) = try request.apiQuery { params throws(DomainError) in
            var v = Validator()
            let org = v.optionalID(params["organization"], "organization", "Organisation")
            let text = v.optionalText(params["q"], "q", "Search", max: 100)
            try v.check()
            return (org, text)
        }
        let result = try await services.store.people.list(organizationID: organization, text: text, page: page, perPage: perPage)
        return try APIResponse.json(APIModels.List(result, APIModels.Person.init))
    }

    var crud: DirectoryAPI<PersonInput, Person, APIModels.Person> {
        let store = services.store
        return DirectoryAPI(
            services: services, noun: "person", fields: Self.fields, input: Self.input, model: APIModels.Person.init,
            version: \.version,
            findRecord: { try await store.people.find($0) }, createRecord: { try await store.people.create($0, by: $1) },
            updateRecord: { try await store.people.update($0, $1, expectedVersion: $2, by: $3) },
            deleteRecord: { try await store.people.delete($0, by: $1) })
    }

    static func input(_ body: inout JSONBody) -> PersonInput {
        PersonInput(
            organizationID: body.string("organizationId"), name: body.string("name"), email: body.string("email"),
            title: body.string("title"), function: body.string("function"), level: body.string("level"))
    }
}
