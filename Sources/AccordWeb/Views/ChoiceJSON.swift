import AccordCore
import Foundation
import Hummingbird

/// The answers of the search-as-you-type endpoints: `[{"id": "...", "label": "..."}]`, at most ten, by name.
enum ChoiceJSON {
    struct Item: Encodable {
        let id: String
        let label: String
    }

    /// The `q` parameter: what the user has typed so far (nil when empty; at most 200 characters).
    static func text(_ request: Request) throws -> String? {
        try ChoiceField.typed(request.uri.queryParameters.get("q"), field: "q")
    }

    static func response(_ items: [(UUID, String)]) throws -> Response {
        let body = try JSONEncoder().encode(items.map { Item(id: $0.0.lowercaseText, label: $0.1) })
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
