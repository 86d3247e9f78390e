import AccordCore
import Foundation

/// Late work across every alliance, worked out once per change to the data instead of once per request: the key is
/// the head of the audit trail (every change to business data appends to it in its own transaction, on every
/// instance sharing the database) and the day, so an answer served from here is the answer a fresh read would give.
/// Requests that arrive while it is being worked out wait for that one computation. Only the portfolio-wide views
/// are kept (every alliance, internal or shared-only); narrower scopes are cheap and are read each time.
actor LateWorkCache {
    struct Key: Hashable {
        let head: Int64
        let day: LocalDate
        let sharedOnly: Bool
        let limit: Int?
    }

    private var entries: [Key: Task<LateWork, any Error>] = [:]

    /// The cached late work for `key`, or `compute`'s answer (kept only while the audit head and the day stay).
    func value(for key: Key, _ compute: @escaping @Sendable () async throws -> LateWork) async throws -> LateWork {
        if let known = entries[key] { return try await known.value }
        // A newer head or day makes every older entry stale.
        entries = entries.filter { $0.key.head == key.head && $0.key.day == key.day }
        let task = Task { try await compute() }
        entries[key] = task
        do {
            return try await task.value
        } catch {
            entries[key] = nil
            throw error
        }
    }
}
