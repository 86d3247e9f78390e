import AccordCore
import Foundation
import Hummingbird

/// The answers of the search-as-you-type endpoints: `[{"id": "...", "label": "...", "detail": "..."}]`, at most ten, by
/// name; `detail` (a person's function or organisation) only where it tells same-named records apart.
enum ChoiceJSON {
    struct Item: Encodable {
        let id: String
        let label: String
        var detail: String? = nil
    }

    /// The `q` parameter: what the user has typed so far (nil when empty; at most 200 characters).
    static func text(_ request: Request) throws -> String? {
        try ChoiceField.typed(request.queryValues["q"], field: "q")
    }

    static func response(_ items: [(UUID, String)]) throws -> Response {
        try response(items.map { Item(id: $0.0.lowercaseText, label: $0.1) })
    }

    static func response(_ items: [Item]) throws -> Response {
        let body = try JSONEncoder().encode(items)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
