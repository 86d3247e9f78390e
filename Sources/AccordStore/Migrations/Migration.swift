import Foundation
import SQLKit

/// One reversible schema change. Migrations are listed in order in `AllMigrations`.
public protocol Migration: Sendable {
    /// A unique, ordered name such as `0001_create_organizations`.
    var id: String { get }
    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws
    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws
}

extension Migration {
    /// Runs plain statements in order.
    func run(_ db: any SQLDatabase, _ statements: [String]) async throws {
        for statement in statements {
            try await db.raw(SQLQueryString(statement)).run()
        }
    }
}
