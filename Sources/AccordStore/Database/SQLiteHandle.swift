import CSQLite3
import Foundation
import NIOCore
import SQLiteNIO

/// One SQLite connection driven directly through the C API, used by one task at a time (the pool hands it out).
/// Statements run on the calling thread (SQLite's answers take microseconds to a few milliseconds; a thread hop
/// per statement cost more than that) and are prepared once per connection and kept, keyed by their text.
final class SQLiteHandle: @unchecked Sendable {
    private var db: OpaquePointer?
    private var statements: [String: Prepared] = [:]
    /// How many prepared statements a connection keeps; past that they are all finalized and prepared again as used.
    private static let cacheLimit = 300

    /// A prepared statement with its column names, read once.
    private final class Prepared {
        let statement: OpaquePointer
        let columns: Columns

        init(_ statement: OpaquePointer) {
            self.statement = statement
            let count = Int(sqlite3_column_count(statement))
            columns = Columns(names: (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) })
        }
    }

    /// The column names of a result and each name's first position.
    final class Columns: Sendable {
        let names: [String]
        let index: [String: Int]

        init(names: [String]) {
            self.names = names
            var index: [String: Int] = [:]
            for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
            self.index = index
        }
    }

    /// One result row: its values in column order.
    struct Row: Sendable {
        let columns: Columns
        let values: [SQLiteData]

        func column(_ name: String) -> SQLiteData? { columns.index[name].map { values[$0] } }
    }

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw SQLiteFailure(code: status, message: "cannot open \(path): \(message)")
        }
        db = handle
        sqlite3_busy_timeout(handle, 10_000)
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit { close() }

    /// Runs `sql` with `binds` (`?1`, `?2`, ...) and returns every row.
    func query(_ sql: String, _ binds: [SQLiteData]) throws -> [Row] {
        guard let db else { throw SQLiteFailure(code: SQLITE_MISUSE, message: "the connection is closed") }
        let prepared = try prepare(sql, db)
        let statement = prepared.statement
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, value) in binds.enumerated() { try bind(value, at: Int32(offset + 1), statement, db) }
        var rows: [Row] = []
        let count = prepared.columns.names.count
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw failure(status, db) }
            var values: [SQLiteData] = []
            values.reserveCapacity(count)
            for column in 0..<Int32(count) { values.append(Self.value(statement, column)) }
            rows.append(Row(columns: prepared.columns, values: values))
        }
        return rows
    }

    /// Finalizes every statement and closes the connection.
    func close() {
        for prepared in statements.values { sqlite3_finalize(prepared.statement) }
        statements = [:]
        if let db { sqlite3_close_v2(db) }
        db = nil
    }

    private func prepare(_ sql: String, _ db: OpaquePointer) throws -> Prepared {
        if let known = statements[sql] { return known }
        if statements.count >= Self.cacheLimit {
            for prepared in statements.values { sqlite3_finalize(prepared.statement) }
            statements = [:]
        }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(status, db) }
        let prepared = Prepared(statement)
        statements[sql] = prepared
        return prepared
    }

    private func bind(_ value: SQLiteData, at index: Int32, _ statement: OpaquePointer, _ db: OpaquePointer) throws {
        let status: Int32
        switch value {
        case .integer(let number): status = sqlite3_bind_int64(statement, index, Int64(number))
        case .float(let number): status = sqlite3_bind_double(statement, index, number)
        case .text(let text): status = sqlite3_bind_text(statement, index, text, -1, Self.transient)
        case .blob(let buffer):
            status = buffer.withUnsafeReadableBytes { bytes in
                sqlite3_bind_blob(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
            }
        case .null: status = sqlite3_bind_null(statement, index)
        }
        guard status == SQLITE_OK else { throw failure(status, db) }
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteData {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite3_column_blob(statement, column), count > 0 else { return .blob(ByteBuffer()) }
            return .blob(ByteBuffer(bytes: UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    private func failure(_ status: Int32, _ db: OpaquePointer) -> SQLiteFailure {
        SQLiteFailure(code: status, message: String(cString: sqlite3_errmsg(db)))
    }

    /// `SQLITE_TRANSIENT`: SQLite copies bound text and blobs before the call returns.
    private static let transient = unsafeBitCast(-1, to: accord_sqlite3_destructor.self)
}

// The result codes, fundamental types and flags used here, as <sqlite3.h> defines them.
private let SQLITE_OK: Int32 = 0
private let SQLITE_MISUSE: Int32 = 21
private let SQLITE_ROW: Int32 = 100
private let SQLITE_DONE: Int32 = 101
private let SQLITE_INTEGER: Int32 = 1
private let SQLITE_FLOAT: Int32 = 2
private let SQLITE_TEXT: Int32 = 3
private let SQLITE_BLOB: Int32 = 4
private let SQLITE_OPEN_READWRITE: Int32 = 0x0000_0002
private let SQLITE_OPEN_CREATE: Int32 = 0x0000_0004
private let SQLITE_OPEN_FULLMUTEX: Int32 = 0x0001_0000
private let SQLITE_PREPARE_PERSISTENT: UInt32 = 0x01

/// An error SQLite reported: its result code and message (never the values bound).
public struct SQLiteFailure: Error, CustomStringConvertible {
    public let code: Int32
    public let message: String

    public var description: String { "SQLite error \(code): \(message)" }
}
