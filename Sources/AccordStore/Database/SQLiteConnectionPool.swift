import Foundation
import Logging

/// A few SQLite connections to one file, each used by one task at a time, plus one writer connection.
/// WAL lets readers run beside the single writer. Writes queue here, in the process, for the writer: were
/// they to queue inside SQLite (`BEGIN IMMEDIATE` waiting on the busy timeout) they would block the few threads
/// SQLite calls run on, including the one the current writer needs to commit. Other processes (the CLI) are
/// still kept apart by SQLite's lock and the busy timeout.
actor SQLiteConnectionPool {
    private let path: String
    nonisolated let logger: Logger
    private let maxConnections: Int
    private var idle: [SQLiteHandle] = []
    private var opened = 0
    private var waiters: [CheckedContinuation<SQLiteHandle, any Error>] = []
    private var closed = false
    private var writer: SQLiteHandle?
    private var writerBusy = false
    private var writerWaiters: [CheckedContinuation<SQLiteHandle, any Error>] = []

    init(path: String, maxConnections: Int, logger: Logger) {
        self.path = path
        self.maxConnections = maxConnections
        self.logger = logger
    }

    func checkout() async throws -> SQLiteHandle {
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

    func checkin(_ connection: SQLiteHandle) {
        if !waiters.isEmpty {
            waiters.removeFirst().resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    /// The writer connection, exclusively; queued callers wait their turn.
    func checkoutWriter() async throws -> SQLiteHandle {
        if closed { throw StoreError.closed }
        if !writerBusy {
            writerBusy = true
            if let writer { return writer }
            do {
                let connection = try await open()
                writer = connection
                return connection
            } catch {
                writerBusy = false
                throw error
            }
        }
        return try await withCheckedThrowingContinuation { writerWaiters.append($0) }
    }

    func checkinWriter() {
        if !writerWaiters.isEmpty, let writer {
            writerWaiters.removeFirst().resume(returning: writer)
        } else {
            writerBusy = false
        }
    }

    private func open() async throws -> SQLiteHandle {
        let connection = try SQLiteHandle(path: path)
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"] {
            _ = try connection.query(pragma, [])
        }
        return connection
    }

    func close() async {
        closed = true
        for waiter in waiters { waiter.resume(throwing: StoreError.closed) }
        waiters = []
        for connection in idle { connection.close() }
        idle = []
        for waiter in writerWaiters { waiter.resume(throwing: StoreError.closed) }
        writerWaiters = []
        if let writer, !writerBusy { writer.close() }
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
