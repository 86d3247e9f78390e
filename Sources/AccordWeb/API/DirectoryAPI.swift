import AccordCore
import Foundation
import Hummingbird

/// Get, create, replace and delete for a directory record (organisation or person) over the API: the records'
/// access rule (`DirectoryRecords`), the same strict body, the same version check.
struct DirectoryAPI<Input: APIValidatable, Record: Sendable, Model: Encodable>: Sendable where Input.Valid: Sendable {
    let records: DirectoryRecords<Input, Record>
    let bodies: (create: APIBody, update: APIBody)
    let input: @Sendable (inout JSONBody) -> Input
    let model: @Sendable (Record) -> Model
    let version: @Sendable (Record) -> Int

    func get(_ request: Request, _ context: AppContext) async throws -> Response {
        let record = try await records.find(context.apiID("id"), try context.requireUser())
        return try APIResponse.json(model(record), etag: version(record))
    }

    func create(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .editDirectory)
        var body = try await JSONBody.read(request, context: context, body: bodies.create)
        let record = try await records.create(try input(&body).validateAfter(body), by: user)
        return try APIResponse.json(model(record), status: .created, etag: version(record))
    }

    func update(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .editDirectory)
        let id = try context.apiID("id")
        _ = try await records.find(id, user)
        var body = try await JSONBody.read(request, context: context, body: bodies.update)
        let submitted = input(&body)
        let expected = body.integer("version", required: true)
        let record = try await records.update(id, try submitted.validateAfter(body), expectedVersion: expected, by: user)
        return try APIResponse.json(model(record), etag: version(record))
    }

    func delete(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try await records.delete(try context.apiID("id"), by: user)
        return APIResponse.noContent()
    }
}
