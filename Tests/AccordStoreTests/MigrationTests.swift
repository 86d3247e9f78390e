import AccordCore
import AccordStore
import Foundation
import SQLKit
import Testing

@Suite struct MigrationTests {
    /// Features declare their own migrations; together they number 0001, 0002, ... with no gap and no repeat, and
    /// the list runs them in that order.
    @Test func featuresNumberTheirMigrationsWithoutGapsOrRepeats() {
        let ids = AllMigrations.list.map(\.id)
        #expect(ids.count == StoreFeature.all.map(\.migrations.count).reduce(0, +))
        #expect(Set(ids).count == ids.count)
        for (index, id) in ids.enumerated() {
            #expect(id.hasPrefix(String(format: "%04d_", index + 1)), "migration \(index + 1) is \(id)")
        }
        #expect(Set(StoreFeature.all.map(\.name)).count == StoreFeature.all.count)
    }

    @Test(arguments: TestDatabase.available)
    func migrationsApplyOnceInOrderAndRevert(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let migrator = Migrator(database: store.database)
            #expect(try await migrator.applied() == AllMigrations.list.map(\.id))
            #expect(try await migrator.migrate(logger: TestDatabase.logger).isEmpty)
            let last = try await migrator.revertLast(logger: TestDatabase.logger)
            #expect(last == AllMigrations.list.last?.id)
            #expect(try await migrator.migrate(logger: TestDatabase.logger) == [last!])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFailingTransactionWritesNothing(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await store.database.write(by: Fixtures.actor) { tx in
                    try await tx.db.raw(
                        "INSERT INTO organizations (id, name, kind, version, created_at, updated_at) VALUES ('x', 'X', 'partner', 1, 'a', 'a')"
                    ).run()
                    throw Boom()
                }
            }
            let organizations = try await store.organizations.list()
            #expect(organizations.isEmpty)
        }
    }
}
