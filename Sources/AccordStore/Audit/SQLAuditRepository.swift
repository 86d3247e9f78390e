import AccordCore
import Foundation
import SQLKit

public struct SQLAuditRepository: AuditRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    public func history(allianceID: UUID, limit: Int) async throws -> [AuditRecord] {
        try await database.read { db in
            try await db.raw(
                "SELECT * FROM audit_log WHERE alliance_id = \(bind: allianceID.canonicalText) ORDER BY seq DESC LIMIT \(bind: limit)"
            ).all().map(AuditLog.decode)
        }
    }

    public func recent(limit: Int) async throws -> [AuditRecord] {
        try await database.read { db in
            try await db.raw("SELECT * FROM audit_log ORDER BY seq DESC LIMIT \(bind: limit)").all().map(AuditLog.decode)
        }
    }

    public func headSequence() async throws -> Int64 {
        try await database.read { db in try await Self.head(db) }
    }

    /// The sequence number of the last audit row (0 before the first).
    static func head(_ db: any SQLDatabase) async throws -> Int64 {
        try await db.raw("SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1").first().map { try $0.int64("seq") } ?? 0
    }

    /// Recomputes every hash in order, in batches, and checks each row links to the one before.
    public func verify() async throws -> AuditVerification {
        var previous = AuditRecord.genesisHash
        var expectedSequence: Int64 = 1
        var checked = 0
        let batch = 1000
        while true {
            let rows = try await database.read { db in
                try await db.raw(
                    "SELECT * FROM audit_log WHERE seq >= \(bind: expectedSequence) ORDER BY seq LIMIT \(bind: batch)"
                ).all().map(AuditLog.decode)
            }
            for record in rows {
                if record.sequence != expectedSequence {
                    return AuditVerification(
                        checked: checked, firstBadSequence: expectedSequence,
                        reason: "row \(expectedSequence) is missing (the next row is \(record.sequence))")
                }
                if record.previousHash != previous {
                    return AuditVerification(
                        checked: checked, firstBadSequence: record.sequence,
                        reason: "row \(record.sequence) does not link to the hash of row \(record.sequence - 1)")
                }
                if AuditLog.digest(record.canonicalText) != record.hash {
                    return AuditVerification(
                        checked: checked, firstBadSequence: record.sequence,
                        reason: "row \(record.sequence) was altered: its content no longer matches its hash")
                }
                previous = record.hash
                expectedSequence += 1
                checked += 1
            }
            if rows.count < batch { break }
        }
        return AuditVerification(checked: checked)
    }
}
