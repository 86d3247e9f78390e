import AccordCore
import Foundation

/// Reads a response type's schema off the type: decodes one from nothing, noting each field the type asks for, the
/// field's type (recursively), and whether it may be absent (`decodeIfPresent`) or null (`@Null`). Named types
/// (`APIShaped.schemaName`) are collected once, in the order first met, and referred to by `$ref`.
final class ShapeRecorder {
    private(set) var named: [(String, APISchema)] = []
    /// Types whose shape could not be read (an unpublished enumeration, a note for a field the type lacks); the
    /// document is not written while there is one.
    private(set) var problems: [String] = []

    /// The schema of `type` (a `$ref` for a named type, which is then in `named`).
    func schema<T: Decodable>(of type: T.Type) -> APISchema {
        do {
            return try shape(of: type).schema
        } catch {
            problems.append("\(T.self): \(error)")
            return .anyObject
        }
    }

    /// The schema of `type` and a value of it (the value lets a containing type go on decoding).
    func shape<T: Decodable>(of type: T.Type) throws -> (schema: APISchema, value: T) {
        if let scalar = Self.scalar(type) { return scalar }
        if let cases = type as? any CaseIterable.Type {
            guard let name = APIEnums.name(of: type) else { throw ShapeError.unpublished(String(describing: type)) }
            return (.ref(name), Self.first(of: cases) as! T)
        }
        let decoder = ShapeDecoder(recorder: self)
        if let shaped = type as? any APIShaped.Type { decoder.notes = shaped.fieldNotes }
        let value = try T(from: decoder)
        if let unknown = decoder.notes.keys.first(where: { key in decoder.properties?.contains { $0.key == key } != true }) {
            throw ShapeError.unsupported("\(T.self) has a note for \(unknown), which it does not have")
        }
        var schema = decoder.schema
        if let shaped = type as? any APIShaped.Type {
            if let description = shaped.schemaDescription { schema = schema.described(description) }
            if let name = shaped.schemaName {
                if let known = named.first(where: { $0.0 == name }) {
                    if known.1 != schema { throw ShapeError.unsupported("two types have the schema name \(name)") }
                } else {
                    named.append((name, schema))
                }
                return (.ref(name), value)
            }
        }
        return (schema, value)
    }

    private static func scalar<T>(_ type: T.Type) -> (schema: APISchema, value: T)? {
        switch type {
        case is String.Type: (.string, "" as! T)
        case is Int.Type: (.integer, 0 as! T)
        case is Double.Type: (.number, 0.0 as! T)
        case is Bool.Type: (.boolean, false as! T)
        case is UUID.Type: (.uuid, UUID() as! T)
        case is Date.Type: (.stamp, Date(timeIntervalSince1970: 0) as! T)
        case is LocalDate.Type: (.date, LocalDate("2000-01-01")! as! T)
        default: nil
        }
    }

    private static func first<E: CaseIterable>(of type: E.Type) -> E { type.allCases.first! }

    enum ShapeError: Error {
        case unpublished(String)
        case unsupported(String)
    }
}

/// The decoder `ShapeRecorder` hands a type: it answers every question with a placeholder and remembers what was
/// asked.
private final class ShapeDecoder: Decoder {
    let recorder: ShapeRecorder
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    /// What the type asked for: an object's fields, an array's item, or one value.
    var properties: [(key: String, schema: APISchema, required: Bool)]?
    var item: APISchema?
    var single: APISchema?
    var notes: [String: APIFieldNote] = [:]

    init(recorder: ShapeRecorder) { self.recorder = recorder }

    var schema: APISchema {
        if let single { return single }
        if let item { return .array(of: item) }
        let fields = properties ?? []
        let members: [(String, OpenAPIJSON)] = fields.map { field in
            var schema = field.schema
            if let note = notes[field.key] {
                if let replaced = note.schema {
                    schema = schema.json["anyOf"] != nil || schema.json["type"].map(Self.isNullable) == true ? replaced.nullable : replaced
                }
                if let description = note.description { schema = schema.described(description) }
            }
            return (field.key, schema.json)
        }
        return APISchema([
            "type": "object", "properties": .object(members),
            "required": .array(fields.filter(\.required).map { .string($0.key) }), "additionalProperties": false,
        ])
    }

    private static func isNullable(_ type: OpenAPIJSON) -> Bool {
        if case .array(let types) = type { return types.contains(.string("null")) }
        return false
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if properties == nil { properties = [] }
        return KeyedDecodingContainer(ShapeKeyed<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { ShapeUnkeyed(decoder: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ShapeSingle(decoder: self) }

    func field<T: Decodable>(_ type: T.Type, _ key: String, required: Bool) throws -> T {
        var (schema, value) = try recorder.shape(of: type)
        if type is any NullWrapper.Type { schema = schema.nullable }
        properties?.append((key, schema, required))
        return value
    }
}

private struct ShapeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: ShapeDecoder
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.field(type, key.stringValue, required: true)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decoder.field(type, key.stringValue, required: false)
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.field(type, key.stringValue, required: true) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.field(type, key.stringValue, required: true) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.field(type, key.stringValue, required: true) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.field(type, key.stringValue, required: true) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try decoder.field(type, key.stringValue, required: false)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try decoder.field(type, key.stringValue, required: false)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try decoder.field(type, key.stringValue, required: false)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try decoder.field(type, key.stringValue, required: false)
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw ShapeRecorder.ShapeError.unsupported("nested container \(key.stringValue)")
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw ShapeRecorder.ShapeError.unsupported("nested container \(key.stringValue)")
    }
    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
}

/// An array: its first item is recorded, and then it ends.
private struct ShapeUnkeyed: UnkeyedDecodingContainer {
    let decoder: ShapeDecoder
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var isAtEnd: Bool { decoder.item != nil }
    var currentIndex: Int { isAtEnd ? 1 : 0 }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (schema, value) = try decoder.recorder.shape(of: type)
        decoder.item = schema
        return value
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw ShapeRecorder.ShapeError.unsupported("nested container in an array")
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw ShapeRecorder.ShapeError.unsupported("nested array")
    }
    mutating func superDecoder() throws -> any Decoder { decoder }
}

private struct ShapeSingle: SingleValueDecodingContainer {
    let decoder: ShapeDecoder
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (schema, value) = try decoder.recorder.shape(of: type)
        decoder.single = schema
        return value
    }
}
