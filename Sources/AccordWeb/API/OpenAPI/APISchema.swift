import Foundation

/// A JSON Schema as the OpenAPI document writes it: built from the Swift declarations (the domain enums, the API's
/// response types, the request bodies' fields), never written out by hand.
struct APISchema: Sendable, Equatable {
    var json: OpenAPIJSON

    init(_ json: OpenAPIJSON) { self.json = json }

    static let uuid = APISchema(["type": "string", "format": "uuid"])
    static let date = APISchema(["type": "string", "format": "date", "description": "YYYY-MM-DD"])
    static let stamp = APISchema(["type": "string", "format": "date-time"])
    static let string = APISchema(["type": "string"])
    static let integer = APISchema(["type": "integer"])
    static let number = APISchema(["type": "number"])
    static let boolean = APISchema(["type": "boolean"])
    /// Any JSON object (the document describing itself).
    static let anyObject = APISchema(["type": "object"])

    static func ref(_ name: String) -> APISchema { APISchema(["$ref": .string("#/components/schemas/" + name)]) }

    static func text(max: Int) -> APISchema { APISchema(["type": "string", "maxLength": .int(max)]) }

    static func integer(min: Int, max: Int) -> APISchema {
        APISchema(["type": "integer", "minimum": .int(min), "maximum": .int(max)])
    }

    static func values(_ values: [String]) -> APISchema {
        APISchema(["type": "string", "enum": .array(values.map(OpenAPIJSON.string))])
    }

    static func array(of items: APISchema) -> APISchema { APISchema(["type": "array", "items": items.json]) }

    /// An object of exactly these fields.
    static func object(_ properties: [(String, APISchema)], required: [String] = []) -> APISchema {
        APISchema([
            "type": "object", "properties": .object(properties.map { ($0.0, $0.1.json) }),
            "required": .array(required.map(OpenAPIJSON.string)), "additionalProperties": false,
        ])
    }

    /// The same schema, also allowing null: a `$ref` as `anyOf`, any other as a second type.
    var nullable: APISchema {
        if json["$ref"] != nil { return APISchema(["anyOf": [json, ["type": "null"]]]) }
        guard case .string(let type)? = json["type"] else { return self }
        return APISchema(json.setting("type", [.string(type), "null"]))
    }

    func with(_ key: String, _ value: OpenAPIJSON) -> APISchema { APISchema(json.setting(key, value)) }

    func described(_ text: String) -> APISchema { with("description", .string(text)) }
}
