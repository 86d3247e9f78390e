import AccordCore
import Foundation
import SQLKit

extension SQLAllianceRepository {
    public func members(of allianceID: UUID) async throws -> [Membership] {
        try await database.read { db in try await Self.members(of: allianceID, in: db) }
    }

    static func members(of allianceID: UUID, in db: any SQLDatabase) async throws -> [Membership] {
        try await db.raw("SELECT * FROM memberships WHERE alliance_id = \(bind: allianceID.canonicalText) ORDER BY created_at, id")
            .all().map(AllianceRows.decodeMembership)
    }

    public func addMember(_ allianceID: UUID, personID: UUID, side: Side, role: MembershipRole, by actor: AuditActor) async throws
        -> Membership
    {
        try await database.write(by: actor) { tx in
            guard try await Self.find(allianceID, in: tx.db) != nil else { throw DomainError.notFound("No such alliance.") }
            let existing = try await Self.members(of: allianceID, in: tx.db)
            if existing.contains(where: { $0.personID == personID && $0.role == role }) {
                throw DomainError.invalid("personID", "This person is already on the team in that role.")
            }
            return try await Self.insertMember(allianceID, personID: personID, side: side, role: role, in: tx)
        }
    }

    public func removeMember(_ membershipID: UUID, from allianceID: UUID, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard let member = try await Self.members(of: allianceID, in: tx.db).first(where: { $0.id == membershipID }) else {
                throw DomainError.notFound("No such team member.")
            }
            if member.role == .executiveSponsor || member.role == .allianceManager {
                throw DomainError.conflict("Sponsors and alliance managers are set on the alliance itself; change them there.")
            }
            try await Self.removeMember(member, in: tx)
        }
    }

    public func allianceIDs(forPerson personID: UUID) async throws -> Set<UUID> {
        try await database.read { db in
            let rows = try await db.raw("SELECT DISTINCT alliance_id FROM memberships WHERE person_id = \(bind: personID.canonicalText)")
                .all()
            return Set(try rows.map { try $0.uuid("alliance_id") })
        }
    }

    static func insertMember(_ allianceID: UUID, personID: UUID, side: Side, role: MembershipRole, in tx: AuditedTransaction)
        async throws -> Membership
    {
        let member = Membership(id: tx.newID(), allianceID: allianceID, personID: personID, side: side, role: role, createdAt: tx.now)
        try await tx.db.raw(
            """
            INSERT INTO memberships (id, alliance_id, person_id, side, role, created_at)
            VALUES (\(bind: member.id.canonicalText), \(bind: allianceID.canonicalText), \(bind: personID.canonicalText),
                \(bind: side.rawValue), \(bind: role.rawValue), \(bind: Timestamp.format(tx.now)))
            """
        ).run()
        try await tx.record("membership", member.id, alliance: allianceID, .create, before: nil, after: member)
        return member
    }

    static func removeMember(_ member: Membership, in tx: AuditedTransaction) async throws {
        try await tx.db.raw("DELETE FROM memberships WHERE id = \(bind: member.id.canonicalText)").run()
        try await tx.record("membership", member.id, alliance: member.allianceID, .delete, before: member, after: nil as Membership?)
    }

    /// Sponsor and manager memberships follow the alliance's four named slots: added when named, removed when replaced.
    static func syncNamedMembers(_ alliance: Alliance, in tx: AuditedTransaction) async throws {
        let named = alliance.namedPeople
        let current = try await members(of: alliance.id, in: tx.db)
        for member in current where member.role == .executiveSponsor || member.role == .allianceManager {
            if !named.contains(where: { $0.personID == member.personID && $0.role == member.role && $0.side == member.side }) {
                try await removeMember(member, in: tx)
            }
        }
        for slot in named where !current.contains(where: { $0.personID == slot.personID && $0.role == slot.role }) {
            _ = try await insertMember(alliance.id, personID: slot.personID, side: slot.side, role: slot.role, in: tx)
        }
    }
}
