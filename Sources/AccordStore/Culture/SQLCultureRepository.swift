import AccordCore
import Foundation
import SQLKit

/// Culture profiles and differences logs; each change audited in its transaction.
public struct SQLCultureRepository: CultureRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decodeProfile(_ row: any SQLRow) throws -> (UUID, CultureProfile) {
        let codes = try JSONDecoder().decode([String: Int].self, from: Data(try row.string("scores").utf8))
        let scores = Dictionary(uniqueKeysWithValues: codes.compactMap { k, v in CultureScale(rawValue: k).map { ($0, v) } })
        return (
            try row.uuid("id"),
            CultureProfile(
                organizationID: try row.uuid("organization_id"), scores: scores, timeZones: try row.optionalString("time_zones"),
                languages: try row.optionalString("languages"), workingNorms: try row.optionalString("working_norms"),
                version: try row.int("version"))
        )
    }

    static func decodeDifference(_ row: any SQLRow) throws -> CultureDifference {
        let valid = DifferenceInput.Valid(
            scale: try row.optionalChoice("scale"), difference: try row.string("difference"), risk: try row.string("risk"),
            leverage: try row.string("leverage"), ownerID: try row.uuid("owner_id"), status: try row.choice("status"),
            dueOn: try row.localDate("due_on"))
        return CultureDifference(
            id: try row.uuid("id"), organizationID: try row.uuid("organization_id"), valid: valid, version: try row.int("version"),
            createdAt: try row.date("created_at"))
    }

    public func profile(organizationID: UUID) async throws -> CultureProfile {
        try await database.read { db in
            try await db.raw("SELECT * FROM culture_profiles WHERE organization_id = \(bind: organizationID.canonicalText)").first()
                .map { try Self.decodeProfile($0).1 }
        } ?? .empty(organizationID)
    }

    public func saveProfile(_ profile: CultureProfile, expectedVersion: Int?, by actor: AuditActor) async throws -> CultureProfile {
        try await database.write(by: actor) { tx in
            guard try await SQLOrganizationRepository.find(profile.organizationID, in: tx.db) != nil else {
                throw DomainError.notFound("No such organisation.")
            }
            var existing: (UUID, CultureProfile)?
            let before = try await tx.lockedForUpdate(
                "culture_profiles", column: "organization_id", key: profile.organizationID.canonicalText, expected: expectedVersion,
                entity: "culture profile"
            ) { db in
                existing = try await db.raw(
                    "SELECT * FROM culture_profiles WHERE organization_id = \(bind: profile.organizationID.canonicalText)"
                ).first().map(Self.decodeProfile)
                return existing?.1 ?? .empty(profile.organizationID)
            }!
            var after = profile
            after.version = before.version + 1
            let id = existing?.0 ?? tx.newID()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let scores = String(decoding: try encoder.encode(after.scoreCodes), as: UTF8.self)
            if existing == nil {
                try await tx.db.raw(
                    """
                    INSERT INTO culture_profiles (id, organization_id, scores, time_zones, languages, working_norms, version, updated_at)
                    VALUES (\(bind: id.canonicalText), \(bind: after.organizationID.canonicalText), \(bind: scores), \(bind: after.timeZones),
                        \(bind: after.languages), \(bind: after.workingNorms), \(bind: after.version), \(bind: Timestamp.format(tx.now)))
                    """
                ).run()
            } else {
                try await tx.db.raw(
                    """
                    UPDATE culture_profiles SET scores = \(bind: scores), time_zones = \(bind: after.timeZones),
                        languages = \(bind: after.languages), working_norms = \(bind: after.workingNorms), version = \(bind: after.version),
                        updated_at = \(bind: Timestamp.format(tx.now))
                    WHERE id = \(bind: id.canonicalText)
                    """
                ).run()
            }
            try await tx.record(
                "culture_profile", id, existing == nil ? .create : .update, before: existing == nil ? nil : before, after: after)
            return after
        }
    }

    public func differences(organizationID: UUID) async throws -> [CultureDifference] {
        let rows = try await database.read { db in
            try await db.raw("SELECT * FROM culture_differences WHERE organization_id = \(bind: organizationID.canonicalText)").all()
                .map(Self.decodeDifference)
        }
        // Open entries first, then by due date (undated last), then by text.
        func key(_ d: CultureDifference) -> (Int, Int, Int, String) {
            (d.status.isOpen ? 0 : 1, d.dueOn == nil ? 1 : 0, d.dueOn?.dayNumber ?? 0, d.difference)
        }
        return rows.sorted { key($0) < key($1) }
    }

    public func difference(id: UUID) async throws -> CultureDifference? {
        try await database.read { db in
            try await db.raw("SELECT * FROM culture_differences WHERE id = \(bind: id.canonicalText)").first().map(Self.decodeDifference)
        }
    }

    public func createDifference(organizationID: UUID, _ valid: DifferenceInput.Valid, by actor: AuditActor) async throws
        -> CultureDifference
    {
        try await database.write(by: actor) { tx in
            let entry = CultureDifference(id: tx.newID(), organizationID: organizationID, valid: valid, createdAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO culture_differences (id, organization_id, scale, difference, risk, leverage, owner_id, status, due_on, version,
                    created_at, updated_at)
                VALUES (\(bind: entry.id.canonicalText), \(bind: organizationID.canonicalText), \(bind: entry.scale?.rawValue),
                    \(bind: entry.difference), \(bind: entry.risk), \(bind: entry.leverage), \(bind: entry.ownerID.canonicalText),
                    \(bind: entry.status.rawValue), \(bind: entry.dueOn?.description), \(bind: 1), \(bind: Timestamp.format(tx.now)),
                    \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("culture_difference", entry.id, .create, before: nil, after: entry)
            return entry
        }
    }

    public func updateDifference(_ id: UUID, _ valid: DifferenceInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws
        -> CultureDifference
    {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate(
                "culture_differences", id: id, expected: expectedVersion, entity: "difference", missing: "No such difference."
            ) { _ in
                try await tx.rowForUpdate("culture_differences", id: id).map(Self.decodeDifference)
            }
            var after = before
            after.apply(valid)
            after.version += 1
            try await tx.db.raw(
                """
                UPDATE culture_differences SET scale = \(bind: after.scale?.rawValue), difference = \(bind: after.difference),
                    risk = \(bind: after.risk), leverage = \(bind: after.leverage), owner_id = \(bind: after.ownerID.canonicalText),
                    status = \(bind: after.status.rawValue), due_on = \(bind: after.dueOn?.description), version = \(bind: after.version),
                    updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            try await tx.record("culture_difference", id, .update, before: before, after: after)
            return after
        }
    }
}
