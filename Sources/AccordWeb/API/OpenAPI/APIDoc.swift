import Foundation
import Hummingbird

/// What the OpenAPI document says of one operation, declared beside its route (`APIRoute`): the document's paths are
/// written from these, and the route refuses any query parameter its declaration does not name.
struct APIDoc: Sendable {
    let operationID: String
    let summary: String
    /// The group the operation is listed under (set for a feature's routes at once by `[APIRoute].tagged`).
    var tag = ""
    let parameters: [APIParameter]
    /// The request body, which the handler reads (`JSONBody.read`) and the document shows.
    let body: APIBody?
    let replies: [APIReply]
    /// The 4xx statuses it can answer with, each a problem document.
    let errors: [Int]
    /// Reachable without a token (the document itself).
    let open: Bool

    init(
        _ operationID: String, _ summary: String, parameters: [APIParameter] = [], body: APIBody? = nil, replies: [APIReply],
        errors: [Int], open: Bool = false
    ) {
        (self.operationID, self.summary, self.parameters, self.body) = (operationID, summary, parameters, body)
        (self.replies, self.errors, self.open) = (replies, errors, open)
    }

    /// The query parameters it takes.
    var queryNames: Set<String> { Set(parameters.filter { !$0.inPath }.map(\.name)) }

    /// What a write answers with beyond success: bad JSON, no token, no permission, no such record, a stale version,
    /// too large, not JSON, invalid fields.
    static let changeErrors = [400, 401, 403, 404, 409, 413, 415, 422]
}

/// A path or query parameter.
struct APIParameter: Sendable {
    let name: String
    let inPath: Bool
    let description: String
    let schema: APISchema

    /// A path id.
    static func path(_ name: String, _ description: String, _ schema: APISchema = .uuid) -> APIParameter {
        APIParameter(name: name, inPath: true, description: description, schema: schema)
    }

    static func query(_ name: String, _ schema: APISchema, _ description: String) -> APIParameter {
        APIParameter(name: name, inPath: false, description: description, schema: schema)
    }

    /// `{id}` of an alliance's own operations.
    static let alliance = path("id", "The alliance's id")
    /// `{id}` of a record's get, replace and delete.
    static let record = path("id", "The record's id")

    /// `page` and `per_page`.
    static let paging = [
        query("page", .integer(min: 1, max: 1_000_000), "Page number, from 1"),
        query("per_page", .integer(min: 1, max: 100), "Items per page (default 25)"),
    ]
}

/// One successful answer of an operation.
struct APIReply: Sendable {
    enum Content: Sendable {
        /// JSON of a response type; `etag` when it is one versioned record (the ETag header carries its version).
        case json(any APIShaped.Type, etag: Bool)
        case csv
        case anyObject
        case none
    }

    let status: Int
    let description: String
    let content: Content

    /// A JSON answer; one versioned record carries an ETag header (`record`).
    static func json(_ status: Int, _ schema: any APIShaped.Type, _ description: String) -> APIReply {
        APIReply(status: status, description: description, content: .json(schema, etag: false))
    }

    static func record(_ status: Int, _ schema: any APIShaped.Type, _ description: String) -> APIReply {
        APIReply(status: status, description: description, content: .json(schema, etag: true))
    }

    static func csv(_ description: String = "CSV") -> APIReply { APIReply(status: 200, description: description, content: .csv) }

    static func empty(_ status: Int, _ description: String) -> APIReply {
        APIReply(status: status, description: description, content: .none)
    }
}

extension [APIRoute] {
    /// The same routes, each listed under `tag` in the document.
    func tagged(_ tag: String) -> [APIRoute] {
        map { route in
            var route = route
            route.doc.tag = tag
            return route
        }
    }
}

/// The five handlers of a record collection's list, create, get, replace and delete.
struct CRUDHandlers: Sendable {
    typealias Handler = @Sendable (Request, AppContext) async throws -> Response
    let list: Handler
    let create: Handler
    let get: Handler
    let update: Handler
    let delete: Handler
}

extension APIRoute {
    /// A record collection's five operations at `path` and `path/{id}`: `model` is the record's response type (its
    /// schema name names the operations), then its two bodies; `noun` and `nouns` word the summaries ("an
    /// organisation", "organisations"), `plural` names the list's operation ("Organizations", "People").
    static func crud<Model: APIShaped & Encodable>(
        _ path: String, _ model: Model.Type, noun: String, nouns: String, plural: String, _ handlers: CRUDHandlers,
        bodies: (create: APIBody, update: APIBody), listing: [APIParameter], readErrors: [Int]
    ) -> [APIRoute] {
        let schema = Model.schemaName ?? plural
        let the = noun.split(separator: " ", maxSplits: 1).last.map(String.init) ?? noun
        let id = path + "/{id}"
        let list = APIDoc(
            "list" + plural, "List " + nouns,
            parameters: listing, replies: [.json(200, APIModels.List<Model>.self, "One page")],
            errors: [400, 401] + readErrors.filter { $0 == 403 })
        let create = APIDoc(
            "create" + schema, "Create " + noun, body: bodies.create, replies: [.record(201, model, "Created")],
            errors: [400, 401, 403, 413, 415, 422])
        let get = APIDoc(
            "get" + schema, "One " + the, parameters: [.record], replies: [.record(200, model, "The record")], errors: readErrors)
        let update = APIDoc(
            "update" + schema, "Replace " + noun + "'s fields", parameters: [.record], body: bodies.update,
            replies: [.record(200, model, "Updated")], errors: APIDoc.changeErrors)
        let delete = APIDoc(
            "delete" + schema, "Delete " + noun, parameters: [.record], replies: [.empty(204, "Deleted")], errors: [401, 403, 404, 409])
        return [
            APIRoute(method: .get, path: path, doc: list, handler: handlers.list),
            APIRoute(method: .post, path: path, doc: create, handler: handlers.create),
            APIRoute(method: .get, path: id, doc: get, handler: handlers.get),
            APIRoute(method: .put, path: id, doc: update, handler: handlers.update),
            APIRoute(method: .delete, path: id, doc: delete, handler: handlers.delete),
        ]
    }
}
