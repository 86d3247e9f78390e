import AccordCore
import AccordStore
import Foundation
import SQLKit
import Testing

@Suite struct AuditChainTests {
    static func seed(_ store: Store) async throws {
        for name in ["A", "B", "C", "D"] { _ = try await Fixtures.organization(store, "Org \(name)", kind: .partner) }
    }

    /// What an attacker with database rights would do first: remove the append-only triggers.
    static func dropGuards(_ store: Store) async throws {
        try await store.database.transaction { db in
            if store.database.kind == .sqlite {
                try await db.raw("DROP TRIGGER audit_log_no_update").run()
                try await db.raw("DROP TRIGGER audit_log_no_delete").run()
            } else {
                try await db.raw("DROP TRIGGER audit_log_no_change ON audit_log").run()
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func anIntactChainVerifies(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            try await Self.seed(store)
            let result = try await store.audit.verify()
            #expect(result == AuditVerification(checked: 4), "\(result)")
        }
    }

    @Test(arguments: TestDatabase.available)
    func theLogRefusesUpdatesAndDeletes(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            try await Self.seed(store)
            await #expect(throws: (any Error).self) {
                try await store.database.transaction { db in try await db.raw("UPDATE audit_log SET actor_name = 'x'").run() }
            }
            await #expect(throws: (any Error).self) {
                try await store.database.transaction { db in try await db.raw("DELETE FROM audit_log WHERE seq = 2").run() }
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func anEditedRowIsNamed(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            try await Self.seed(store)
            try await Self.dropGuards(store)
            try await store.database.transaction { db in
                try await db.raw("UPDATE audit_log SET after_json = '{\"name\":\"Forged\"}' WHERE seq = 3").run()
            }
            let result = try await store.audit.verify()
            #expect(result.firstBadSequence == 3 && result.checked == 2)
            #expect(result.reason?.contains("altered") == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aDeletedRowIsNamed(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            try await Self.seed(store)
            try await Self.dropGuards(store)
            try await store.database.transaction { db in try await db.raw("DELETE FROM audit_log WHERE seq = 2").run() }
            let result = try await store.audit.verify()
            #expect(result.firstBadSequence == 2)
            #expect(result.reason?.contains("missing") == true)
        }
    }
}
