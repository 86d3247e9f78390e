import AccordMemberwise
import Foundation

public enum MinutesStatus: String, Labeled {
    case none, draft, approved

    public var label: String {
        switch self {
        case .none: "No minutes yet"
        case .draft: "Draft minutes"
        case .approved: "Approved minutes"
        }
    }
}

/// A meeting of a body: when, where, the agenda, and whether it keeps the charter's notice period.
@Memberwise
public struct MeetingInput: Sendable, Equatable {
    public var title: String?
    public var date: String?
    public var time: String?
    public var location: String?
    public var agenda: String?
    /// Why the meeting is called inside the notice period; required to do so.
    public var noticeOverride: String?

    @Memberwise
    public struct Valid: Sendable, Equatable {
        public var title: String
        public var date: LocalDate
        /// Minutes after midnight UTC.
        public var startMinute: Int
        public var location: String?
        public var agenda: [String]
        public var noticeOverride: String?
    }

    /// Checks the fields and the notice period: a date sooner than `today + noticeDays` needs a stated override.
    public func validate(charter: Charter, today: LocalDate) throws(DomainError) -> Valid {
        var v = Validator()
        let title = v.text(title, "title", "Title", max: 160)
        let date = v.optionalDate(date, "date", "Date")
        if date == nil, (self.date ?? "").isEmpty { v.add("date", "Date is required.") }
        var minute = 9 * 60
        let time = (self.time ?? "").trimmingCharacters(in: .whitespaces)
        if !time.isEmpty {
            let parts = time.split(separator: ":")
            if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) {
                minute = h * 60 + m
            } else {
                v.add("time", "Time must be HH:MM (24-hour, UTC).")
            }
        }
        let location = v.optionalText(location, "location", "Location", max: 200)
        let agenda = (agenda ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        if agenda.count > 40 { v.add("agenda", "An agenda has at most 40 items.") }
        if agenda.contains(where: { $0.count > 300 || Validator.hasControlCharacters($0) }) {
            v.add("agenda", "Agenda items must be at most 300 characters each.")
        }
        let override = v.optionalText(noticeOverride, "noticeOverride", "Reason for short notice", max: 300)
        if let date {
            if date < today { v.add("date", "A meeting cannot be scheduled in the past.") }
            let earliest = today.adding(days: charter.noticeDays)
            if date >= today, date < earliest, override == nil {
                v.add(
                    "noticeOverride",
                    "The charter asks for \(charter.noticeDays) days' notice (on or after \(earliest)); give a reason to schedule sooner.")
            }
        }
        try v.check()
        return Valid(title: title, date: date!, startMinute: minute, location: location, agenda: agenda, noticeOverride: override)
    }
}

/// A scheduled meeting of a body, with its agenda and minutes. Attendance is kept beside it.
@Memberwise
public struct Meeting: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var bodyID: UUID
    public var allianceID: UUID
    public var title: String
    public var date: LocalDate
    public var startMinute: Int
    public var location: String?
    public var agenda: [String]
    public var noticeOverride: String?
    public var minutes: String?
    public var minutesStatus: MinutesStatus
    public var documents: [String]
    public var version: Int
    public var createdAt: Date

    public var time: String { String(format: "%02d:%02d", startMinute / 60, startMinute % 60) }

    /// Attendance, votes and approved minutes belong to a meeting that has taken place (today counts).
    public func requireHeld(on today: LocalDate, field: String, what: String) throws(DomainError) {
        if date > today {
            throw DomainError.invalid(field, "\(what) can be recorded once the meeting has taken place (on \(date)).")
        }
    }
}

/// Minutes and document links as typed.
@Memberwise
public struct MinutesInput: Sendable, Equatable {
    public var minutes: String?
    public var status: String?
    public var documents: String?

    @Memberwise
    public struct Valid: Sendable, Equatable {
        public var minutes: String?
        public var status: MinutesStatus
        public var documents: [String]
    }

    /// Approved minutes need text; every document is an http(s) link.
    public func validate() throws(DomainError) -> Valid {
        var v = Validator()
        let text = v.optionalText(minutes, "minutes", "Minutes", max: 20_000)
        let status: MinutesStatus = v.choice(status, "status", "Minutes status") ?? .none
        if status != .none, text == nil { v.add("minutes", "Write the minutes before marking them \(status.rawValue).") }
        let links = (documents ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        if links.count > 20 { v.add("documents", "At most 20 document links.") }
        for link in links where !(link.hasPrefix("https://") || link.hasPrefix("http://")) || link.count > 500 || link.contains(" ") {
            v.add("documents", "Document links must start with https:// or http:// (\(link.prefix(60))).")
            break
        }
        try v.check()
        return Valid(minutes: text, status: status, documents: links)
    }
}
