import AccordCore
import Foundation
import SQLKit

extension SQLGovernanceRepository {
    static func decodeActionItem(_ row: any SQLRow) throws -> ActionItem {
        guard let due = try row.localDate("due_on") else { throw StoreError.unexpected("action item without a due date") }
        return ActionItem(
            id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), title: try row.string("title"),
            ownerID: try row.uuid("owner_id"),
            dueOn: due, status: try row.choice("status"), meetingID: try row.optionalUUID("meeting_id"),
            decisionID: try row.optionalUUID("decision_id"), visibility: try row.choice("visibility"), version: try row.int("version"),
            createdAt: try row.date("created_at"))
    }

    public func actionItems(allianceID: UUID) async throws -> [ActionItem] {
        try await database.read { db in
            try await db.raw(
                "SELECT * FROM action_items WHERE alliance_id = \(bind: allianceID.canonicalText) ORDER BY due_on, created_at, id"
            )
            .all().map(Self.decodeActionItem)
        }
    }

    public func overdueActionItems(allianceIDs: [UUID]?, before day: LocalDate, sharedOnly: Bool, limit: Int?) async throws -> Page<
        ActionItem
    > {
        if allianceIDs?.isEmpty == true { return Page(items: [], total: 0, page: 1, perPage: limit ?? 1) }
        let open = [ActionStatus.planned, .inProgress].map(\.rawValue)
        var from: SQLQueryString = "FROM action_items WHERE due_on < \(bind: day.description) AND status IN \(bindList(open))"
        if sharedOnly { from = from + " AND visibility = \(bind: Visibility.shared.rawValue)" }
        from = from + Self.allianceFilter(allianceIDs, where: false)
        return try await database.read { [from] db in
            try await Self.first(limit, select: "*", from, order: "due_on, created_at, id", in: db, Self.decodeActionItem)
        }
    }

    public func actionItems(ownerID: UUID) async throws -> [ActionItem] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM action_items WHERE owner_id = \(bind: ownerID.canonicalText)
                ORDER BY CASE WHEN status IN ('planned', 'in_progress') THEN 0 ELSE 1 END, due_on, id
                """
            ).all().map(Self.decodeActionItem)
        }
    }

    public func actionItem(id: UUID) async throws -> ActionItem? {
        try await database.read { db in
            try await db.raw("SELECT * FROM action_items WHERE id = \(bind: id.canonicalText)").first().map(Self.decodeActionItem)
        }
    }

    public func createActionItem(allianceID: UUID, _ valid: ActionItemInput.Valid, by actor: AuditActor) async throws -> ActionItem {
        try await database.write(by: actor) { tx in
            let item = ActionItem(
                id: tx.newID(), allianceID: allianceID, title: valid.title, ownerID: valid.ownerID, dueOn: valid.dueOn,
                status: valid.status,
                meetingID: valid.meetingID, decisionID: valid.decisionID, visibility: valid.visibility, version: 1, createdAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO action_items (id, alliance_id, title, owner_id, due_on, status, meeting_id, decision_id, visibility, version,
                    created_at, updated_at)
                VALUES (\(bind: item.id.canonicalText), \(bind: allianceID.canonicalText), \(bind: item.title), \(bind: item.ownerID.canonicalText),
                    \(bind: item.dueOn.description), \(bind: item.status.rawValue), \(bind: item.meetingID?.canonicalText),
                    \(bind: item.decisionID?.canonicalText), \(bind: item.visibility.rawValue), \(bind: 1), \(bind: Timestamp.format(tx.now)),
                    \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("action_item", item.id, alliance: allianceID, .create, before: nil, after: item)
            return item
        }
    }

    public func updateActionItem(_ id: UUID, _ valid: ActionItemInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws
        -> ActionItem
    {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate(
                "action_items", id: id, expected: expectedVersion, entity: "action item", missing: "No such action item."
            ) { _ in
                try await tx.rowForUpdate("action_items", id: id).map(Self.decodeActionItem)
            }
            var after = before
            (after.title, after.ownerID, after.dueOn, after.status) = (valid.title, valid.ownerID, valid.dueOn, valid.status)
            (after.meetingID, after.decisionID, after.visibility) = (valid.meetingID, valid.decisionID, valid.visibility)
            after.version += 1
            try await tx.db.raw(
                """
                UPDATE action_items SET title = \(bind: after.title), owner_id = \(bind: after.ownerID.canonicalText),
                    due_on = \(bind: after.dueOn.description), status = \(bind: after.status.rawValue),
                    meeting_id = \(bind: after.meetingID?.canonicalText), decision_id = \(bind: after.decisionID?.canonicalText),
                    visibility = \(bind: after.visibility.rawValue), version = \(bind: after.version),
                    updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            try await tx.record("action_item", id, alliance: before.allianceID, .update, before: before, after: after)
            return after
        }
    }
}
