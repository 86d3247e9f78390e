import AccordStore
import AccordWeb
import ArgumentParser
import Foundation
import Logging

/// The database option every data command takes.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help:
            "sqlite:///abs/path.sqlite, sqlite://rel/path.sqlite or postgres://user:pass@host:port/name (env ACCORD_DATABASE_URL; default sqlite://accord.sqlite)"
    )
    var databaseURL: String?

    func config(hostname: String? = nil, port: Int? = nil) throws -> AppConfig {
        do {
            return try AppConfig.resolve(databaseURL: databaseURL, hostname: hostname, port: port)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
    }

    /// Opens the database and applies pending migrations.
    func open(_ config: AppConfig, logger: Logger) async throws -> Store {
        let database: AccordDatabase
        do {
            database = try await AccordDatabase.open(config.databaseURL, logger: logger)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        try await Migrator(database: database).migrate(logger: logger)
        return Store(database: database)
    }
}

/// Text lines by default; one JSON object per line with ACCORD_LOG_FORMAT=json.
func makeLogger(_ level: Logger.Level = .info) -> Logger {
    let json = ProcessInfo.processInfo.environment["ACCORD_LOG_FORMAT"]?.lowercased() == "json"
    LoggingSystem.bootstrap { label in
        if json {
            var handler = JSONLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
    var logger = Logger(label: "accord")
    logger.logLevel = level
    return logger
}
