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
        // Templates first: a broken template stops start-up with its error before the database is open.
        let views = try await Views.load()
        let store = try await database.open(config, logger: logger)
        do {
            if demo, try await DemoPortfolio.load(into: store) {
                logger.info("loaded the demo portfolio")
            }
        } catch {
            await store.database.close()
            throw error
        }
        let services = Services(store: store, views: views, config: config)
        let app = buildApplication(services, logger: logger)
        let address = config.publicURL ?? "http://\(config.hostname):\(config.port)"
        // Flushed at once: under nohup, a service manager or a log collector stdout is block-buffered.
        announce("Accord is running at \(address) (database \(config.databaseURL))")
        if demo {
            announce("Demo sign-in: \(DemoPortfolio.accounts[0].email) / \(DemoPortfolio.password) (more in the README)")
        }
        // SIGTERM and SIGINT start a graceful shutdown: no new connections, in-flight requests finish, the
        // scheduler stops between runs; then the database closes and the command exits 0.
        try await app.runService()
        await store.database.close()
        logger.info("stopped")
    }
}

/// A line on standard output that appears now, whatever kind of file standard output is: written unbuffered,
/// not through `print`'s block buffer.
func announce(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
