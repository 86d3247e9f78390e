import AccordMemberwise
import Foundation

/// One problem with one submitted field, phrased for the person who typed it.
@Memberwise
public struct FieldError: Sendable, Equatable, Codable {
    public let field: String
    public let message: String
}

/// The errors every feature can raise; the web layer maps each case once to HTML and to problem+json.
public enum DomainError: Error, Sendable, Equatable {
    /// Input that breaks a rule; nothing was written.
    case validation([FieldError])
    /// The record does not exist, or the user may not know that it does.
    case notFound(String)
    /// The user may see the record but not do this to it.
    case forbidden(String)
    /// The change conflicts with the current state (a stale version, a duplicate, a record in use).
    case conflict(String)

    public static func invalid(_ field: String, _ message: String) -> DomainError {
        .validation([FieldError(field: field, message: message)])
    }

    /// One readable line, for the command line and logs.
    public var message: String {
        switch self {
        case .validation(let errors): errors.map { "\($0.field): \($0.message)" }.joined(separator: "\n")
        case .notFound(let m), .forbidden(let m), .conflict(let m): m
        }
    }

    public var fieldErrors: [FieldError] {
        if case .validation(let errors) = self { return errors }
        return []
    }
}
