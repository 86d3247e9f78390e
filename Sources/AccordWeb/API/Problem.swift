import AccordCore
import Foundation
import Hummingbird

/// An RFC 9457 problem detail, the body of every API error.
struct Problem: Error, Codable, Sendable, APIShaped {
    static let schemaName: String? = "Problem"
    static let schemaDescription: String? = "RFC 9457 problem details; `errors` lists invalid fields."

    let type: String
    let title: String
    let status: Int
    let detail: String
    let errors: [FieldError]?

    init(_ status: HTTPResponse.Status, _ detail: String, errors: [FieldError]? = nil) {
        self.type = "about:blank"
        self.title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.errors = errors
    }

    /// The one mapping from domain errors to API statuses.
    static func from(_ error: DomainError) -> Problem {
        switch error {
        case .validation(let errors):
            Problem(
                .unprocessableContent, "The request has invalid fields.",
                errors: errors.map { FieldError(field: apiName($0.field), message: $0.message) })
        case .notFound(let message): Problem(.notFound, message)
        case .forbidden(let message): Problem(.forbidden, message)
        case .conflict(let message): Problem(.conflict, message)
        }
    }

    /// Domain field names end in `ID`; the API spells them `Id` (`partnerID` is `partnerId`).
    static func apiName(_ field: String) -> String {
        field.hasSuffix("ID") ? String(field.dropLast(2)) + "Id" : field
    }

    static let unauthorized = Problem(
        .unauthorized, "Send a valid personal API token: Authorization: Bearer acc_... (create one under API tokens).")

    var response: Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data()
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        if status == 401 { headers[.wwwAuthenticate] = "Bearer realm=\"accord\"" }
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension FieldError: APIShaped {
    static let schemaName: String? = "FieldError"
}
