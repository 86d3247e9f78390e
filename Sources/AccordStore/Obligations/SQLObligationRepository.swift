import AccordCore
import Foundation
import SQLKit

public struct SQLObligationRepository: ObligationRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decodeTrigger(_ row: any SQLRow) throws -> TriggerEvent {
        TriggerEvent(
            id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), name: try row.string("name"),
            occurredOn: try row.localDate("occurred_on"), version: try row.int("version"), createdAt: try row.date("created_at"))
    }

    static func decodeObligation(_ row: any SQLRow) throws -> Obligation {
        let due: DueRule
        if let trigger = try row.optionalUUID("trigger_id") {
            due = .afterTrigger(trigger, days: Int(try row.optionalInt64("offset_days") ?? 0))
        } else if let date = try row.localDate("due_on") {
            due = .fixed(date)
        } else {
            throw StoreError.unexpected("obligation without a due rule")
        }
        let currency = try row.optionalString("currency")
        let amount = try row.optionalInt64("amount_hundredths")
        return Obligation(
            id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), title: try row.string("title"), kind: try row.choice("kind"),
            direction: try row.choice("direction"), due: due, recurrence: try row.choice("recurrence"),
            recursUntil: try row.localDate("recurs_until"), openEnded: try row.bool("open_ended"), currency: currency,
            amount: currency.flatMap { c in amount.map { Money(hundredths: $0, currency: c) } }, notes: try row.optionalString("notes"),
            visibility: try row.choice("visibility"), version: try row.int("version"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }

    static func decodeExecution(_ row: any SQLRow) throws -> Execution {
        let currency = try row.optionalString("executed_currency")
        let amount = try row.optionalInt64("executed_hundredths")
        return Execution(
            obligationID: try row.uuid("obligation_id"), occurrence: Int(try row.int64("occurrence")), state: try row.choice("state"),
            executedAmount: currency.flatMap { c in amount.map { Money(hundredths: $0, currency: c) } },
            executedOn: try row.localDate("executed_on"), note: try row.optionalString("note"))
    }

    // MARK: Triggers

    public func triggers(allianceID: UUID) async throws -> [TriggerEvent] {
        try await database.read { db in
            try await db.raw("SELECT * FROM trigger_events WHERE alliance_id = \(bind: allianceID.canonicalText) ORDER BY created_at, id")
                .all().map(Self.decodeTrigger)
        }
    }

    public func triggers(allianceIDs: [UUID]?) async throws -> [TriggerEvent] {
        if allianceIDs?.isEmpty == true { return [] }
        var filter: SQLQueryString = ""
        if let allianceIDs { filter = " WHERE alliance_id IN " + bindList(allianceIDs.map(\.canonicalText)) }
        return try await database.read { db in
            try await db.raw("SELECT * FROM trigger_events\(filter) ORDER BY created_at, id").all().map(Self.decodeTrigger)
        }
    }

    public func saveTrigger(
        allianceID: UUID, id: UUID?, name: String, occurredOn: LocalDate?, expectedVersion: Int?, by actor: AuditActor
    ) async throws -> TriggerEvent {
        try await database.write(by: actor) { tx in
            let clash = try await tx.db.raw(
                """
                SELECT id FROM trigger_events WHERE alliance_id = \(bind: allianceID.canonicalText) AND lower(name) = \(bind: name.lowercased())
                """
            ).first()
            if let clash, try clash.uuid("id") != id {
                throw DomainError.invalid("name", "This alliance already has an event called \(name).")
            }
            guard let id else {
                let event = TriggerEvent(
                    id: tx.newID(), allianceID: allianceID, name: name, occurredOn: occurredOn, version: 1, createdAt: tx.now)
                try await tx.db.raw(
                    """
                    INSERT INTO trigger_events (id, alliance_id, name, occurred_on, version, created_at, updated_at)
                    VALUES (\(bind: event.id.canonicalText), \(bind: allianceID.canonicalText), \(bind: name), \(bind: occurredOn?.description),
                        \(bind: 1), \(bind: Timestamp.format(tx.now)), \(bind: Timestamp.format(tx.now)))
                    """
                ).run()
                try await tx.record("trigger_event", event.id, alliance: allianceID, .create, before: nil, after: event)
                return event
            }
            let before = try await tx.lockedForUpdate(
                "trigger_events", id: id, expected: expectedVersion, entity: "trigger event", missing: "No such trigger event."
            ) { _ in
                try await tx.rowForUpdate("trigger_events", id: id).map(Self.decodeTrigger)
            }
            guard before.allianceID == allianceID else { throw DomainError.notFound("No such trigger event.") }
            var after = before
            (after.name, after.occurredOn, after.version) = (name, occurredOn, before.version + 1)
            try await tx.db.raw(
                """
                UPDATE trigger_events SET name = \(bind: name), occurred_on = \(bind: occurredOn?.description),
                    version = \(bind: after.version), updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            try await tx.record("trigger_event", id, alliance: allianceID, .update, before: before, after: after)
            return after
        }
    }

    // MARK: Obligations

    public func obligations(allianceID: UUID) async throws -> [Obligation] {
        try await obligations(allianceIDs: [allianceID])
    }

    public func obligations(allianceIDs: [UUID]?) async throws -> [Obligation] {
        if allianceIDs?.isEmpty == true { return [] }
        var filter: SQLQueryString = ""
        if let allianceIDs { filter = " WHERE alliance_id IN " + bindList(allianceIDs.map(\.canonicalText)) }
        return try await database.read { db in
            try await db.raw("SELECT * FROM obligations\(filter) ORDER BY created_at, id").all().map(Self.decodeObligation)
        }
    }

    public func obligation(id: UUID) async throws -> Obligation? {
        try await database.read { db in
            try await db.raw("SELECT * FROM obligations WHERE id = \(bind: id.canonicalText)").first().map(Self.decodeObligation)
        }
    }

    /// The due rule's trigger must be one of the alliance's own events.
    static func checkTrigger(_ valid: ObligationInput.Valid, allianceID: UUID, in db: any SQLDatabase) async throws {
        guard case .afterTrigger(let trigger, _) = valid.due else { return }
        let row = try await db.raw("SELECT alliance_id FROM trigger_events WHERE id = \(bind: trigger.canonicalText)").first()
        guard let row, try row.uuid("alliance_id") == allianceID else {
            throw DomainError.invalid("triggerID", "Trigger must be one of this alliance's events.")
        }
    }

    static func columns(_ valid: ObligationInput.Valid) -> (due: String?, trigger: String?, offset: Int64?) {
        switch valid.due {
        case .fixed(let date): (date.description, nil, nil)
        case .afterTrigger(let id, let days): (nil, id.canonicalText, Int64(days))
        }
    }

    public func createObligation(allianceID: UUID, _ valid: ObligationInput.Valid, by actor: AuditActor) async throws -> Obligation {
        try await createObligations(allianceID: allianceID, [valid], by: actor)[0]
    }

    public func createObligations(allianceID: UUID, _ valid: [ObligationInput.Valid], by actor: AuditActor) async throws -> [Obligation] {
        try await database.write(by: actor) { tx in
            var created: [Obligation] = []
            for valid in valid {
                try await Self.checkTrigger(valid, allianceID: allianceID, in: tx.db)
                let item = Obligation(id: tx.newID(), allianceID: allianceID, valid: valid, createdAt: tx.now, updatedAt: tx.now)
                let c = Self.columns(valid)
                try await tx.db.raw(
                    """
                    INSERT INTO obligations (id, alliance_id, title, kind, direction, due_on, trigger_id, offset_days, recurrence,
                        recurs_until, open_ended, currency, amount_hundredths, notes, visibility, version, created_at, updated_at)
                    VALUES (\(bind: item.id.canonicalText), \(bind: allianceID.canonicalText), \(bind: item.title), \(bind: item.kind.rawValue),
                        \(bind: item.direction.rawValue), \(bind: c.due), \(bind: c.trigger), \(bind: c.offset),
                        \(bind: item.recurrence.rawValue), \(bind: item.recursUntil?.description), \(bind: item.openEnded),
                        \(bind: item.currency), \(bind: item.amount?.hundredths), \(bind: item.notes), \(bind: item.visibility.rawValue),
                        \(bind: 1), \(bind: Timestamp.format(tx.now)), \(bind: Timestamp.format(tx.now)))
                    """
                ).run()
                try await tx.record("obligation", item.id, alliance: allianceID, .create, before: nil, after: item)
                created.append(item)
            }
            return created
        }
    }

    public func updateObligation(_ id: UUID, _ valid: ObligationInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws
        -> Obligation
    {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate(
                "obligations", id: id, expected: expectedVersion, entity: "obligation", missing: "No such obligation."
            ) { _ in
                try await tx.rowForUpdate("obligations", id: id).map(Self.decodeObligation)
            }
            try await Self.checkTrigger(valid, allianceID: before.allianceID, in: tx.db)
            var after = before
            after.apply(valid)
            (after.version, after.updatedAt) = (before.version + 1, tx.now)
            let c = Self.columns(valid)
            try await tx.db.raw(
                """
                UPDATE obligations SET title = \(bind: after.title), kind = \(bind: after.kind.rawValue),
                    direction = \(bind: after.direction.rawValue), due_on = \(bind: c.due), trigger_id = \(bind: c.trigger),
                    offset_days = \(bind: c.offset), recurrence = \(bind: after.recurrence.rawValue),
                    recurs_until = \(bind: after.recursUntil?.description), open_ended = \(bind: after.openEnded),
                    currency = \(bind: after.currency), amount_hundredths = \(bind: after.amount?.hundredths), notes = \(bind: after.notes),
                    visibility = \(bind: after.visibility.rawValue), version = \(bind: after.version),
                    updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            try await tx.record("obligation", id, alliance: before.allianceID, .update, before: before, after: after)
            return after
        }
    }

    // MARK: Executions

    public func executions(obligationIDs: [UUID]) async throws -> [UUID: [Int: Execution]] {
        guard !obligationIDs.isEmpty else { return [:] }
        var result: [UUID: [Int: Execution]] = [:]
        for chunk in stride(from: 0, to: obligationIDs.count, by: 500).map({ Array(obligationIDs[$0..<min($0 + 500, obligationIDs.count)]) }
        ) {
            let rows = try await database.read { db in
                try await db.raw("SELECT * FROM obligation_executions WHERE obligation_id IN \(bindList(chunk.map(\.canonicalText)))").all()
                    .map(Self.decodeExecution)
            }
            for execution in rows { result[execution.obligationID, default: [:]][execution.occurrence] = execution }
        }
        return result
    }

    public func saveExecution(_ execution: Execution, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard let obligation = try await tx.rowForUpdate("obligations", id: execution.obligationID).map(Self.decodeObligation) else {
                throw DomainError.notFound("No such obligation.")
            }
            let key = (obligation: execution.obligationID.canonicalText, occurrence: Int64(execution.occurrence))
            let before = try await tx.db.raw(
                """
                SELECT * FROM obligation_executions WHERE obligation_id = \(bind: key.obligation) AND occurrence = \(bind: key.occurrence)
                """
            ).first().map(Self.decodeExecution)
            try await tx.db.raw(
                "DELETE FROM obligation_executions WHERE obligation_id = \(bind: key.obligation) AND occurrence = \(bind: key.occurrence)"
            ).run()
            try await tx.db.raw(
                """
                INSERT INTO obligation_executions (obligation_id, occurrence, state, executed_hundredths, executed_currency, executed_on,
                    note, updated_at)
                VALUES (\(bind: key.obligation), \(bind: key.occurrence), \(bind: execution.state.rawValue),
                    \(bind: execution.executedAmount?.hundredths), \(bind: execution.executedAmount?.currency),
                    \(bind: execution.executedOn?.description), \(bind: execution.note), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record(
                "obligation_execution", execution.obligationID, alliance: obligation.allianceID, before == nil ? .create : .update,
                before: before, after: execution)
        }
    }
}
