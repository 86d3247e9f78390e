import Foundation

/// A closed set of values with a stored code (the raw value) and a label people read.
public protocol Labeled: RawRepresentable, CaseIterable, Sendable, Hashable, Codable where RawValue == String {
    var label: String { get }
}

extension Labeled {
    /// Parses a stored or submitted code; nil for anything unknown.
    public init?(code: String) {
        self.init(rawValue: code.trimmingCharacters(in: .whitespaces))
    }

    /// Every code, for error messages that list what is allowed.
    public static var codes: [String] { allCases.map(\.rawValue) }
}
