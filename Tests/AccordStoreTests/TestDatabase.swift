import AccordCore
import AccordStore
import Foundation
import Logging
import SQLKit

/// The databases every store test runs against: SQLite always, PostgreSQL when
/// ACCORD_TEST_POSTGRES_URL is set (scripts/test always sets it).
enum TestDatabase: String, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    static var available: [TestDatabase] {
        ProcessInfo.processInfo.environment["ACCORD_TEST_POSTGRES_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var description: String { rawValue }

    static let logger: Logger = {
        var logger = Logger(label: "accord.tests")
        logger.logLevel = .warning
        return logger
    }()

    /// A fresh, migrated database for one test, removed afterwards.
    func withStore<T: Sendable>(_ body: (Store) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            return try await run(.sqlite(path: path), body)
        case .postgres:
            let admin = try DatabaseURL(ProcessInfo.processInfo.environment["ACCORD_TEST_POSTGRES_URL"]!)
            guard case .postgres(let host, let port, let user, let password, _) = admin else { fatalError("not a PostgreSQL URL") }
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let adminDB = try await AccordDatabase.open(admin, logger: Self.logger)
            try await adminDB.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: String(name))").run() }
            do {
                let result = try await run(.postgres(host: host, port: port, user: user, password: password, database: String(name)), body)
                try await adminDB.read { db in try await db.raw("DROP DATABASE \(unsafeRaw: String(name))").run() }
                await adminDB.close()
                return result
            } catch {
                await adminDB.close()
                throw error
            }
        }
    }

    private func run<T: Sendable>(_ url: DatabaseURL, _ body: (Store) async throws -> T) async throws -> T {
        let database = try await AccordDatabase.open(url, logger: Self.logger)
        do {
            try await Migrator(database: database).migrate(logger: Self.logger)
            let result = try await body(Store(database: database))
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}

/// Records the tests create.
enum Fixtures {
    static let actor = AuditActor(userID: nil, name: "tests")

    static func organization(_ store: Store, _ name: String, kind: OrganizationKind) async throws -> Organization {
        try await store.organizations.create(try OrganizationInput(name: name, kind: kind.rawValue).validate(), by: actor)
    }

    static func person(_ store: Store, _ org: Organization, _ name: String, function: BusinessFunction = .research) async throws -> Person {
        let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com"
        return try await store.people.create(
            try PersonInput(organizationID: org.id.uuidString, name: name, email: email, function: function.rawValue, level: "management")
                .validate(), by: actor)
    }

    static func allianceInput(_ name: String, partner: Organization, manager: Person? = nil) -> AllianceInput {
        var input = AllianceInput()
        input.name = name
        input.partnerID = partner.id.uuidString
        input.type = "co_development"
        input.status = "active"
        input.phase = "development"
        input.tier = "tier_1"
        input.ourManagerID = manager?.id.uuidString
        return input
    }

    static func auditCount(_ store: Store) async throws -> Int {
        try await store.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int.self)
        }
    }
}
