import AccordCore
import Foundation
import SQLKit

/// Playbooks: a stored row once an administrator saved one, otherwise the shipped default.
public struct SQLPlaybookRepository: PlaybookRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    struct Stored: Encodable {
        let type: String
        let version: Int
        let document: PlaybookDocument
    }

    static func decode(_ row: any SQLRow, _ type: AllianceType) throws -> (id: UUID, playbook: Playbook) {
        let document = try JSONDecoder().decode(
            PlaybookDocument.self,
            from: Data(
                "{\"cells\":\(try row.string("cells")),\"checklists\":\(try row.string("checklists")),\"limits\":\(try row.string("limits"))}"
                    .utf8))
        return (try row.uuid("id"), document.playbook(type, version: try row.int("version")))
    }

    static func find(_ type: AllianceType, in db: any SQLDatabase) async throws -> (id: UUID, playbook: Playbook)? {
        try await db.raw("SELECT * FROM playbooks WHERE alliance_type = \(bind: type.rawValue)").first().map { try decode($0, type) }
    }

    public func playbook(_ type: AllianceType) async throws -> Playbook {
        try await database.read { db in try await Self.find(type, in: db)?.playbook } ?? DefaultPlaybooks.playbook(type)
    }

    public func save(_ playbook: Playbook, expectedVersion: Int?, by actor: AuditActor) async throws -> Playbook {
        try await database.write(by: actor) { tx in
            var existing: (id: UUID, playbook: Playbook)?
            let before = try await tx.lockedForUpdate(
                "playbooks", column: "alliance_type", key: playbook.type.rawValue, expected: expectedVersion, entity: "playbook"
            ) { db in
                existing = try await Self.find(playbook.type, in: db)
                return existing?.playbook ?? DefaultPlaybooks.playbook(playbook.type)
            }!
            var after = playbook
            after.version = before.version + 1
            let document = PlaybookDocument(after)
            let id = existing?.id ?? tx.newID()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let cells = String(decoding: try encoder.encode(document.cells), as: UTF8.self)
            let lists = String(decoding: try encoder.encode(document.checklists), as: UTF8.self)
            let limits = String(decoding: try encoder.encode(document.limits), as: UTF8.self)
            if existing == nil {
                try await tx.db.raw(
                    """
                    INSERT INTO playbooks (alliance_type, id, cells, checklists, limits, version, updated_at)
                    VALUES (\(bind: playbook.type.rawValue), \(bind: id.canonicalText), \(bind: cells), \(bind: lists), \(bind: limits),
                        \(bind: after.version), \(bind: Timestamp.format(tx.now)))
                    """
                ).run()
            } else {
                try await tx.db.raw(
                    """
                    UPDATE playbooks SET cells = \(bind: cells), checklists = \(bind: lists), limits = \(bind: limits),
                        version = \(bind: after.version),
                        updated_at = \(bind: Timestamp.format(tx.now))
                    WHERE alliance_type = \(bind: playbook.type.rawValue)
                    """
                ).run()
            }
            try await tx.record(
                "playbook", id, existing == nil ? .create : .update,
                before: Stored(type: before.type.rawValue, version: before.version, document: PlaybookDocument(before)),
                after: Stored(type: after.type.rawValue, version: after.version, document: document))
            return after
        }
    }
}
