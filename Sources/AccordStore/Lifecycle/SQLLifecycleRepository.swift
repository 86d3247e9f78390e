import AccordCore
import Foundation
import SQLKit

/// Phase changes and transitions: proposed, then completed (checklist, alliance and team in one transaction) or cancelled.
public struct SQLLifecycleRepository: LifecycleRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decode(_ row: any SQLRow) throws -> LifecycleChange {
        LifecycleChange(
            id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), fromPhase: try row.choice("from_phase"),
            toPhase: try row.choice("to_phase"), fromTransition: try row.optionalChoice("from_transition"),
            toTransition: try row.optionalChoice("to_transition"),
            effectiveOn: try row.localDate("effective_on") ?? LocalDate(dayNumber: 0),
            reason: try row.string("reason"), status: try row.choice("status"),
            checklist: try JSONDecoder().decode([ChecklistItem].self, from: Data(try row.string("checklist").utf8)),
            proposedBy: try row.string("proposed_by"), decidedBy: try row.optionalString("decided_by"), version: try row.int("version"),
            createdAt: try row.date("created_at"), decidedAt: try row.optionalString("decided_at").map(Timestamp.parse))
    }

    public func changes(allianceID: UUID) async throws -> [LifecycleChange] {
        try await database.read { db in
            try await db.raw(
                "SELECT * FROM lifecycle_changes WHERE alliance_id = \(bind: allianceID.canonicalText) ORDER BY created_at DESC, id"
            ).all().map(Self.decode)
        }
    }

    public func change(id: UUID) async throws -> LifecycleChange? {
        try await database.read { db in
            try await db.raw("SELECT * FROM lifecycle_changes WHERE id = \(bind: id.canonicalText)").first().map(Self.decode)
        }
    }

    public func pending(allianceIDs: [UUID]?) async throws -> [LifecycleChange] {
        if let ids = allianceIDs, ids.isEmpty { return [] }
        return try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM lifecycle_changes WHERE status = 'pending'\(SQLGovernanceRepository.allianceFilter(allianceIDs, where: false))
                ORDER BY created_at, id
                """
            ).all().map(Self.decode)
        }
    }

    public func propose(_ alliance: Alliance, _ valid: LifecycleChangeInput.Valid, by actor: AuditActor) async throws -> LifecycleChange {
        try await database.write(by: actor) { tx in
            guard try await tx.rowForUpdate("alliances", id: alliance.id) != nil,
                let current = try await SQLAllianceRepository.find(alliance.id, in: tx.db)
            else { throw DomainError.notFound("No such alliance.") }
            let open = try await tx.db.raw(
                "SELECT id FROM lifecycle_changes WHERE alliance_id = \(bind: alliance.id.canonicalText) AND status = 'pending'"
            ).first()
            if open != nil {
                throw DomainError.conflict("\(current.name) already has a phase change waiting: complete or cancel it first.")
            }
            if current.phase != alliance.phase || current.transition != alliance.transition {
                throw DomainError.conflict("\(current.name) changed phase meanwhile. Reload and try again.")
            }
            let change = LifecycleChange(
                id: tx.newID(), allianceID: alliance.id, fromPhase: current.phase, toPhase: valid.toPhase,
                fromTransition: current.transition,
                toTransition: valid.toTransition, effectiveOn: valid.effectiveOn, reason: valid.reason, status: .pending,
                checklist: valid.checklist, proposedBy: tx.actor.name, createdAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO lifecycle_changes (id, alliance_id, from_phase, to_phase, from_transition, to_transition, effective_on,
                    reason, status, checklist, proposed_by, version, created_at)
                VALUES (\(bind: change.id.canonicalText), \(bind: alliance.id.canonicalText), \(bind: change.fromPhase.rawValue),
                    \(bind: change.toPhase.rawValue), \(bind: change.fromTransition?.rawValue), \(bind: change.toTransition?.rawValue),
                    \(bind: change.effectiveOn.description), \(bind: change.reason), \(bind: change.status.rawValue),
                    \(bind: AuditChange.snapshot(change.checklist)), \(bind: change.proposedBy), \(bind: 1), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("lifecycle_change", change.id, alliance: alliance.id, .create, before: nil, after: change)
            return change
        }
    }

    /// Locks a pending change and returns it.
    static func pendingForUpdate(_ id: UUID, in tx: AuditedTransaction) async throws -> LifecycleChange {
        guard let change = try await tx.rowForUpdate("lifecycle_changes", id: id).map(decode) else {
            throw DomainError.notFound("No such phase change.")
        }
        guard change.status == .pending else { throw DomainError.conflict("This phase change is already \(change.status.rawValue).") }
        return change
    }

    static func decide(_ before: LifecycleChange, _ after: inout LifecycleChange, in tx: AuditedTransaction) async throws {
        (after.decidedBy, after.decidedAt, after.version) = (tx.actor.name, tx.now, before.version + 1)
        try await tx.db.raw(
            """
            UPDATE lifecycle_changes SET status = \(bind: after.status.rawValue), checklist = \(bind: AuditChange.snapshot(after.checklist)),
                decided_by = \(bind: after.decidedBy), decided_at = \(bind: Timestamp.format(tx.now)), version = \(bind: after.version)
            WHERE id = \(bind: after.id.canonicalText)
            """
        ).run()
        try await tx.record("lifecycle_change", after.id, alliance: after.allianceID, .update, before: before, after: after)
    }

    public func complete(_ id: UUID, checklist: [ChecklistItem], accepted: [TeamProposal], by actor: AuditActor) async throws
        -> LifecycleChange
    {
        try await database.write(by: actor) { tx in
            let before = try await Self.pendingForUpdate(id, in: tx)
            guard try await tx.rowForUpdate("alliances", id: before.allianceID) != nil,
                let alliance = try await SQLAllianceRepository.find(before.allianceID, in: tx.db)
            else { throw DomainError.notFound("No such alliance.") }
            if alliance.phase != before.fromPhase || alliance.transition != before.fromTransition {
                throw DomainError.conflict("\(alliance.name) is no longer in the phase this change starts from; cancel it and start again.")
            }
            var moved = alliance
            (moved.phase, moved.transition, moved.version, moved.updatedAt) = (
                before.toPhase, before.toTransition, alliance.version + 1, tx.now
            )
            try await SQLAllianceRepository.saveRow(moved, before: alliance, in: tx)
            try await Self.apply(accepted, to: alliance, in: tx)
            var after = before
            (after.status, after.checklist) = (.completed, checklist)
            try await Self.decide(before, &after, in: tx)
            return after
        }
    }

    /// Leaves first, so seats freed on a body count before anyone joins it.
    static func apply(_ proposals: [TeamProposal], to alliance: Alliance, in tx: AuditedTransaction) async throws {
        let stale = DomainError.conflict("The team changed while you reviewed the proposals. Reload and try again.")
        let members = try await SQLAllianceRepository.members(of: alliance.id, in: tx.db)
        for p in proposals where p.action == .leaveTeam {
            guard let member = members.first(where: { $0.id == p.membershipID }) else { throw stale }
            try await SQLAllianceRepository.removeMember(member, in: tx)
        }
        for p in proposals where p.action == .leaveBody {
            guard let id = p.bodyMemberID,
                let member = try await tx.db.raw("SELECT * FROM body_members WHERE id = \(bind: id.canonicalText)").first()
                    .map(SQLGovernanceRepository.decodeMember)
            else { throw stale }
            try await SQLGovernanceRepository.deleteMember(member, allianceID: alliance.id, in: tx)
        }
        for p in proposals where p.action == .joinTeam {
            if members.contains(where: { $0.personID == p.personID && $0.role == .member }) { throw stale }
            _ = try await SQLAllianceRepository.insertMember(alliance.id, personID: p.personID, side: p.side, role: .member, in: tx)
        }
        for p in proposals where p.action == .joinBody {
            guard let bodyID = p.bodyID,
                let body = try await tx.rowForUpdate("governance_bodies", id: bodyID).map(SQLGovernanceRepository.decodeBody),
                body.allianceID == alliance.id
            else { throw stale }
            _ = try await SQLGovernanceRepository.insertMember(body, personID: p.personID, side: p.side, role: .member, in: tx)
        }
    }

    public func cancel(_ id: UUID, by actor: AuditActor) async throws -> LifecycleChange {
        try await database.write(by: actor) { tx in
            let before = try await Self.pendingForUpdate(id, in: tx)
            var after = before
            after.status = .cancelled
            try await Self.decide(before, &after, in: tx)
            return after
        }
    }
}
