import Foundation

/// Where the current time comes from. The store stamps every write with it, the web layer computes "today" from
/// it, and tests pin or move it.
public struct WallClock: Sendable {
    public let now: @Sendable () -> Date

    public init(_ now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = WallClock { Date() }

    /// Always the given instant.
    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }
}

/// Where new record ids come from: random in production, predictable when a test pins them.
public struct IDGenerator: Sendable {
    public let next: @Sendable () -> UUID

    public init(_ next: @escaping @Sendable () -> UUID) { self.next = next }

    public static let random = IDGenerator { UUID() }

    /// 00000000-0000-4000-8000-000000000001, ...002, and so on: one sequence per generator.
    public static func sequential(start: Int = 1) -> IDGenerator {
        let counter = Counter(start)
        return IDGenerator {
            let n = counter.take()
            return UUID(canonical: String(format: "00000000-0000-4000-8000-%012llx", Int64(n)))!
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Int

        init(_ start: Int) { value = start }

        func take() -> Int {
            lock.withLock {
                defer { value += 1 }
                return value
            }
        }
    }
}

extension WallClock {
    /// Today's date by this clock (UTC).
    public var today: LocalDate { LocalDate(date: now()) }
}
