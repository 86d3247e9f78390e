import AccordStore
import Foundation
import Testing

/// Stored timestamps are printed and read by hand; they must agree with Foundation's ISO 8601 to the millisecond.
@Suite struct TimestampTests {
    static let foundation = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    @Test func printingAndReadingAgreeWithFoundation() throws {
        var generator = SystemRandomNumberGenerator()
        let samples =
            (0..<3_000).map { _ in Double(Int64.random(in: -2_208_988_800_000...7_258_118_400_000, using: &generator)) / 1000 }
            + [0, -0.001, 0.999, 951_782_400, 1_709_164_800.5, 4_107_542_399.999]  // epoch, leap days, the last ms of 2099
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            let text = Timestamp.format(date)
            let reference = try Self.foundation.parse(text)
            #expect(abs(try Timestamp.parse(text).timeIntervalSince1970 - reference.timeIntervalSince1970) < 0.000_001, "\(text)")
            #expect(abs(reference.timeIntervalSince1970 - seconds) <= 0.000_5 + 1e-9, "\(text) for \(seconds)")
            #expect(Timestamp.format(try Timestamp.parse(text)) == text)
        }
    }

    @Test func otherISO8601FormsStillParseAndNonsenseIsRefused() throws {
        #expect(try Timestamp.parse("2026-12-01T13:31:56Z").timeIntervalSince1970 == 1_796_131_916)
        #expect(try Timestamp.parse("2026-12-01T13:31:56.250Z").timeIntervalSince1970 == 1_796_131_916.25)
        for bad in ["yesterday", "", "2026-12-01T13:31:56.250"] {
            #expect(throws: (any Error).self, "\(bad)") { try Timestamp.parse(bad) }
        }
    }
}
