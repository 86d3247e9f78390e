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

    /// Version 7 ids (RFC 9562): the millisecond they were made, then a counter within that millisecond, then random
    /// bits. Ids made by one process sort in the order they were made, so rows ordered by `created_at, id` keep the
    /// order they were written in even when several share a millisecond (random ids put those in any order).
    public static let timeOrdered: IDGenerator = {
        let state = TimeOrdered()
        return IDGenerator { state.next(milliseconds: UInt64(max(0, Date().timeIntervalSince1970 * 1000))) }
    }()

    /// The last millisecond and counter handed out; a clock that steps back keeps counting from the last one.
    public final class TimeOrdered: @unchecked Sendable {
        private let lock = NSLock()
        private var milliseconds: UInt64 = 0
        private var counter: UInt16 = 0

        public init() {}

        public func next(milliseconds now: UInt64) -> UUID {
            let (ms, count) = lock.withLock { () -> (UInt64, UInt16) in
                if now > milliseconds {
                    milliseconds = now
                    counter = UInt16.random(in: 0..<0x400)  // leaves room to count up within the millisecond
                } else if counter < 0xFFF {
                    counter += 1
                } else {
                    milliseconds += 1
                    counter = 0
                }
                return (milliseconds, counter)
            }
            var random = SystemRandomNumberGenerator()
            let tail = random.next() as UInt64
            let bytes: [UInt8] = [
                UInt8(truncatingIfNeeded: ms >> 40), UInt8(truncatingIfNeeded: ms >> 32), UInt8(truncatingIfNeeded: ms >> 24),
                UInt8(truncatingIfNeeded: ms >> 16), UInt8(truncatingIfNeeded: ms >> 8), UInt8(truncatingIfNeeded: ms),
                0x70 | UInt8(count >> 8), UInt8(truncatingIfNeeded: count), 0x80 | UInt8(truncatingIfNeeded: tail >> 58),
                UInt8(truncatingIfNeeded: tail >> 48), UInt8(truncatingIfNeeded: tail >> 40), UInt8(truncatingIfNeeded: tail >> 32),
                UInt8(truncatingIfNeeded: tail >> 24), UInt8(truncatingIfNeeded: tail >> 16), UInt8(truncatingIfNeeded: tail >> 8),
                UInt8(truncatingIfNeeded: tail),
            ]
            return UUID(
                uuid: (
                    bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                    bytes[11],
                    bytes[12], bytes[13], bytes[14], bytes[15]
                ))
        }
    }

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
