import AccordCore
import AccordStore
import AccordTestSupport
import Foundation
import Logging
import SQLKit

/// The databases every store test runs against: SQLite and PostgreSQL (scripts/test always sets
/// ACCORD_TEST_POSTGRES_URL; without it the PostgreSQL half fails unless ACCORD_TEST_DATABASES=sqlite).
enum TestDatabase: String, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    static var available: [TestDatabase] { TestDatabases.names.compactMap(TestDatabase.init(rawValue:)) }

    var description: String { rawValue }

    static let logger: Logger = {
        var logger = Logger(label: "accord.tests")
        logger.logLevel = .warning
        return logger
    }()

    /// A fresh, migrated database for one test (a copy of a template migrated once), removed afterwards.
    func withStore<T: Sendable>(_ body: (Store) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let path = try await TemplateDatabases.shared.sqliteCopy("migrated") { _ in }
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            return try await run(.sqlite(path: path), body)
        case .postgres:
            let admin = try TestDatabases.postgresAdminURL()
            guard case .postgres(let host, let port, let user, let password, _) = admin else { fatalError("not a PostgreSQL URL") }
            let adminDB = try await AccordDatabase.open(admin, logger: Self.logger)
            do {
                let name = try await TemplateDatabases.shared.postgresCopy("migrated", admin: adminDB) { _ in }
                let result = try await run(.postgres(host: host, port: port, user: user, password: password, database: name), body)
                try await adminDB.read { db in try await db.raw("DROP DATABASE \(unsafeRaw: name)").run() }
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

    static func person(
        _ store: Store, _ org: Organization, _ name: String, function: BusinessFunction = .research, level: Level = .management
    ) async throws -> Person {
        let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com"
        return try await store.people.create(
            try PersonInput(organizationID: org.id.uuidString, name: name, email: email, function: function.rawValue, level: level.rawValue)
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

extension TestDatabase {
    /// `withStore` on a database whose clock and id generator the test sets.
    func withStore<T: Sendable>(clock: WallClock, ids: IDGenerator, _ body: (Store) async throws -> T) async throws -> T {
        try await withStore { store in
            let pinned = try await AccordDatabase.open(store.database.url, logger: Self.logger, clock: clock, ids: ids)
            do {
                let result = try await body(Store(database: pinned))
                await pinned.close()
                return result
            } catch {
                await pinned.close()
                throw error
            }
        }
    }
}
