import Foundation

/// Parsing and printing on every row and every page, without the C formatting underneath Foundation's
/// `String(format:)` and `UUID(uuidString:)` (`sscanf`, `vfprintf`: 10% of the portfolio's and the API list's CPU in
/// `bench/profile`).
public enum FastText {
    /// `value` in decimal, left-padded with zeros to `width` digits (negative values keep their sign first).
    public static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }

    /// The bytes as lowercase hexadecimal, two digits each (hashes and digests are stored and compared this way).
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of `count` ASCII digits at `start` in `bytes`, or nil if one of them is not a digit.
    @inlinable
    public static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let digit = Int(bytes[index]) - 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}

extension UUID {
    /// The canonical 36-character form (8-4-4-4-12 hexadecimal digits, any case), or nil for anything else.
    public init?(canonical text: String) {
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var text = text
        let parsed = text.withUTF8 { bytes -> Bool in
            guard bytes.count == 36 else { return false }
            return withUnsafeMutableBytes(of: &raw) { out -> Bool in
                var byte = 0
                var index = 0
                while index < 36 {
                    if index == 8 || index == 13 || index == 18 || index == 23 {
                        guard bytes[index] == 0x2D else { return false }
                        index += 1
                        continue
                    }
                    guard let high = Self.hex(bytes[index]), let low = Self.hex(bytes[index + 1]) else { return false }
                    out[byte] = high << 4 | low
                    byte += 1
                    index += 2
                }
                return true
            }
        }
        guard parsed else { return nil }
        self.init(uuid: raw)
    }

    /// The canonical text in capitals, as `uuidString` writes it (how ids are stored), without `sprintf`.
    public var canonicalText: String { Self.format(uuid, digits: Self.upperDigits) }

    /// The canonical text in small letters, as links, forms and JSON show ids.
    public var lowercaseText: String { Self.format(uuid, digits: Self.lowerDigits) }

    private static let upperDigits = Array("0123456789ABCDEF".utf8)
    private static let lowerDigits = Array("0123456789abcdef".utf8)

    private static func format(_ raw: uuid_t, digits: [UInt8]) -> String {
        withUnsafeBytes(of: raw) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var index = 0
                for (byte, value) in bytes.enumerated() {
                    if byte == 4 || byte == 6 || byte == 8 || byte == 10 {
                        out[index] = 0x2D
                        index += 1
                    }
                    out[index] = digits[Int(value >> 4)]
                    out[index + 1] = digits[Int(value & 0x0F)]
                    index += 2
                }
                return index
            }
        }
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}
