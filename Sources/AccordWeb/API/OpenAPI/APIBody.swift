import AccordCore
import Foundation

/// A request body: its fields, each with its schema and whether it is required. It is the one declaration of the body:
/// `JSONBody.read` accepts exactly these fields (any other is a 422 naming it) and reads only these, and the OpenAPI
/// document's request schema is written from it.
struct APIBody: Sendable {
    struct Field: Sendable {
        let name: String
        let schema: APISchema
        let required: Bool
    }

    let name: String
    let fields: [Field]
    let description: String?

    init(_ name: String, _ fields: [Field], description: String? = nil) {
        (self.name, self.fields, self.description) = (name, fields, description)
    }

    var names: Set<String> { Set(fields.map(\.name)) }

    /// The body of a full replacement: the same fields and the `version` last read, required.
    func replacing(_ name: String, version: APISchema = APIBody.version) -> APIBody {
        APIBody(name, fields + [.required("version", version)], description: description)
    }

    /// The version a replacement carries.
    static let version = APISchema.integer.with("minimum", 1).described("The version you last read; a stale version gets 409.")

    var schema: APISchema {
        let object = APISchema.object(fields)
        return description.map(object.described) ?? object
    }
}

extension APIBody.Field {
    static func required(_ name: String, _ schema: APISchema) -> Self { Self(name: name, schema: schema, required: true) }
    static func optional(_ name: String, _ schema: APISchema) -> Self { Self(name: name, schema: schema, required: false) }
}

extension APISchema {
    /// A domain enumeration, by its published name (one `APIEnums` does not list stops the program at start-up: the
    /// document would refer to a schema it does not hold).
    static func code<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> APISchema where E.RawValue == String {
        guard let name = APIEnums.name(of: type) else { preconditionFailure("\(E.self) is not in APIEnums.all") }
        return .ref(name)
    }

    /// An object of the given fields (a nested part of a body).
    static func object(_ fields: [APIBody.Field]) -> APISchema {
        .object(fields.map { ($0.name, $0.schema) }, required: fields.filter(\.required).map(\.name))
    }
}
