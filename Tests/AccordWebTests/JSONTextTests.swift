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
        for seconds in [0, 0.999, 1_780_000_000.5, -1.25, 86_399.999_9] {
            let value = shape("date", ratio: 1, when: Date(timeIntervalSince1970: seconds))
            #expect(try JSONText.encode(value) == foundation(value))
        }
        #expect(try JSONText.encode([Colour.red]) == foundation([Colour.red]))
        #expect(try JSONText.encode("top/level") == foundation("top/level"))
        #expect(try JSONText.encode([String: [Int]]()) == foundation([String: [Int]]()))
    }

    @Test func refusesNumbersJSONCannotHold() {
        #expect(throws: EncodingError.self) { try JSONText.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONText.encode(["x": Double.infinity]) }
    }
}
