import AccordCore
import Foundation
import SQLKit

public struct SQLReminderRepository: ReminderRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    public func rules(obligationIDs: [UUID]) async throws -> [UUID: ReminderRule] {
        guard !obligationIDs.isEmpty else { return [:] }
        var result: [UUID: ReminderRule] = [:]
        for start in stride(from: 0, to: obligationIDs.count, by: 500) {
            let chunk = obligationIDs[start..<min(start + 500, obligationIDs.count)].map(\.canonicalText)
            let rows = try await database.read { db in
                try await db.raw("SELECT * FROM reminder_rules WHERE obligation_id IN \(bindList(chunk))").all()
            }
            for row in rows {
                let id = try row.uuid("obligation_id")
                result[id] = ReminderRule(
                    obligationID: id, recipients: try JSONDecoder().decode([UUID].self, from: Data(try row.string("recipients").utf8)),
                    leadDays: try JSONDecoder().decode([Int].self, from: Data(try row.string("lead_days").utf8)))
            }
        }
        return result
    }

    public func saveRule(_ obligationID: UUID, _ rule: ReminderRule?, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard let obligation = try await tx.rowForUpdate("obligations", id: obligationID) else {
                throw DomainError.notFound("No such obligation.")
            }
            let allianceID = try obligation.uuid("alliance_id")
            let before = try await rules(obligationIDs: [obligationID], in: tx.db)[obligationID]
            try await tx.db.raw("DELETE FROM reminder_rules WHERE obligation_id = \(bind: obligationID.canonicalText)").run()
            if let rule {
                try await tx.db.raw(
                    """
                    INSERT INTO reminder_rules (obligation_id, recipients, lead_days, updated_at)
                    VALUES (\(bind: obligationID.canonicalText), \(bind: AuditChange.snapshot(rule.recipients)),
                        \(bind: AuditChange.snapshot(rule.leadDays)), \(bind: Timestamp.format(tx.now)))
                    """
                ).run()
            }
            if before != rule {
                try await tx.record(
                    "reminder_rule", obligationID, alliance: allianceID, before == nil ? .create : (rule == nil ? .delete : .update),
                    before: before, after: rule)
            }
        }
    }

    func rules(obligationIDs: [UUID], in db: any SQLDatabase) async throws -> [UUID: ReminderRule] {
        var result: [UUID: ReminderRule] = [:]
        for row in try await db.raw("SELECT * FROM reminder_rules WHERE obligation_id IN \(bindList(obligationIDs.map(\.canonicalText)))")
            .all()
        {
            let id = try row.uuid("obligation_id")
            result[id] = ReminderRule(
                obligationID: id, recipients: try JSONDecoder().decode([UUID].self, from: Data(try row.string("recipients").utf8)),
                leadDays: try JSONDecoder().decode([Int].self, from: Data(try row.string("lead_days").utf8)))
        }
        return result
    }

    /// The claim is a row keyed by (obligation, occurrence, lead time, person): whoever's row is there made the claim.
    /// `ON CONFLICT DO NOTHING` lets a second server's insert pass without error and without effect.
    public func claim(_ reminder: DueReminder, notification: InAppNotification) async throws -> InAppNotification? {
        try await database.transaction { db in
            // A nonce, not a record id: always random, so two servers never hold the same claim token.
            let token = UUID().canonicalText
            let key = (
                reminder.obligationID.canonicalText, Int64(reminder.occurrence), Int64(reminder.leadDays), reminder.personID.canonicalText
            )
            try await db.raw(
                """
                INSERT INTO reminder_deliveries (obligation_id, occurrence, lead_days, person_id, claim, claimed_at)
                VALUES (\(bind: key.0), \(bind: key.1), \(bind: key.2), \(bind: key.3), \(bind: token),
                    \(bind: Timestamp.format(notification.createdAt)))
                ON CONFLICT DO NOTHING
                """
            ).run()
            let row = try await db.raw(
                """
                SELECT claim FROM reminder_deliveries
                WHERE obligation_id = \(bind: key.0) AND occurrence = \(bind: key.1) AND lead_days = \(bind: key.2) AND person_id = \(bind: key.3)
                """
            ).first()
            guard try row?.string("claim") == token else { return nil }
            try await db.raw(
                """
                INSERT INTO notifications (id, person_id, title, body, link, created_at, read_at)
                VALUES (\(bind: notification.id.canonicalText), \(bind: notification.personID.canonicalText), \(bind: notification.title),
                    \(bind: notification.body), \(bind: notification.link), \(bind: Timestamp.format(notification.createdAt)), NULL)
                """
            ).run()
            return notification
        }
    }

    public func notifications(personID: UUID, limit: Int) async throws -> [InAppNotification] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM notifications WHERE person_id = \(bind: personID.canonicalText)
                ORDER BY created_at DESC, id LIMIT \(bind: Int64(limit))
                """
            ).all().map { row in
                InAppNotification(
                    id: try row.uuid("id"), personID: try row.uuid("person_id"), title: try row.string("title"),
                    body: try row.string("body"),
                    link: try row.optionalString("link"), createdAt: try row.date("created_at"),
                    readAt: try row.optionalString("read_at").map(Timestamp.parse))
            }
        }
    }

    public func markRead(personID: UUID, at: Date) async throws {
        try await database.transaction { db in
            try await db.raw(
                "UPDATE notifications SET read_at = \(bind: Timestamp.format(at)) WHERE person_id = \(bind: personID.canonicalText) AND read_at IS NULL"
            ).run()
        }
    }
}
