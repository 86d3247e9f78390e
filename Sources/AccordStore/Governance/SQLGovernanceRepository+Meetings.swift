import AccordCore
import Foundation
import SQLKit

extension SQLGovernanceRepository {
    static func decodeMeeting(_ row: any SQLRow) throws -> Meeting {
        guard let date = try row.localDate("meeting_date") else { throw StoreError.unexpected("meeting without a date") }
        func list(_ column: String) throws -> [String] {
            try JSONDecoder().decode([String].self, from: Data(try row.string(column).utf8))
        }
        return Meeting(
            id: try row.uuid("id"), bodyID: try row.uuid("body_id"), allianceID: try row.uuid("alliance_id"),
            title: try row.string("title"),
            date: date, startMinute: try row.int("start_minute"), location: try row.optionalString("location"), agenda: try list("agenda"),
            noticeOverride: try row.optionalString("notice_override"), minutes: try row.optionalString("minutes"),
            minutesStatus: try row.choice("minutes_status"), documents: try list("documents"), version: try row.int("version"),
            createdAt: try row.date("created_at"))
    }

    public func meetings(bodyIDs: [UUID]) async throws -> [Meeting] {
        guard !bodyIDs.isEmpty else { return [] }
        return try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM meetings WHERE body_id IN \(bindList(bodyIDs.map(\.canonicalText)))
                ORDER BY meeting_date, start_minute, id
                """
            ).all().map(Self.decodeMeeting)
        }
    }

    public func meeting(id: UUID) async throws -> Meeting? {
        try await database.read { db in
            try await db.raw("SELECT * FROM meetings WHERE id = \(bind: id.canonicalText)").first().map(Self.decodeMeeting)
        }
    }

    public func scheduleMeeting(_ body: GovernanceBody, _ valid: MeetingInput.Valid, by actor: AuditActor) async throws -> Meeting {
        try await database.write(by: actor) { tx in
            let meeting = Meeting(
                id: tx.newID(), bodyID: body.id, allianceID: body.allianceID, title: valid.title, date: valid.date,
                startMinute: valid.startMinute,
                location: valid.location, agenda: valid.agenda, noticeOverride: valid.noticeOverride, minutes: nil, minutesStatus: .none,
                documents: [], version: 1, createdAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO meetings (id, body_id, alliance_id, title, meeting_date, start_minute, location, agenda, notice_override,
                    minutes, minutes_status, documents, version, created_at, updated_at)
                VALUES (\(bind: meeting.id.canonicalText), \(bind: body.id.canonicalText), \(bind: body.allianceID.canonicalText),
                    \(bind: meeting.title), \(bind: meeting.date.description), \(bind: meeting.startMinute), \(bind: meeting.location),
                    \(bind: AuditChange.snapshot(meeting.agenda)), \(bind: meeting.noticeOverride), \(bind: nil as String?),
                    \(bind: MinutesStatus.none.rawValue), \(bind: "[]"), \(bind: 1), \(bind: Timestamp.format(tx.now)),
                    \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("meeting", meeting.id, alliance: body.allianceID, .create, before: nil, after: meeting)
            return meeting
        }
    }

    public func attendance(meetingID: UUID) async throws -> [UUID: Side] {
        try await database.read { db in
            var sides: [UUID: Side] = [:]
            for row in try await db.raw("SELECT * FROM meeting_attendance WHERE meeting_id = \(bind: meetingID.canonicalText)").all() {
                sides[try row.uuid("person_id")] = try row.choice("side")
            }
            return sides
        }
    }

    public func setAttendance(_ meetingID: UUID, personIDs: Set<UUID>, today: LocalDate, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard
                let meeting = try await tx.db.raw("SELECT * FROM meetings WHERE id = \(bind: meetingID.canonicalText)").first().map(
                    Self.decodeMeeting)
            else { throw DomainError.notFound("No such meeting.") }
            try meeting.requireHeld(on: today, field: "attendees", what: "Attendance")
            let members = try await tx.db.raw("SELECT * FROM body_members WHERE body_id = \(bind: meeting.bodyID.canonicalText)").all()
                .map(Self.decodeMember)
            let bySide = Dictionary(members.map { ($0.personID, $0.side) }, uniquingKeysWith: { a, _ in a })
            if personIDs.contains(where: { bySide[$0] == nil }) {
                throw DomainError.invalid("attendees", "Attendees must be members of the body.")
            }
            var before: [String] = []
            for row in try await tx.db.raw("SELECT person_id FROM meeting_attendance WHERE meeting_id = \(bind: meetingID.canonicalText)")
                .all()
            {
                before.append(try row.string("person_id"))
            }
            try await tx.db.raw("DELETE FROM meeting_attendance WHERE meeting_id = \(bind: meetingID.canonicalText)").run()
            for person in personIDs.sorted(by: { $0.canonicalText < $1.canonicalText }) {
                try await tx.db.raw(
                    """
                    INSERT INTO meeting_attendance (meeting_id, person_id, side)
                    VALUES (\(bind: meetingID.canonicalText), \(bind: person.canonicalText), \(bind: bySide[person]!.rawValue))
                    """
                ).run()
            }
            try await tx.record(
                AuditChange(
                    entity: "meeting_attendance", entityID: meetingID, allianceID: meeting.allianceID, action: .update,
                    before: AuditChange.snapshot(before.sorted()), after: AuditChange.snapshot(personIDs.map(\.canonicalText).sorted())))
        }
    }

    public func saveMinutes(
        _ meetingID: UUID, _ valid: MinutesInput.Valid, expectedVersion: Int?, today: LocalDate, by actor: AuditActor
    ) async throws -> Meeting {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate(
                "meetings", id: meetingID, expected: expectedVersion, entity: "meeting", missing: "No such meeting."
            ) { _ in
                try await tx.rowForUpdate("meetings", id: meetingID).map(Self.decodeMeeting)
            }
            if valid.status == .approved { try before.requireHeld(on: today, field: "status", what: "Approved minutes") }
            if before.minutesStatus == .approved, valid.status != .approved || valid.minutes != before.minutes {
                throw DomainError.conflict("These minutes are approved and can no longer change.")
            }
            var after = before
            (after.minutes, after.minutesStatus, after.documents) = (valid.minutes, valid.status, valid.documents)
            after.version += 1
            try await tx.db.raw(
                """
                UPDATE meetings SET minutes = \(bind: after.minutes), minutes_status = \(bind: after.minutesStatus.rawValue),
                    documents = \(bind: AuditChange.snapshot(after.documents)), version = \(bind: after.version),
                    updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: meetingID.canonicalText)
                """
            ).run()
            try await tx.record("meeting", meetingID, alliance: before.allianceID, .update, before: before, after: after)
            return after
        }
    }
}
