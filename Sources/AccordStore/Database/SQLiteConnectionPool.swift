import Foundation
import Logging
import SQLiteKit

/// A few SQLite connections to one file, each used by one task at a time.
/// WAL lets readers run beside the single writer; writers queue on `BEGIN IMMEDIATE` with a busy timeout.
actor SQLiteConnectionPool {
    private let path: String
    private let logger: Logger
    private let maxConnections: Int
    private var idle: [SQLiteConnection] = []
    private var opened = 0
    private var waiters: [CheckedContinuation<SQLiteConnection, any Error>] = []
    private var closed = false

    init(path: String, maxConnections: Int, logger: Logger) {
        self.path = path
        self.maxConnections = maxConnections
        self.logger = logger
    }

    func checkout() async throws -> SQLiteConnection {
        if closed { throw StoreError.closed }
        if let connection = idle.popLast() { return connection }
        if opened < maxConnections {
            opened += 1
            do {
                return try await open()
            } catch {
                opened -= 1
                throw error
            }
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    func checkin(_ connection: SQLiteConnection) {
        if !waiters.isEmpty {
            waiters.removeFirst().resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    private func open() async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000", "PRAGMA synchronous=NORMAL"] {
            _ = try await connection.query(pragma)
        }
        return connection
    }

    func close() async {
        closed = true
        for waiter in waiters { waiter.resume(throwing: StoreError.closed) }
        waiters = []
        for connection in idle { try? await connection.close() }
        idle = []
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case closed
    case unexpected(String)

    public var description: String {
        switch self {
        case .closed: "the database is closed"
        case .unexpected(let message): message
        }
    }
}
