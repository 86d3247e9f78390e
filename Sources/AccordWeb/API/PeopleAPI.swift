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

    func get(_ request: Request, _ context: AppContext) async throws -> Response {
        try AccessPolicy.require(try context.requireUser().principal, .viewDirectory)
        let person = try await find(context.apiID("id"))
        return try APIResponse.json(APIModels.Person(person), etag: person.version)
    }

    func create(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .editDirectory)
        var body = try await JSONBody.read(request, context: context, allowed: Self.fields.subtracting(["version"]))
        let valid = try Self.input(&body).validateAfter(body)
        let person = try await services.store.people.create(valid, by: services.actor(user))
        return try APIResponse.json(APIModels.Person(person), status: .created, etag: person.version)
    }

    func update(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .editDirectory)
        let person = try await find(context.apiID("id"))
        var body = try await JSONBody.read(request, context: context, allowed: Self.fields)
        let input = Self.input(&body)
        let version = body.integer("version", required: true)
        let valid = try input.validateAfter(body)
        let updated = try await services.store.people.update(person.id, valid, expectedVersion: version, by: services.actor(user))
        return try APIResponse.json(APIModels.Person(updated), etag: updated.version)
    }

    func delete(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .editDirectory)
        try await services.store.people.delete(try await find(context.apiID("id")).id, by: services.actor(user))
        return APIResponse.noContent()
    }

    func find(_ id: UUID) async throws -> Person {
        guard let person = try await services.store.people.find(id) else { throw DomainError.notFound("No such person.") }
        return person
    }

    static func input(_ body: inout JSONBody) -> PersonInput {
        PersonInput(
            organizationID: body.string("organizationId"), name: body.string("name"), email: body.string("email"),
            title: body.string("title"), function: body.string("function"), level: body.string("level"))
    }
}
