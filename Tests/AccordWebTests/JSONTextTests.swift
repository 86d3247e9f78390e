import AccordCore
import Foundation
import Testing

@testable import AccordWeb

/// The API's JSON writer writes what `JSONEncoder` (sorted keys, ISO 8601 dates) writes, byte for byte.
@Suite struct JSONTextTests {
    enum Colour: String, Codable { case red, darkBlue }

    struct Inner: Encodable {
        let name: String
        let tags: [String]
        let score: Double?
    }

    struct Shape: Encodable {
        let id: UUID
        let title: String
        let count: Int
        let big: Int64
        let small: UInt8
        let flag: Bool
        let ratio: Double
        let when: Date
        let colour: Colour
        let day: LocalDate
        @Null var noColour: Colour?
        @Null var someDay: LocalDate?
        let side: Side
        @Null var noPhase: LifecyclePhase?
        @Null var somePhase: LifecyclePhase?
        let missing: String?
        @Null var empty: String?
        @Null var present: Int?
        let inner: Inner
        let list: [Inner]
        let nested: [[Int]]
        let byName: [String: Int]
        let nothing: [String]
        let zebra: String
        let aardvark: String
        let camelCase: String
        let camelcase2: String
        let partnerID: String
        let partner_name: String
    }

    func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func shape(_ title: String, ratio: Double, when: Date) -> Shape {
        Shape(
            id: UUID(), title: title, count: -42, big: Int64.max, small: 7, flag: true, ratio: ratio, when: when, colour: .darkBlue,
            day: LocalDate("2026-12-02")!, noColour: nil, someDay: LocalDate("0999-01-31"),
            side: .partner, noPhase: nil, somePhase: .commercialization,
            missing: nil, empty: nil, present: 3,
            inner: Inner(name: "a/b \"c\" \\ d\n\t\u{1}\u{1F} é 漢字 🧬", tags: ["x", ""], score: nil),
            list: [Inner(name: "one", tags: [], score: 0.1), Inner(name: "two", tags: ["t"], score: -2)],
            nested: [[1, 2], [], [3]], byName: ["b": 2, "a": 1, "B": 3, "a10": 10, "a9": 9], nothing: [], zebra: "z",
            aardvark: "a", camelCase: "c", camelcase2: "c2", partnerID: "p", partner_name: "n")
    }

    @Test func writesWhatJSONEncoderWrites() throws {
        let ratios: [Double] = [0, -0.0, 3, 2.5, 0.1, 1e20, 1e-7, 123_456_789.125, -1.5, Double.ulpOfOne, 1e300]
        var generator = SystemRandomNumberGenerator()
        for ratio in ratios {
            let seconds = Double.random(in: 0..<4_000_000_000, using: &generator)
            let value = shape("ratio \(ratio)", ratio: ratio, when: Date(timeIntervalSince1970: seconds))
            #expect(try JSONText.encode(value) == foundation(value))
        }
        // Foundation writes days before 1583 in the Julian calendar (year 1 starts on 0001-01-03): the writer hands
        // those to it; the boundaries of its own range are checked here.
        for seconds in [
            0, 0.999, 1_780_000_000.5, -1.25, 86_399.999_9, -86_400, -86_401, -62_135_596_800, -12_212_553_600, -12_212_553_601,
            253_402_300_799.5, 253_402_300_800, 951_782_400,
        ] {
            let value = shape("date", ratio: 1, when: Date(timeIntervalSince1970: seconds))
            #expect(try JSONText.encode(value) == foundation(value))
        }
        #expect(try JSONText.encode([Colour.red]) == foundation([Colour.red]))
        #expect(try JSONText.encode("top/level") == foundation("top/level"))
        #expect(try JSONText.encode([String: [Int]]()) == foundation([String: [Int]]()))
    }

    /// A hand-written `encode(to:)` that fills nested containers after later members, writes a key twice and asks
    /// for a super encoder: the members still come out sorted, the last value of a key kept.
    struct Handwritten: Encodable {
        enum Keys: String, CodingKey { case b, a, list, inner, again }

        func encode(to encoder: any Encoder) throws {
            var top = encoder.container(keyedBy: Keys.self)
            var inner = top.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            var list = top.nestedUnkeyedContainer(forKey: .list)
            try top.encode("first", forKey: .b)
            try top.encode(1, forKey: .a)
            try inner.encode(true, forKey: .b)
            try list.encode("x")
            var deeper = list.nestedUnkeyedContainer()
            try list.encode("y")
            try deeper.encode(2)
            try top.encode("second", forKey: .b)
            try inner.encodeNil(forKey: .a)
            try "parent".encode(to: top.superEncoder(forKey: .again))
        }
    }

    @Test func writesNestedContainersFilledOutOfOrder() throws {
        #expect(try JSONText.encode(Handwritten()) == foundation(Handwritten()))
        #expect(try JSONText.encode([Handwritten(), Handwritten()]) == foundation([Handwritten(), Handwritten()]))
        #expect(try JSONText.encode(["z": Handwritten()]) == foundation(["z": Handwritten()]))
    }

    @Test func refusesNumbersJSONCannotHold() {
        #expect(throws: EncodingError.self) { try JSONText.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONText.encode(["x": Double.infinity]) }
    }
}
