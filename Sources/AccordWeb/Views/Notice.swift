import AccordCore
import Foundation

/// A fixed message shown once after a redirect (`?notice=code`). Handlers name one of these instead of writing a
/// code by hand, so a misspelt notice does not compile and every code has its message. The shared ones are here;
/// each feature declares its own in an extension in its `XFeature.swift` and lists them in `Feature.notices`.
public struct Notice: Sendable, Equatable {
    public let code: String
    public let message: String

    init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public static let created = Notice("created", "Saved. The record was created.")
    public static let updated = Notice("updated", "Saved. Your changes are recorded in the history.")
    public static let deleted = Notice("deleted", "Deleted. The deletion is recorded in the audit trail.")

    /// Every notice: the shared ones here and each feature's (declared in its `XFeature.swift`, listed by `notices`).
    public static let all: [Notice] = [created, updated, deleted] + Features.all.flatMap(\.notices)

    private static let byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The message for a code from the query string; nil for an unknown one (nothing is shown).
    public static func message(for code: String?) -> String? {
        guard let code else { return nil }
        let imported = "obligations-imported-"
        if code.hasPrefix(imported), let count = Int(code.dropFirst(imported.count)), count > 0, count <= 500 {
            return obligationsImported(count).message
        }
        return byCode[code]?.message
    }
}
