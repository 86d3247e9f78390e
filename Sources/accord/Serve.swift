import AccordStore
import AccordWeb
import ArgumentParser
import Foundation
import Hummingbird

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web application (migrates the database first).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on (env ACCORD_HOSTNAME; default 127.0.0.1).") var hostname: String?
    @Option(help: "Port to listen on (env ACCORD_PORT; default 8080).") var port: Int?
    @Flag(help: "Load the demo portfolio first if the database is empty.") var demo = false

    func run() async throws {
        let config = try database.config(hostname: hostname, port: port)
        let logger = makeLogger(config.logLevel)
        let store = try await database.open(config, logger: logger)
        if demo, try await DemoPortfolio.load(into: store) {
            logger.info("loaded the demo portfolio")
        }
        let services = Services(store: store, views: try await Views.load(), config: config)
        let app = buildApplication(services, logger: logger)
        let address = config.publicURL ?? "http://\(config.hostname):\(config.port)"
        print("Accord is running at \(address) (database \(config.databaseURL))")
        if demo {
            print("Demo sign-in: \(DemoPortfolio.accounts[0].email) / \(DemoPortfolio.password) (more in the README)")
        }
        try await app.runService()
        await store.database.close()
    }
}
