import AccordStore
import AccordWeb
import ArgumentParser
import Foundation

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo portfolio and print the demo sign-ins.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let config = try database.config()
        let store = try await database.open(config, logger: makeLogger(.warning))
        let loaded = try await DemoPortfolio.load(into: store)
        print(loaded ? "Loaded the demo portfolio." : "The database already holds our company; demo data not loaded again.")
        print("Demo sign-ins (password \(DemoPortfolio.password)):")
        for account in DemoPortfolio.accounts {
            print("  \(account.email.padding(toLength: 26, withPad: " ", startingAt: 0)) \(account.role.label): \(account.note)")
        }
        await store.database.close()
    }
}
