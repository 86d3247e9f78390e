import AccordMemberwise
import Foundation

/// One entry of a user's calendar feed: a meeting at a time, or a due date as an all-day event.
@Memberwise
public struct CalendarEvent: Sendable, Equatable {
    public enum When: Sendable, Equatable {
        /// Starts at `minute` after midnight UTC on `date` and lasts `minutes`.
        case timed(date: LocalDate, minute: Int, minutes: Int)
        case allDay(LocalDate)
    }

    /// Stable across feed refreshes, so calendars update an event rather than adding another.
    public var uid: String
    public var when: When
    public var summary: String
    public var details: String?
    public var location: String?
    public var url: String?
}

/// Writes an iCalendar (RFC 5545) document: CRLF line ends, text escaping (section 3.3.11) and lines folded at
/// 75 octets without splitting a UTF-8 character (section 3.1).
public enum ICalendar {
    public static func document(name: String, events: [CalendarEvent], stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Accord//Alliance governance//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name), "X-PUBLISHED-TTL:PT1H", "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        ]
        let dtstamp = "DTSTAMP:" + utc(stamp)
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + escape(event.uid), dtstamp]
            switch event.when {
            case .timed(let date, let minute, let minutes):
                let start = TimeInterval(date.dayNumber * 86_400 + minute * 60)
                lines.append("DTSTART:" + utc(Date(timeIntervalSince1970: start)))
                lines.append("DTEND:" + utc(Date(timeIntervalSince1970: start + TimeInterval(minutes * 60))))
            case .allDay(let date):
                lines.append("DTSTART;VALUE=DATE:" + compact(date))
                lines.append("DTEND;VALUE=DATE:" + compact(date.adding(days: 1)))
                lines.append("TRANSP:TRANSPARENT")
            }
            lines.append("SUMMARY:" + escape(event.summary))
            if let details = event.details { lines.append("DESCRIPTION:" + escape(details)) }
            if let location = event.location { lines.append("LOCATION:" + escape(location)) }
            if let url = event.url { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Backslash, semicolon, comma and newlines escaped; other control characters dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Splits a content line into lines of at most 75 octets; continuation lines start with a space.
    public static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                (current, octets) = ("", 0)
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }

    static func compact(_ date: LocalDate) -> String {
        String(format: "%04d%02d%02d", date.year, date.month, date.day)
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
