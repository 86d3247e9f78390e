import AccordCore
import Foundation
import Testing

@testable import AccordStore

/// The heat map's page of alliances with results reads the same page whether it starts from the waves (few such
/// alliances) or walks the alliances by name (many), on SQLite and PostgreSQL.
@Suite struct HeatMapPageStoreTests {
    @Test(arguments: TestDatabase.available)
    func bothWaysToThePageAgree(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (wave, _) = try await HealthStoreTests.wave(store)
            let after = LocalDate("2026-12-01")!
            let repository = SQLHealthRepository(database: store.database)
            for page in 1...2 {
                let fromWaves = try await repository.alliancesWithResults(today: after, page: page, perPage: 10, fewUpTo: 1_000)
                let byName = try await repository.alliancesWithResults(today: after, page: page, perPage: 10, fewUpTo: 0)
                #expect(fromWaves.items == byName.items && fromWaves.total == byName.total)
                #expect(fromWaves.items == (page == 1 ? [wave.allianceID] : []) && fromWaves.total == 1)
            }
            #expect(try await repository.alliancesWithResults(today: LocalDate("2026-11-15")!, page: 1, perPage: 10, fewUpTo: 0).total == 0)
        }
    }
}
