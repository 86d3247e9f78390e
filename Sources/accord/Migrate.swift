import AccordStore
import ArgumentParser
import Foundation

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations (or revert the last one).")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Revert the most recent migration instead.") var revert = false

    func run() async throws {
        let config = try database.config()
        let logger = makeLogger(.warning)
        let db: AccordDatabase
        do {
            db = try await AccordDatabase.open(config.databaseURL, logger: logger)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        let migrator = Migrator(database: db)
        if revert {
            let reverted = try await migrator.revertLast(logger: logger)
            print(reverted.map { "Reverted \($0)." } ?? "Nothing to revert.")
        } else {
            let applied = try await migrator.migrate(logger: logger)
            print(
                applied.isEmpty
                    ? "The database is up to date." : "Applied \(applied.count) migration(s): \(applied.joined(separator: ", ")).")
        }
        await db.close()
    }
}
