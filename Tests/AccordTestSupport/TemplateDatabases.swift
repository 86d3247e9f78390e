import AccordCore
import AccordStore
import Foundation
import Logging
import SQLKit

/// Which databases the suites run on. PostgreSQL is part of every run unless `ACCORD_TEST_DATABASES=sqlite` says
/// otherwise; a run that needs it without `ACCORD_TEST_POSTGRES_URL` fails with that message instead of skipping.
public enum TestDatabases {
    public static var names: [String] {
        ProcessInfo.processInfo.environment["ACCORD_TEST_DATABASES"]?.lowercased() == "sqlite" ? ["sqlite"] : ["sqlite", "postgres"]
    }

    public struct MissingPostgres: Error, CustomStringConvertible {
        public var description: String {
            "PostgreSQL tests need ACCORD_TEST_POSTGRES_URL (scripts/test starts a throwaway server and sets it); "
                + "set ACCORD_TEST_DATABASES=sqlite to run the SQLite half only"
        }
    }

    public static func postgresAdminURL() throws -> DatabaseURL {
        guard let text = ProcessInfo.processInfo.environment["ACCORD_TEST_POSTGRES_URL"], !text.isEmpty else { throw MissingPostgres() }
        return try DatabaseURL(text)
    }
}

/// Migrated databases built once per test process and copied for each test: a file copy on SQLite, `CREATE DATABASE
/// ... TEMPLATE` on PostgreSQL. `prepare` fills a template once (migrations, and for web tests the demo portfolio).
public actor TemplateDatabases {
    public typealias Prepare = @Sendable (AccordDatabase) async throws -> Void

    public static let shared = TemplateDatabases()

    static let logger: Logger = {
        var logger = Logger(label: "accord.tests.templates")
        logger.logLevel = .critical
        return logger
    }()

    private var sqliteTemplates: [String: Task<String, any Error>] = [:]
    private var postgresTemplates: [String: Task<String, any Error>] = [:]

    /// A fresh SQLite file copied from the template named `name`; the caller removes it.
    public func sqliteCopy(_ name: String, prepare: @escaping Prepare) async throws -> String {
        let template: Task<String, any Error>
        if let known = sqliteTemplates[name] {
            template = known
        } else {
            template = Task { try await Self.buildSQLite(name, prepare) }
            sqliteTemplates[name] = template
        }
        let source = try await template.value
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(name)-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        return copy
    }

    /// The name of a fresh PostgreSQL database created from the template named `name`; the caller drops it.
    public func postgresCopy(_ name: String, admin: AccordDatabase, prepare: @escaping Prepare) async throws -> String {
        let template: Task<String, any Error>
        if let known = postgresTemplates[name] {
            template = known
        } else {
            let url = try TestDatabases.postgresAdminURL()
            template = Task { try await Self.buildPostgres(name, admin: url, prepare) }
            postgresTemplates[name] = template
        }
        let source = try await template.value
        let copy = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        // The template's own connections may take a moment to leave after it was built.
        for attempt in 1...50 {
            do {
                try await admin.read { db in
                    try await db.raw("CREATE DATABASE \(unsafeRaw: String(copy)) TEMPLATE \(unsafeRaw: source)").run()
                }
                break
            } catch  where attempt < 50 && String(reflecting: error).contains("being accessed by other users") {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        return String(copy)
    }

    private static func buildSQLite(_ name: String, _ prepare: Prepare) async throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("accord-template-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).sqlite").path
        let database = try await AccordDatabase.open(.sqlite(path: path), logger: logger)
        do {
            try await Migrator(database: database).migrate(logger: logger)
            try await prepare(database)
            // Everything into the main file, so one file copy carries the whole database.
            try await database.read { db in try await db.raw("PRAGMA wal_checkpoint(TRUNCATE)").run() }
        } catch {
            await database.close()
            throw error
        }
        await database.close()
        return path
    }

    private static func buildPostgres(_ name: String, admin: DatabaseURL, _ prepare: Prepare) async throws -> String {
        guard case .postgres(let host, let port, let user, let password, _) = admin else {
            throw ConfigurationError(setting: "ACCORD_TEST_POSTGRES_URL", message: "is not a postgres:// URL")
        }
        let template = "tpl_\(name)_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let adminDB = try await AccordDatabase.open(admin, logger: logger)
        do {
            try await adminDB.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: String(template))").run() }
        } catch {
            await adminDB.close()
            throw error
        }
        await adminDB.close()
        let database = try await AccordDatabase.open(
            .postgres(host: host, port: port, user: user, password: password, database: String(template)), logger: logger)
        do {
            try await Migrator(database: database).migrate(logger: logger)
            try await prepare(database)
        } catch {
            await database.close()
            throw error
        }
        // A template may have no connections while it is copied.
        await database.close()
        return String(template)
    }
}
