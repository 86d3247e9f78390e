import Foundation
import Hummingbird
import HummingbirdBcrypt
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// bcrypt, on its own small thread pool: a burst of sign-ins queues here and never occupies the threads that
/// SQLite and other blocking work run on. The queue is bounded; past it a sign-in is answered 503 at once.
public enum Passwords {
    /// Threads that hash: half the cores, at least one, so requests and queries keep the rest.
    static let threads = max(1, System.coreCount / 2)
    /// Hashes running or waiting; beyond this the server is saturated and says so rather than queueing forever.
    static let maxWaiting = 256

    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        return pool
    }()

    static let inFlight = NIOLockedValueBox(0)

    public static func hash(_ password: String, cost: UInt8 = 12) async throws -> String {
        try await run { Bcrypt.hash(password, cost: cost) }
    }

    public static func verify(_ password: String, hash: String) async throws -> Bool {
        try await run { Bcrypt.verify(password, hash: hash) }
    }

    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        let admitted = inFlight.withLockedValue { count in
            guard count < maxWaiting else { return false }
            count += 1
            return true
        }
        guard admitted else {
            throw HTTPError(.serviceUnavailable, message: "Too many sign-ins at once. Try again in a moment.")
        }
        defer { inFlight.withLockedValue { $0 -= 1 } }
        return try await pool.runIfActive(work)
    }

    /// Compared against when the email is unknown, so both paths take the same time.
    static let decoy = Bcrypt.hash("decoy-password-for-timing", cost: 12)
}
