import AccordCore
import AccordStore
import Foundation
import Hummingbird
import Logging

/// One API operation: its method, its path in OpenAPI form (`{id}`), what the document says of it, and its handler.
struct APIRoute: Sendable {
    let method: HTTPRequest.Method
    let path: String
    var doc: APIDoc
    let handler: @Sendable (Request, AppContext) async throws -> Response

    /// The same path in the router's form (`:id`).
    var routerPath: String {
        path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
    }
}

/// The JSON API under /api/v1. The table (the features' operations) both registers the routes and is checked against the
/// OpenAPI document.
enum APIRoutes {
    static let prefix = "/api/v1"
    static let documentPath = prefix + "/openapi.json"

    /// The document itself, then every feature's operations.
    static func table(_ services: Services) -> [APIRoute] {
        [APIRoute(method: .get, path: documentPath, doc: documentDoc) { _, _ in try APIResponse.document() }].tagged("Meta")
            + Features.all.flatMap { $0.apiRoutes(services) }
    }

    static let documentDoc = APIDoc(
        "getOpenAPIDocument", "This document",
        replies: [APIReply(status: 200, description: "The OpenAPI document", content: .anyObject)], errors: [], open: true)

    static func register(_ router: Router<AppContext>, _ services: Services) {
        let group = router.group(RouterPath(prefix))
            .add(middleware: TokenAuthMiddleware(signIn: SignInService(services), open: [documentPath]))
        for route in table(services) {
            let relative = String(route.routerPath.dropFirst(prefix.count + 1))
            let allowed = route.doc.queryNames
            let handler = route.handler
            group.on(RouterPath(relative), method: route.method) { request, context in
                try Self.refuseUnknownQueryParameters(request, allowed: allowed)
                return try await handler(request, context)
            }
        }
    }

    /// Every operation takes exactly the query parameters its `APIDoc` declares (and so the document); any other is a 400
    /// naming it (a misspelt filter such as `function=legal` on `/people` must not silently return everything).
    static func refuseUnknownQueryParameters(_ request: Request, allowed: Set<String>) throws {
        let unknown = Set(request.uri.queryParameters.map { String($0.key) }).subtracting(allowed).sorted()
        guard !unknown.isEmpty else { return }
        let takes = allowed.isEmpty ? "This operation takes no query parameters." : "It takes \(allowed.sorted().joined(separator: ", "))."
        throw Problem(
            .badRequest, "The query has unknown parameters.",
            errors: unknown.map { FieldError(field: $0, message: "\($0) is not a parameter of this operation. \(takes)") })
    }
}

/// JSON responses, as the document promises them (ISO 8601 dates, sorted keys), written by `JSONText`.
enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, etag: Int? = nil) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if let etag { headers[.eTag] = "\"\(etag)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try JSONText.encode(value))))
    }

    static func noContent() -> Response { Response(status: .noContent) }

    /// A short list that comes whole, in the paged envelope with one page.
    static func whole<Item: Codable & Sendable>(_ items: [Item]) throws -> Response {
        try json(APIModels.List(Page(items: items, total: items.count, page: 1, perPage: max(1, items.count))) { $0 })
    }

    static func document() throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try OpenAPIDocument.text())))
    }
}

/// The OpenAPI document: written from the Swift declarations (`OpenAPIWriter`), committed once in the module bundle
/// (the copy served, and the one tests check is current).
public enum OpenAPIDocument {
    static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else { throw ViewError.missing("openapi.json") }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The document the declarations describe, for `services`' routes.
    static func generate(_ services: Services) throws -> OpenAPIJSON {
        try OpenAPIWriter.document(APIRoutes.table(services), schemas: [])
    }

    /// The document as text, for `accord openapi`: the routes are built over a scratch database that nothing reads
    /// (building a handler touches no data).
    public static func generatedText() async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accord-openapi-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var logger = Logger(label: "accord.openapi")
        logger.logLevel = .error
        let database = try await AccordDatabase.open(.sqlite(path: path), logger: logger)
        let services = Services(store: Store(database: database), views: try await Views.load(), config: AppConfig())
        let text = try generate(services).pretty
        await database.close()
        return text
    }
}

extension AppContext {
    /// A path id; anything that is not a UUID is a 404, as for an unknown record.
    func apiID(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(canonical: text) else { throw Problem(.notFound, "No such record.") }
        return id
    }
}

extension Request {
    /// List parameters that fail validation are a 400 with the fields named.
    func apiQuery<T>(_ parse: ([String: String]) throws(DomainError) -> T) throws -> T {
        do {
            return try parse(queryValues)
        } catch {
            throw Problem(.badRequest, "The query has invalid parameters.", errors: error.fieldErrors)
        }
    }
}
