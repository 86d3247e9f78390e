import AccordCore
import Foundation
import Testing

/// The hand-written parsers and printers agree with Foundation's.
@Suite struct FastTextTests {
    @Test func canonicalUUIDsParseLikeFoundationInEitherCase() {
        for _ in 0..<2_000 {
            let id = UUID()
            #expect(UUID(canonical: id.uuidString) == id)
            #expect(UUID(canonical: id.uuidString.lowercased()) == id)
        }
        #expect(UUID(canonical: "00000000-0000-0000-0000-000000000000") == UUID(uuidString: "00000000-0000-0000-0000-000000000000"))
        #expect(UUID(canonical: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF") == UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"))
    }

    @Test func uuidsPrintLikeFoundationInCapitalsAndSmallLetters() {
        for _ in 0..<2_000 {
            let id = UUID()
            #expect(id.canonicalText == id.uuidString && id.lowercaseText == id.uuidString.lowercased())
        }
        let edges = [
            UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)),
        ]
        for id in edges { #expect(id.canonicalText == id.uuidString && id.lowercaseText == id.uuidString.lowercased()) }
    }

    @Test(arguments: [
        "", "not a uuid", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8-C36C-495A-93FC-0C247A3E6E5FF",
        "E621E1F8xC36C-495A-93FC-0C247A3E6E5F", "G621E1F8-C36C-495A-93FC-0C247A3E6E5F", "E621E1F8-C36C-495A-93FC-0C247A3E6E5É",
        "{E621E1F8-C36C-495A-93FC-0C247A3E6E5F}",
    ])
    func anythingElseIsRefused(_ text: String) {
        #expect(UUID(canonical: text) == nil)
    }

    @Test func hexPrintsLikeTheFormatString() {
        let bytes: [UInt8] = Array(0...255)
        #expect(FastText.hex(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        #expect(FastText.hex([UInt8]()) == "")
    }

    @Test func paddingAndDatesPrintLikeFormatStrings() {
        #expect(
            FastText.padded(7, width: 2) == "07" && FastText.padded(2026, width: 4) == "2026" && FastText.padded(123, width: 2) == "123")
        #expect(FastText.padded(-5, width: 3) == "-005" && FastText.padded(0, width: 3) == "000")
        for dayNumber in stride(from: -30_000, to: 80_000, by: 37) {
            let date = LocalDate(dayNumber: dayNumber)
            #expect(date.description == String(format: "%04d-%02d-%02d", date.year, date.month, date.day))
            #expect(LocalDate.dayNumber(year: date.year, month: date.month, day: date.day) == dayNumber)
        }
        #expect(LocalDate.dayNumber(year: 2026, month: 2, day: 29) == nil && LocalDate.dayNumber(year: 2028, month: 2, day: 29) != nil)
        #expect(LocalDate.dayNumber(year: 2026, month: 13, day: 1) == nil && LocalDate.dayNumber(year: 10_000, month: 1, day: 1) == nil)
    }
}
