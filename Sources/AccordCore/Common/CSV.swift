import Foundation

/// RFC 4180 CSV: fields separated by commas, optionally quoted with "", "" inside quotes for a quote, CRLF or LF
/// line ends. A leading byte-order mark is ignored; blank lines are skipped.
public enum CSV {
    /// True when the text, or any part of it after a separator, begins with a formula trigger.
    static func startsFormula(_ text: String) -> Bool {
        let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]
        let separators: Set<Character> = [",", ";", "\t"]
        var atStart = true
        for character in text {
            if atStart, triggers.contains(character) {
                return true
            }
            atStart = separators.contains(character) || (atStart && character == " ")
        }
        return false
    }

    /// One RFC 4180 cell. A spreadsheet may split a cell again at `;` or a tab (locales that use them as the
    /// separator), so a formula trigger (=, +, -, @, tab, CR) at the start of the cell or right after a `,` `;` or
    /// tab anywhere in it makes the cell a quoted text cell prefixed with ' (a plain number such as -5 stays as it
    /// is). Cells with a comma, semicolon, tab, quote or line break are quoted.
    public static func field(_ text: String) -> String {
        var value = text
        let risky = Double(value) == nil && startsFormula(value)
        if risky { value = "'" + value }
        guard risky || value.contains(where: { ",;\t\"\n\r".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A line of cells.
    public static func row(_ cells: [String]) -> String { cells.map(field).joined(separator: ",") }

    public struct Malformed: Error, Equatable {
        /// The 1-based line where the record starts.
        public let line: Int
        public let message: String
    }

    /// The records with the line each starts on.
    public static func parse(_ text: String) throws(Malformed) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if chars.last != "\n" { chars.append("\n") }
        var i = 0
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            (fields, field, afterQuote) = ([], "", false)
        }
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
            } else {
                switch c {
                case ",":
                    fields.append(field)
                    (field, afterQuote) = ("", false)
                case "\r\n", "\n", "\r":
                    endRecord()
                    line += 1
                    recordLine = line
                case "\"":
                    guard field.isEmpty, !afterQuote else {
                        throw Malformed(line: line, message: "A quote in the middle of an unquoted field; quote the whole field.")
                    }
                    quoted = true
                default:
                    if afterQuote { throw Malformed(line: line, message: "Text after a closing quote; put the whole field in quotes.") }
                    field.append(c)
                }
            }
            i += 1
        }
        if quoted { throw Malformed(line: recordLine, message: "A quoted field is never closed.") }
        return records
    }
}
