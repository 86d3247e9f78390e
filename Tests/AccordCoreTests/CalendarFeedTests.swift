import AccordCore
import Foundation
import Testing

@Suite struct CalendarFeedTests {
    let stamp = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func meetingsAreTimedInUTCAndDueDatesAreAllDay() {
        let text = ICalendar.document(
            name: "Accord: Dana",
            events: [
                CalendarEvent(
                    uid: "meeting-1@accord", when: .timed(date: LocalDate("2027-03-01")!, minute: 23 * 60 + 30, minutes: 120),
                    summary: "JSC: Quarterly", details: "Agenda:\n- Budget", location: "Tokyo", url: "https://accord.example/m/1"),
                CalendarEvent(uid: "action-1@accord", when: .allDay(LocalDate("2027-12-31")!), summary: "Due: Forecast"),
            ], stamp: stamp)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.contains("END:VCALENDAR") && text.hasSuffix("\r\n"))
        // 23:30 plus two hours crosses midnight.
        #expect(lines.contains("DTSTART:20270301T233000Z") && lines.contains("DTEND:20270302T013000Z"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20271231") && lines.contains("DTEND;VALUE=DATE:20280101"))
        #expect(lines.contains("DESCRIPTION:Agenda:\\n- Budget") && lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
        #expect(lines.filter { $0.hasPrefix("DTSTAMP:") }.count == 2)
    }

    @Test func textIsEscapedAndLongLinesFoldWithoutSplittingCharacters() {
        #expect(ICalendar.escape("a,b;c\\d\ne\r\u{7}") == "a\\,b\\;c\\\\d\\ne")
        let long = "SUMMARY:" + String(repeating: "é", count: 100)
        let folded = ICalendar.fold(long)
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.count > 1 && pieces.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 })
        #expect(pieces.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == long)
        #expect(ICalendar.fold("SHORT:x") == "SHORT:x")
    }
}
