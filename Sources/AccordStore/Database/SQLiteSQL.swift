import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// SQLKit over one SQLite connection (`SQLiteHandle`, the C API driven directly): SQLiteKit's dialect, binds and
/// Codable decoder, but statements run on the calling task without a thread hop, prepared once per connection, and
/// rows read the plain column types (text, integers, reals, booleans and their optionals) straight from the
/// `SQLiteData` (through the Codable `SQLiteDataDecoder` only for anything else, so the answers are the same).
struct SQLiteSQL: SQLDatabase {
    let connection: SQLiteHandle
    let logger: Logger
    private static let encoder = SQLiteDataEncoder()
    private static let decoder = SQLiteDataDecoder()

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        for row in try connection.query(sql, try binds.map(Self.bind)) { onRow(SQLiteFastRow(row: row)) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    private static func bind(_ value: any Encodable & Sendable) throws -> SQLiteData {
        switch value {
        case let text as String: .text(text)
        case let number as Int: .integer(number)
        default: try encoder.encode(value)
        }
    }

    /// A row whose common columns are read without the Codable machinery.
    struct SQLiteFastRow: SQLRow {
        let row: SQLiteHandle.Row

        var allColumns: [String] { row.columns.names }

        func contains(column: String) -> Bool { row.column(column) != nil }

        func decodeNil(column: String) throws -> Bool { (row.column(column) ?? .null) == .null }

        /// The plain types (text, integers, reals, booleans and their optionals) read straight from the data when it
        /// holds them as that type; anything else through the Codable decoder, with its conversions and its errors.
        /// Written in one function returning `D` (a helper returning `D?` had the runtime look up `Optional<D>`'s
        /// metadata on every call).
        func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
            guard let data = row.column(column) else { throw StoreError.unexpected("no column \(column) in the row") }
            let wanted = ObjectIdentifier(type)
            switch data {
            case .text(let value):
                if wanted == Self.text { return unsafeBitCast(value, to: D.self) }
                if wanted == Self.optionalText { return unsafeBitCast(String?.some(value), to: D.self) }
            case .integer(let number):
                if wanted == Self.int { return unsafeBitCast(number, to: D.self) }
                if wanted == Self.optionalInt { return unsafeBitCast(Int?.some(number), to: D.self) }
                if wanted == Self.int64 { return unsafeBitCast(Int64(number), to: D.self) }
                if wanted == Self.optionalInt64 { return unsafeBitCast(Int64?.some(Int64(number)), to: D.self) }
                if wanted == Self.bool { return unsafeBitCast(number != 0, to: D.self) }
            case .float(let number):
                if wanted == Self.double { return unsafeBitCast(number, to: D.self) }
            case .null:
                if wanted == Self.optionalText { return unsafeBitCast(String?.none, to: D.self) }
                if wanted == Self.optionalInt { return unsafeBitCast(Int?.none, to: D.self) }
                if wanted == Self.optionalInt64 { return unsafeBitCast(Int64?.none, to: D.self) }
            case .blob:
                break
            }
            return try SQLiteSQL.decoder.decode(type, from: data)
        }

        /// The plain types' identities, made once (comparing metatypes made them again on every call).
        private static let text = ObjectIdentifier(String.self)
        private static let optionalText = ObjectIdentifier(String?.self)
        private static let int = ObjectIdentifier(Int.self)
        private static let optionalInt = ObjectIdentifier(Int?.self)
        private static let int64 = ObjectIdentifier(Int64.self)
        private static let optionalInt64 = ObjectIdentifier(Int64?.self)
        private static let bool = ObjectIdentifier(Bool.self)
        private static let double = ObjectIdentifier(Double.self)
    }
}
