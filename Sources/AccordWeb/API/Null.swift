import Foundation

/// An optional field that is written as JSON null when empty (synthesized encoding would leave the key out), so every
/// documented field is always present.
@propertyWrapper
struct Null<Value: Codable>: Codable {
    var wrappedValue: Value?

    /// Declared, not synthesized: only then do the models' memberwise initialisers take a plain optional.
    init(wrappedValue value: Value?) { wrappedValue = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }

    /// Read only by `ShapeRecorder`, which learns the field's shape from it.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }
}

extension Null: Sendable where Value: Sendable {}
