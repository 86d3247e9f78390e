import AccordCore
import Foundation
import Hummingbird

/// A JSON request body read strictly: the right content type, a size limit, an object at the top,
/// no fields the operation does not know, and each value of the type the operation expects.
struct JSONBody {
    private let values: [String: JSONValue]
    /// The fields the body's declaration names: the only ones it accepts, and the only ones a handler may read.
    private let declared: Set<String>
    private var errors: [FieldError] = []

    /// Reads the body, refusing anything but a JSON object with only the fields `body` declares.
    static func read(_ request: Request, context: AppContext, body: APIBody) async throws -> JSONBody {
        let allowed = body.names
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        guard contentType.hasPrefix("application/json") else {
            throw Problem(.unsupportedMediaType, "Send the body as application/json.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw Problem(.contentTooLarge, "The body is larger than \(context.maxUploadSize / 1024) KiB.")
        }
        let object: JSONValue
        do {
            object = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer))
        } catch {
            throw Problem(.badRequest, "The body is not valid JSON.")
        }
        guard case .object(let values) = object else { throw Problem(.badRequest, "The body must be a JSON object.") }
        let unknown = Set(values.keys).subtracting(allowed).sorted()
        if !unknown.isEmpty {
            throw Problem(
                .unprocessableContent, "The body has fields this operation does not accept.",
                errors: unknown.map {
                    FieldError(field: $0, message: "Unknown field; allowed: \(allowed.sorted().joined(separator: ", ")).")
                })
        }
        return JSONBody(values: values, declared: allowed)
    }

    /// A field the declaration names (reading another is a mistake in the handler, caught by the API tests).
    private func value(_ key: String) -> JSONValue? {
        assert(declared.contains(key), "\(key) is read but not declared in the request body")
        return values[key]
    }

    /// A string or null. Other types are recorded as errors and read as nil.
    mutating func string(_ key: String) -> String? {
        switch value(key) {
        case nil, .null: return nil
        case .string(let text): return text
        default:
            errors.append(FieldError(field: key, message: "\(key) must be a string or null."))
            return nil
        }
    }

    /// A whole number, required when `required`.
    mutating func integer(_ key: String, required: Bool) -> Int? {
        switch value(key) {
        case nil, .null:
            if required { errors.append(FieldError(field: key, message: "\(key) is required.")) }
            return nil
        case .number(let number) where number == number.rounded() && abs(number) < 1e15:
            return Int(number)
        default:
            errors.append(FieldError(field: key, message: "\(key) must be a whole number."))
            return nil
        }
    }

    /// An array of strings, or nil when absent or null.
    mutating func strings(_ key: String) -> [String]? {
        switch value(key) {
        case nil, .null: return nil
        case .array(let items):
            var out: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    errors.append(FieldError(field: key, message: "\(key) must be an array of strings."))
                    return nil
                }
                out.append(text)
            }
            return out
        default:
            errors.append(FieldError(field: key, message: "\(key) must be an array of strings."))
            return nil
        }
    }

    /// A nested value decoded as `T` (for structured fields such as an instrument's dimensions).
    mutating func decode<T: Decodable>(_ key: String, as type: T.Type, description: String) -> T? {
        guard let value = value(key), value != .null else {
            errors.append(FieldError(field: key, message: "\(key) is required."))
            return nil
        }
        do {
            return try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
        } catch {
            errors.append(FieldError(field: key, message: "\(key) must be \(description)."))
            return nil
        }
    }

    /// A boolean, or nil when absent or null.
    mutating func bool(_ key: String) -> Bool? {
        switch value(key) {
        case nil, .null: return nil
        case .bool(let value): return value
        default:
            errors.append(FieldError(field: key, message: "\(key) must be true or false."))
            return nil
        }
    }

    /// Like `decode`, but absent or null is nil rather than an error.
    mutating func optionalDecode<T: Decodable>(_ key: String, as type: T.Type, description: String) -> T? {
        guard let value = value(key), value != .null else { return nil }
        return decode(key, as: type, description: description)
    }

    /// Throws the type errors found so far, together with any validation errors.
    func check(adding more: [FieldError] = []) throws {
        let all = errors + more
        if !all.isEmpty { throw DomainError.validation(all) }
    }
}

/// Any JSON value, decoded without losing the difference between numbers, booleans and strings.
enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

extension JSONValue {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONBody {
    /// A create body: only the fields `body` declares, parsed into an input by `parse`; every type error is reported at once.
    static func create<Input>(_ request: Request, _ context: AppContext, _ body: APIBody, _ parse: (inout JSONBody) -> Input)
        async throws -> Input
    {
        var json = try await read(request, context: context, body: body)
        let input = parse(&json)
        try json.check()
        return input
    }

    /// A replace body (`APIBody.replacing`): its fields and the `version` last read (required; a stale one gets 409).
    static func replace<Input>(_ request: Request, _ context: AppContext, _ body: APIBody, _ parse: (inout JSONBody) -> Input)
        async throws -> (Input, version: Int?)
    {
        var json = try await read(request, context: context, body: body)
        let input = parse(&json)
        let version = json.integer("version", required: true)
        try json.check()
        return (input, version)
    }
}
