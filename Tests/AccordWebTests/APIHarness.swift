import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// Sends JSON API requests with a personal token.
struct APIClient {
    let harness: WebHarness
    let token: String?

    static func forUser(_ h: WebHarness, _ email: String, expiresAt: Date? = nil) async throws -> APIClient {
        let user = try await h.store.users.find(email: email)!
        let token = try await ApiTokenIssuer.issue(
            ApiTokenInput.Valid(name: "tests", expiresAt: expiresAt), for: user, tokens: h.store.apiTokens, actor: .system)
        return APIClient(harness: h, token: token)
    }

    @discardableResult
    func send(_ method: HTTPRequest.Method, _ path: String, json: Any? = nil, raw: String? = nil, contentType: String = "application/json")
        async throws -> TestResponse
    {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            headers[.contentType] = contentType
        } else if let raw {
            body = ByteBuffer(string: raw)
            headers[.contentType] = contentType
        }
        return try await harness.client.execute(uri: path, method: method, headers: headers, body: body)
    }

    func get(_ path: String) async throws -> TestResponse { try await send(.get, path) }
}

extension TestResponse {
    /// The body as a JSON object.
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:] }
    var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }
    var errorFields: [String] { (object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
}

extension WebHarness {
    /// The JSON the API wants for a new alliance with the Basilea partner.
    func newAllianceJSON(_ name: String = "API deal") async throws -> [String: Any] {
        let organisations = try await store.organizations.list()
        let partner = (organisations.first { $0.name == "Basilea Genomics" } ?? organisations.first { $0.kind == .partner })!
        return [
            "name": name, "partnerId": partner.id.uuidString, "type": "co_development", "status": "launching", "phase": "initiation",
            "tier": "tier_2", "valueAmount": "2500000", "valueCurrency": "CHF",
        ]
    }
}
