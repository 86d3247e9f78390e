import AccordCore
import AccordStore
import Foundation

/// The API's JSON writer: what Foundation's `JSONEncoder` with `.sortedKeys` and `.iso8601` dates writes (the same
/// values, keys sorted, dates as `2026-12-01T13:31:56Z`, ids in capitals, `/` escaped), built without its dynamic
/// casts and its intermediate dictionaries (the encoder was 41% of the API list's CPU). `JSONTextTests` checks it
/// against `JSONEncoder` on every answer shape.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let root = try JSONSlot.encoding(value, path: [])
        var out = ""
        out.reserveCapacity(4096)
        root.write(into: &out)
        return out
    }

    /// Text as a JSON string, quotes included, escaped as `JSONEncoder` escapes it; text with nothing to escape (most
    /// of it) is copied whole.
    static func quoted(_ text: String, into out: inout String) {
        var text = text
        let plain = text.withUTF8 { bytes in !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x2F } }
        out += "\""
        if plain {
            out += text
        } else {
            var escaped: [UInt8] = []
            escaped.reserveCapacity(text.utf8.count + 16)
            for byte in text.utf8 {
                switch byte {
                case 0x22: escaped += [0x5C, 0x22]
                case 0x5C: escaped += [0x5C, 0x5C]
                case 0x2F: escaped += [0x5C, 0x2F]
                case 0x0A: escaped += [0x5C, 0x6E]
                case 0x0D: escaped += [0x5C, 0x72]
                case 0x09: escaped += [0x5C, 0x74]
                case 0x08: escaped += [0x5C, 0x62]
                case 0x0C: escaped += [0x5C, 0x66]
                case ..<0x20: escaped += Array("\\u00".utf8) + [hexDigit(byte >> 4), hexDigit(byte & 0xF)]
                default: escaped.append(byte)
                }
            }
            out += String(decoding: escaped, as: UTF8.self)
        }
        out += "\""
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }

    /// `JSONEncoder`'s `.iso8601`: UTC to the second (the fraction dropped).
    static func date(_ date: Date) -> String {
        let text = Timestamp.format(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
        return String(text.prefix(19)) + "Z"
    }
}

/// Where one value's JSON goes: filled by the value's `encode(to:)` through the containers below.
final class JSONSlot {
    enum Content {
        case empty
        case scalar(String)
        case array([JSONSlot])
        /// Keys in the order encoded; written sorted, a key encoded twice written once with its last value.
        case object([(key: String, value: JSONSlot)])
    }

    var content = Content.empty

    init() {}

    init(scalar: String) { content = .scalar(scalar) }

    /// The slot for `value`: the plain types written at once, anything else through its `encode(to:)` (the coding
    /// path is built only then).
    static func encoding<T: Encodable>(_ value: T, path: @autoclosure () -> [any CodingKey]) throws -> JSONSlot {
        if let scalar = try plain(value) { return JSONSlot(scalar: scalar) }
        let slot = JSONSlot()
        try value.encode(to: JSONTextEncoder(slot: slot, codingPath: path()))
        return slot
    }

    /// The types `JSONEncoder` treats specially or that are most of an answer, by their identity (no casts).
    static func plain<T>(_ value: T) throws -> String? {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self):
            var out = ""
            JSONText.quoted(unsafeBitCast(value, to: String.self), into: &out)
            return out
        case ObjectIdentifier(UUID.self): return "\"" + unsafeBitCast(value, to: UUID.self).canonicalText + "\""
        case ObjectIdentifier(Int.self): return String(unsafeBitCast(value, to: Int.self))
        case ObjectIdentifier(Bool.self): return unsafeBitCast(value, to: Bool.self) ? "true" : "false"
        case ObjectIdentifier(Double.self): return try number(unsafeBitCast(value, to: Double.self))
        case ObjectIdentifier(Date.self): return "\"" + JSONText.date(unsafeBitCast(value, to: Date.self)) + "\""
        default: return nil
        }
    }

    /// A finite number as `JSONEncoder` writes it (`3` for 3.0); infinities and NaN are refused as it refuses them.
    static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    func write(into out: inout String) {
        switch content {
        case .empty: out += "{}"
        case .scalar(let text): out += text
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let entries):
            out += "{"
            let sorted = entries.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
            var first = true
            for (index, entry) in sorted.enumerated() where index + 1 == sorted.count || sorted[index + 1].element.key != entry.element.key
            {
                if !first { out += "," }
                first = false
                JSONText.quoted(entry.element.key, into: &out)
                out += ":"
                entry.element.value.write(into: &out)
            }
            out += "}"
        }
    }

    func object() -> [(key: String, value: JSONSlot)] {
        if case .object(let entries) = content { return entries }
        return []
    }
}

/// The `Encoder` that fills one slot.
struct JSONTextEncoder: Encoder {
    let slot: JSONSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = slot.content {} else { slot.content = .object([]) }
        return KeyedEncodingContainer(KeyedJSON<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = slot.content {} else { slot.content = .array([]) }
        return UnkeyedJSON(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleJSON(slot: slot, codingPath: codingPath) }
}

private struct KeyedJSON<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: JSONSlot
    let codingPath: [any CodingKey]

    private func put(_ child: JSONSlot, _ key: Key) {
        var entries = slot.object()
        slot.content = .empty  // keeps the dictionary uniquely referenced while it grows
        entries.append((key.stringValue, child))
        slot.content = .object(entries)
    }

    mutating func encodeNil(forKey key: Key) throws { put(JSONSlot(scalar: "null"), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(JSONSlot(scalar: value ? "true" : "false"), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(JSONSlot(scalar: String(value)), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(JSONSlot(scalar: try JSONSlot.number(value)), key) }

    mutating func encode(_ value: String, forKey key: Key) throws {
        var out = ""
        JSONText.quoted(value, into: &out)
        put(JSONSlot(scalar: out), key)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try JSONSlot.encoding(value, path: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = JSONSlot()
        put(child, key)
        return JSONTextEncoder(slot: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONSlot()
        put(child, key)
        return JSONTextEncoder(slot: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = JSONSlot()
        put(child, key)
        return JSONTextEncoder(slot: child, codingPath: codingPath + [key])
    }
}

private struct UnkeyedJSON: UnkeyedEncodingContainer {
    let slot: JSONSlot
    let codingPath: [any CodingKey]

    var count: Int {
        if case .array(let items) = slot.content { return items.count }
        return 0
    }

    private func append(_ child: JSONSlot) {
        var items: [JSONSlot] = []
        if case .array(let existing) = slot.content { items = existing }
        slot.content = .empty
        items.append(child)
        slot.content = .array(items)
    }

    private struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    mutating func encodeNil() throws { append(JSONSlot(scalar: "null")) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try JSONSlot.encoding(value, path: codingPath + [Index(count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONSlot()
        let path = codingPath + [Index(count)]
        append(child)
        return JSONTextEncoder(slot: child, codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONSlot()
        let path = codingPath + [Index(count)]
        append(child)
        return JSONTextEncoder(slot: child, codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONSlot()
        let path = codingPath + [Index(count)]
        append(child)
        return JSONTextEncoder(slot: child, codingPath: path)
    }
}

private struct SingleJSON: SingleValueEncodingContainer {
    let slot: JSONSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.content = .scalar("null") }
    mutating func encode(_ value: Bool) throws { slot.content = .scalar(value ? "true" : "false") }
    mutating func encode(_ value: Int) throws { slot.content = .scalar(String(value)) }
    mutating func encode(_ value: Double) throws { slot.content = .scalar(try JSONSlot.number(value)) }
    mutating func encode(_ value: Float) throws { slot.content = .scalar(try JSONSlot.number(value)) }
    mutating func encode(_ value: Int8) throws { slot.content = .scalar(String(value)) }
    mutating func encode(_ value: Int16) throws { slot.content = .scalar(String(value)) }
    mutating func encode(_ value: Int32) throws { slot.content = .scalar(String(value)) }
    mutating func encode(_ value: Int64) throws { slot.content = .scalar(String(value)) }
    mutating func encode(_ value: UInt) throws { slot.content = .scalar(String(value)) }
    mutating func encode(_ value: UInt8) throws { slot.content = .scalar(String(value)) }
    mutating func encode(_ value: UInt16) throws { slot.content = .scalar(String(value)) }
    mutating func encode(_ value: UInt32) throws { slot.content = .scalar(String(value)) }
    mutating func encode(_ value: UInt64) throws { slot.content = .scalar(String(value)) }

    mutating func encode(_ value: String) throws {
        var out = ""
        JSONText.quoted(value, into: &out)
        slot.content = .scalar(out)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        slot.content = try JSONSlot.encoding(value, path: codingPath).content
    }
}
