import AccordCore
import AccordStore
import AccordWeb
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// Keeps every log line an application writes, for tests that check what reaches the log.
final class CapturedLog: Sendable {
    let lines = NIOLockedValueBox<[String]>([])

    var logger: Logger {
        var logger = Logger(label: "accord.captured") { _ in Handler(log: self) }
        logger.logLevel = .info
        return logger
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let text = "\(event.message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            log.lines.withLockedValue { $0.append(text) }
        }
    }
}

@Suite struct OperationsTrustTests {
    @Test func requestLogsRedactCapabilityTokensAndNameStatusAndDuration() async throws {
        let captured = CapturedLog()
        try await WebHarness.run(fixture: .accounts, logger: captured.logger) { h in
            let browser = h.browser()
            _ = try await browser.get("/survey/secret-survey-token-1")
            _ = try await browser.get("/calendar/secret-feed-token-2.ics?sig=query-value-3")
            _ = try await browser.get("/alliances?q=private-search-4")
        }
        let lines = captured.lines.withLockedValue { $0 }.filter { $0.hasPrefix("request ") }
        #expect(lines.count >= 3)
        let text = lines.joined(separator: "\n")
        for secret in ["secret-survey-token-1", "secret-feed-token-2", "query-value-3", "private-search-4"] {
            #expect(!text.contains(secret), "\(text)")
        }
        #expect(text.contains("path=/survey/[redacted]") && text.contains("path=/calendar/[redacted].ics"))
        #expect(text.contains("query=sig") && text.contains("query=q"))
        #expect(lines.allSatisfy { $0.contains("status=") && $0.contains("ms=") && $0.contains("method=GET") })
    }

    @Test func readinessFailsWhenTheDatabaseRefusesWrites() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let browser = h.browser()
            #expect(try await browser.get("/readyz").status == .ok)
            // The writer connection stops accepting changes, as with a read-only file or a full disk.
            try await h.store.database.transaction { db in try await db.raw("PRAGMA query_only = 1").run() }
            let refused = try await browser.get("/readyz")
            #expect(refused.status == .serviceUnavailable && refused.text.contains("refuses writes"))
            // Liveness is not readiness: the process is alive, it just cannot take changes.
            #expect(try await browser.get("/healthz").status == .ok)
        }
    }
}
