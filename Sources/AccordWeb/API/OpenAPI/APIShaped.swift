import AccordCore
import Foundation

/// A type the API answers with, whose schema is read off the type itself: it is `Decodable` only so that
/// `ShapeRecorder` can decode one from nothing and note each field it asks for, with its type and whether it may be
/// absent or null. What the type alone cannot say is added by `fieldNotes`.
protocol APIShaped: Decodable {
    /// Its name under `components/schemas`; nil writes it inline where it is used.
    static var schemaName: String? { get }
    /// What the document says of the type as a whole.
    static var schemaDescription: String? { get }
    /// Per field (by its JSON name): a description, or a schema the Swift type does not show (a date written as text).
    static var fieldNotes: [String: APIFieldNote] { get }
}

extension APIShaped {
    static var schemaName: String? { nil }
    static var schemaDescription: String? { nil }
    static var fieldNotes: [String: APIFieldNote] { [:] }
}

/// What the document adds to one field.
struct APIFieldNote: Sendable {
    /// Replaces the schema read off the type (nullability still follows the type).
    var schema: APISchema?
    var description: String?

    static func about(_ text: String) -> APIFieldNote { APIFieldNote(schema: nil, description: text) }

    static func schema(_ schema: APISchema, _ text: String? = nil) -> APIFieldNote {
        APIFieldNote(schema: schema, description: text)
    }

    /// A day written as text, YYYY-MM-DD.
    static let date = APIFieldNote(schema: .date, description: nil)
}

/// Marks `Null`, so the recorder knows a field is always present and may be null.
protocol NullWrapper {}
extension Null: NullWrapper {}
