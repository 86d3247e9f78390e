import AccordStore
import ArgumentParser
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Work with the audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the whole hash chain; exit non-zero naming the first bad row.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let config = try database.config()
            let store = try await database.open(config, logger: makeLogger(.warning))
            let result = try await store.audit.verify()
            let head = try await store.audit.recent(limit: 1).first
            await store.database.close()
            if let bad = result.firstBadSequence {
                print("Audit chain BROKEN at row \(bad): \(result.reason ?? "")")
                print("\(result.checked) row(s) before it are intact.")
                throw ExitCode(1)
            }
            print("Audit chain intact: \(result.checked) row(s) verified.")
            if let head { print("Head: row \(head.sequence), hash \(head.hash)") }
        }
    }
}
