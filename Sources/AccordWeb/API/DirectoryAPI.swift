import AccordCore
import Foundation
import Hummingbird

/// Get, create, replace and delete for a directory record (organisation or person): the same access rule
/// (read: view directory; write: edit directory), the same strict body, the same version check.
struct DirectoryAPI<Input: APIValidatable, Record: Sendable, Model: Encodable>: Sendable where Input.Valid: Sendable {
    let services: Services
    let noun: String
    let fields: Set<String>
    let input: @Sendable (inout JSONBody) -> Input
    let model: @Sendable (Record) -> Model
    let version: @Sendable (Record) -> Int
    let findRecord: @Sendable (UUID) async throws -> Record?
    let createRecord: @Sendable (Input.Valid, AuditActor) async throws -> Record
    let updateRecord: @Sendable (UUID, Input.Valid, Int?, AuditActor) async throws -> Record
    let deleteRecord: @Sendable (UUID, AuditActor) async throws -> Void

    func get(_ request: Request, _ context: AppContext) async throws -> Response {
        try AccessPolicy.require(try context.requireUser().principal, .viewDirectory)
        let record = try await existing(context.apiID("id"))
        return try APIResponse.json(model(record), etag: version(record))
    }

    func create(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .editDirectory)
        var body = try await JSONBody.read(request, context: context, allowed: fields.subtracting(["version"]))
        let valid = try input(&body).validateAfter(body)
        let record = try await createRecord(valid, services.actor(user))
        return try APIResponse.json(model(record), status: .created, etag: version(record))
    }

    func update(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .editDirectory)
        let id = try context.apiID("id")
        _ = try await existing(id)
        var body = try await JSONBody.read(request, context: context, allowed: fields)
        let submitted = input(&body)
        let expected = body.integer("version", required: true)
        let valid = try submitted.validateAfter(body)
        let record = try await updateRecord(id, valid, expected, services.actor(user))
        return try APIResponse.json(model(record), etag: version(record))
    }

    func delete(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .editDirectory)
        let id = try context.apiID("id")
        _ = try await existing(id)
        try await deleteRecord(id, services.actor(user))
        return APIResponse.noContent()
    }

    func existing(_ id: UUID) async throws -> Record {
        guard let record = try await findRecord(id) else { throw DomainError.notFound("No such \(noun).") }
        return record
    }
}
