/// A piece of HTML built by string interpolation, the typed view layer: every interpolated `String` or number is
/// escaped, only another `HTML` value goes in as markup, so a page cannot inject unescaped text by accident, and a
/// renamed model property is a compile error instead of an empty spot on the page. Literal text is markup.
///
///     let cell: HTML = "<td>\(row.partner)</td>"              // escaped
///     let list: HTML = "<ul>\(each: items) { "<li>\($0.name)</li>" }</ul>"
///     let flag: HTML = "\(if: row.isLate, "<span class=\"late\">late</span>")"
struct HTML: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    private(set) var text: String

    var description: String { text }

    init() { text = "" }

    init(stringLiteral value: String) { text = value }

    init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }

    /// Markup that is already safe (rendered elsewhere); never pass user input here.
    init(trusted markup: String) { text = markup }

    static func + (left: HTML, right: HTML) -> HTML { HTML(trusted: left.text + right.text) }

    mutating func append(_ other: HTML) { text += other.text }

    struct StringInterpolation: StringInterpolationProtocol {
        var text: String

        init(literalCapacity: Int, interpolationCount: Int) {
            text = ""
            text.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) { text += literal }

        /// Text: escaped for element content and for quoted attribute values alike.
        mutating func appendInterpolation(_ value: String) { HTML.escape(value, into: &text) }

        mutating func appendInterpolation(_ value: String?) { if let value { HTML.escape(value, into: &text) } }

        mutating func appendInterpolation(_ value: Int) { text += String(value) }

        mutating func appendInterpolation(_ html: HTML) { text += html.text }

        mutating func appendInterpolation(_ html: HTML?) { if let html { text += html.text } }

        /// `markup` when `condition` holds, nothing otherwise.
        mutating func appendInterpolation(if condition: Bool, _ markup: @autoclosure () -> HTML) {
            if condition { text += markup().text }
        }

        /// `markup(value)` when `value` is there, nothing otherwise.
        mutating func appendInterpolation<T>(some value: T?, _ markup: (T) -> HTML) {
            if let value { text += markup(value).text }
        }

        /// `text` as a link to `href`, or as plain text without one.
        mutating func appendInterpolation(link href: String?, _ text: String) {
            guard let href else { return HTML.escape(text, into: &self.text) }
            self.text += "<a href=\""
            HTML.escape(href, into: &self.text)
            self.text += "\">"
            HTML.escape(text, into: &self.text)
            self.text += "</a>"
        }

        /// `markup` for each item, in order.
        mutating func appendInterpolation<S: Sequence>(each items: S, _ markup: (S.Element) -> HTML) {
            for item in items { text += markup(item).text }
        }
    }

    /// Appends `value` with `&`, `<`, `>`, `"` and `'` escaped, copying unescaped runs whole.
    static func escape(_ value: String, into out: inout String) {
        let utf8 = value.utf8
        guard needsEscaping(value) else {
            out += value
            return
        }
        var run = utf8.startIndex
        var index = run
        while index != utf8.endIndex {
            let entity: String? =
                switch utf8[index] {
                case 0x26: "&amp;"
                case 0x3C: "&lt;"
                case 0x3E: "&gt;"
                case 0x22: "&quot;"
                case 0x27: "&#39;"
                default: nil
                }
            if let entity {
                out += value[run..<index]
                out += entity
                run = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out += value[run..<utf8.endIndex]
    }

    /// Whether any of the five characters occurs: over the string's contiguous bytes (native strings always have
    /// them), which is many times faster than walking `utf8` index by index, and most text has none.
    static func needsEscaping(_ value: String) -> Bool {
        func special(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
        if let found = value.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) { return found }
        return value.utf8.contains(where: special)
    }
}
