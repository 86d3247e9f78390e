import AccordCore
import Foundation

/// The API's JSON writer: what Foundation's `JSONEncoder` with `.sortedKeys` and `.iso8601` dates writes (the same
/// values, keys sorted, dates as `2026-12-01T13:31:56Z`, ids in capitals, `/` escaped), streamed into one byte buffer
/// without `JSONEncoder`'s dynamic casts and intermediate dictionaries, and without a tree of the answer: each value is
/// written where it ends up, and an object's members are reordered only when they were not encoded in key order
/// (`JSONTextTests` checks it against `JSONEncoder` on every answer shape).
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let out = JSONOutput()
        try out.write(value, path: [])
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Text as a JSON string, quotes included, escaped as `JSONEncoder` escapes it; text with nothing to escape (most
    /// of it) is copied whole.
    static func quoted(_ text: String, into out: inout [UInt8]) {
        var text = text
        out.append(0x22)
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x2F }) else {
                return out.append(contentsOf: bytes)
            }
            for byte in bytes {
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x2F: out += [0x5C, 0x2F]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x08: out += [0x5C, 0x62]
                case 0x0C: out += [0x5C, 0x66]
                case ..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0xF)]
                default: out.append(byte)
                }
            }
        }
        out.append(0x22)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }

    /// A finite number as `JSONEncoder` writes it (`3` for 3.0); infinities and NaN are refused as it refuses them.
    static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

/// Where JSON is written: the answer's bytes, or a nested container's own until its parent closes.
final class JSONOutput {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Writes `value`: the plain types at once, anything else through its `encode(to:)` (the coding path is built only
    /// then), closed when that returns.
    func write<T: Encodable>(_ value: T, path: @autoclosure () -> [any CodingKey]) throws {
        if try writePlain(value) { return }
        let state = JSONPendingValue(self, type: ObjectIdentifier(T.self))
        try value.encode(to: JSONTextEncoder(value: state, codingPath: path()))
        state.close()
    }

    /// The types `JSONEncoder` treats specially or that are most of an answer, by their identity (no casts).
    private func writePlain<T>(_ value: T) throws -> Bool {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): JSONText.quoted(unsafeBitCast(value, to: String.self), into: &bytes)
        case ObjectIdentifier(UUID.self): uuid(unsafeBitCast(value, to: UUID.self))
        case ObjectIdentifier(Int.self): append(String(unsafeBitCast(value, to: Int.self)))
        case ObjectIdentifier(Bool.self): append(unsafeBitCast(value, to: Bool.self) ? "true" : "false")
        case ObjectIdentifier(Double.self): append(try JSONText.number(unsafeBitCast(value, to: Double.self)))
        case ObjectIdentifier(Date.self): date(unsafeBitCast(value, to: Date.self))
        case ObjectIdentifier(LocalDate.self): JSONText.quoted(unsafeBitCast(value, to: LocalDate.self).description, into: &bytes)
        case ObjectIdentifier(Null<String>.self): return try writeNull(unsafeBitCast(value, to: Null<String>.self).wrappedValue)
        case ObjectIdentifier(Null<UUID>.self): return try writeNull(unsafeBitCast(value, to: Null<UUID>.self).wrappedValue)
        case ObjectIdentifier(Null<Int>.self): return try writeNull(unsafeBitCast(value, to: Null<Int>.self).wrappedValue)
        case ObjectIdentifier(Null<Double>.self): return try writeNull(unsafeBitCast(value, to: Null<Double>.self).wrappedValue)
        case ObjectIdentifier(Null<Bool>.self): return try writeNull(unsafeBitCast(value, to: Null<Bool>.self).wrappedValue)
        case ObjectIdentifier(Null<Date>.self): return try writeNull(unsafeBitCast(value, to: Null<Date>.self).wrappedValue)
        case ObjectIdentifier(Null<LocalDate>.self): return try writeNull(unsafeBitCast(value, to: Null<LocalDate>.self).wrappedValue)
        default:
            // A published domain enumeration (plain or `@Null`) is its code, as its synthesized `encode(to:)` would
            // write it: found by the type's identity, read through a pointer, no cast.
            guard let writer = APIEnums.writers[ObjectIdentifier(T.self)] else { return false }
            if let code = withUnsafePointer(to: value, { writer(UnsafeRawPointer($0)) }) {
                JSONText.quoted(code, into: &bytes)
            } else {
                append("null")
            }
        }
        return true
    }

    private func writeNull<T>(_ value: T?) throws -> Bool {
        guard let value else {
            append("null")
            return true
        }
        return try writePlain(value)
    }

    func uuid(_ id: UUID) {
        bytes.append(0x22)
        append(id.canonicalText)
        bytes.append(0x22)
    }

    /// `JSONEncoder`'s `.iso8601`, UTC to the second, written digit by digit from 1583 (Foundation writes earlier days
    /// in the Julian calendar) to 9999; any other date through Foundation's formatter, as `JSONEncoder` writes it.
    func date(_ date: Date) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard (-12_212_553_600...253_402_300_799).contains(seconds) else {
            bytes.append(0x22)
            append(ISO8601DateFormatter().string(from: date))
            return bytes.append(0x22)
        }
        var (days, second) = Int(seconds).quotientAndRemainder(dividingBy: 86_400)
        if second < 0 { (days, second) = (days - 1, second + 86_400) }
        let day = LocalDate(dayNumber: days)
        bytes.append(0x22)
        digits(day.year, 4)
        bytes.append(0x2D)
        digits(day.month, 2)
        bytes.append(0x2D)
        digits(day.day, 2)
        bytes.append(0x54)
        digits(second / 3600, 2)
        bytes.append(0x3A)
        digits(second / 60 % 60, 2)
        bytes.append(0x3A)
        digits(second % 60, 2)
        bytes += [0x5A, 0x22]
    }

    private func digits(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(0x30 + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// The order an object's members are written in, kept per type for this answer: a list's objects share it.
    var sortedOrder: [ObjectIdentifier: (keys: [String], order: [Int])] = [:]
}

/// The one value an `Encoder` is handed: which container it asked for, closed when its `encode(to:)` returns.
final class JSONPendingValue {
    let output: JSONOutput
    let type: ObjectIdentifier?
    private var container: JSONContainer?
    private var wroteSingle = false

    init(_ output: JSONOutput, type: ObjectIdentifier?) {
        self.output = output
        self.type = type
    }

    func container(array: Bool) -> JSONContainer {
        if let container, container.isArray == array { return container }
        let opened = JSONContainer(output, isArray: array, type: type)
        container = opened
        return opened
    }

    func single() -> JSONOutput {
        wroteSingle = true
        return output
    }

    /// Ends the value: a container is closed; a value that wrote nothing is `{}`, as `JSONEncoder` writes it.
    func close() {
        if let container { return container.close() }
        if !wroteSingle { output.append("{}") }
    }
}

/// An object or array being written: its members are written in place as they come (an object's as `"key":value`)
/// and their places kept; a nested container's members come from its own output when this one closes.
final class JSONContainer {
    private enum Member {
        case written(start: Int, end: Int)
        case nested(JSONPendingValue)
    }

    let output: JSONOutput
    let isArray: Bool
    let type: ObjectIdentifier?
    private let start: Int
    private var members: [(key: String, member: Member)] = []
    private var inOrder = true
    private var writtenCount = 0

    var count: Int { members.count }

    init(_ output: JSONOutput, isArray: Bool, type: ObjectIdentifier?) {
        self.output = output
        self.isArray = isArray
        self.type = type
        start = output.bytes.count
        output.bytes.append(isArray ? 0x5B : 0x7B)
    }

    /// Writes one member through `body`, after its separator and key.
    func member(_ key: String, _ body: (JSONOutput) throws -> Void) rethrows {
        if let last = members.last, !isArray, !(last.key < key) { inOrder = false }
        if writtenCount > 0 { output.bytes.append(0x2C) }
        let begin = output.bytes.count
        if !isArray {
            JSONText.quoted(key, into: &output.bytes)
            output.bytes.append(0x3A)
        }
        try body(output)
        writtenCount += 1
        members.append((key, .written(start: begin, end: output.bytes.count)))
    }

    /// A member filled later through a nested container or encoder.
    func nested(_ key: String) -> JSONPendingValue {
        let value = JSONPendingValue(JSONOutput(), type: nil)
        if let last = members.last, !isArray, !(last.key < key) { inOrder = false }
        members.append((key, .nested(value)))
        inOrder = false
        return value
    }

    func close() {
        if !inOrder { rewrite() }
        output.bytes.append(isArray ? 0x5D : 0x7D)
    }

    /// Writes the members again after the opening bracket: keys sorted (a key given twice keeps its last value), nested
    /// members taken from their own outputs.
    private func rewrite() {
        let order = isArray ? Array(members.indices) : sortedOrder()
        var text: [UInt8] = []
        var first = true
        for (position, index) in order.enumerated() {
            if !isArray, position + 1 < order.count, members[order[position + 1]].key == members[index].key { continue }
            if !first { text.append(0x2C) }
            first = false
            switch members[index].member {
            case .written(let begin, let end): text.append(contentsOf: output.bytes[begin..<end])
            case .nested(let value):
                if !isArray {
                    JSONText.quoted(members[index].key, into: &text)
                    text.append(0x3A)
                }
                value.close()
                text.append(contentsOf: value.output.bytes)
            }
        }
        output.bytes.replaceSubrange((start + 1)..., with: text)
    }

    /// The members' indices in key order (equal keys in the order given), as this type's last object had them when
    /// its keys were the same.
    private func sortedOrder() -> [Int] {
        let keys = members.map(\.key)
        if let type, let kept = output.sortedOrder[type], kept.keys == keys { return kept.order }
        let order = members.indices.sorted { (members[$0].key, $0) < (members[$1].key, $1) }
        if let type { output.sortedOrder[type] = (keys, order) }
        return order
    }
}

/// The `Encoder` handed to one value.
struct JSONTextEncoder: Encoder {
    let value: JSONPendingValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedJSON<Key>(container: value.container(array: false), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedJSON(container: value.container(array: true), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleJSON(value: value, codingPath: codingPath) }
}

private struct KeyedJSON<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let container: JSONContainer
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { container.member(key.stringValue) { $0.append("null") } }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        container.member(key.stringValue) { $0.append(value ? "true" : "false") }
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { container.member(key.stringValue) { $0.append(String(value)) } }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try container.member(key.stringValue) { $0.append(try JSONText.number(value)) }
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        container.member(key.stringValue) { JSONText.quoted(value, into: &$0.bytes) }
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try container.member(key.stringValue) { try $0.write(value, path: codingPath + [key]) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        superEncoder(forKey: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        superEncoder(forKey: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONTextEncoder(value: container.nested(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedJSON: UnkeyedEncodingContainer {
    let container: JSONContainer
    let codingPath: [any CodingKey]

    var count: Int { container.count }

    private struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    mutating func encodeNil() throws { container.member("") { $0.append("null") } }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath
        let index = count
        try container.member("") { try $0.write(value, path: path + [Index(index)]) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        superEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { superEncoder().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [Index(count)]
        return JSONTextEncoder(value: container.nested(""), codingPath: path)
    }
}

private struct SingleJSON: SingleValueEncodingContainer {
    let value: JSONPendingValue
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { value.single().append("null") }
    mutating func encode(_ flag: Bool) throws { value.single().append(flag ? "true" : "false") }
    mutating func encode(_ number: Int) throws { value.single().append(String(number)) }
    mutating func encode(_ number: Double) throws { value.single().append(try JSONText.number(number)) }
    mutating func encode(_ number: Float) throws { value.single().append(try JSONText.number(number)) }
    mutating func encode(_ number: Int8) throws { value.single().append(String(number)) }
    mutating func encode(_ number: Int16) throws { value.single().append(String(number)) }
    mutating func encode(_ number: Int32) throws { value.single().append(String(number)) }
    mutating func encode(_ number: Int64) throws { value.single().append(String(number)) }
    mutating func encode(_ number: UInt) throws { value.single().append(String(number)) }
    mutating func encode(_ number: UInt8) throws { value.single().append(String(number)) }
    mutating func encode(_ number: UInt16) throws { value.single().append(String(number)) }
    mutating func encode(_ number: UInt32) throws { value.single().append(String(number)) }
    mutating func encode(_ number: UInt64) throws { value.single().append(String(number)) }
    mutating func encode(_ text: String) throws { JSONText.quoted(text, into: &value.single().bytes) }

    mutating func encode<T: Encodable>(_ inner: T) throws {
        let path = codingPath
        try value.single().write(inner, path: path)
    }
}
