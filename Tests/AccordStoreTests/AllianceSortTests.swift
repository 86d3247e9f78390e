import AccordCore
import Foundation
import Testing

@testable import AccordStore

/// Every portfolio sort, both directions, paged: the same order as sorting the alliances in memory by the column
/// (empty values first, as the list's expressions put them) and then by id in the same direction; and each sort but the partner's has an
/// index in the same expression, so the list walks it instead of sorting every alliance.
@Suite struct AllianceSortTests {
    @Test(arguments: TestDatabase.available)
    func everySortPagesInColumnThenIdOrder(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let w = try await AllianceStoreTests.world(store)
            let types = ["co_development", "licensing_in", "research_collaboration"]
            let phases = ["initiation", "development", "commercialization"]
            let statuses = ["active", "launching"]
            let tiers = ["tier_1", "tier_2", "tier_3"]
            for i in 0..<14 {
                var input = Fixtures.allianceInput(
                    ["Beta", "alpha", "Gamma", "delta"][i % 4] + " \(i % 5)", partner: i % 3 == 0 ? w.kanto : w.norvik)
                (input.type, input.phase, input.status, input.tier) = (types[i % 3], phases[i % 3], statuses[i % 2], tiers[(i / 2) % 3])
                input.effectiveDate = i % 4 == 0 ? nil : "2026-0\(1 + i % 3)-1\(i % 2)"
                (input.valueAmount, input.valueCurrency) = i % 5 == 0 ? (nil, nil) : ("\(1000 * (1 + i % 4))", "USD")
                _ = try await store.alliances.create(try input.validate(), by: Fixtures.actor)
            }
            let all = try await store.alliances.list(AllianceQuery()).total
            for sort in AllianceSort.allCases {
                for descending in [false, true] {
                    var query = AllianceQuery()
                    if sort == .value { query.phase = .development }  // a filter the index does not serve
                    (query.sort, query.descending, query.perPage) = (sort, descending, 5)
                    var listed: [AllianceSummary] = []
                    for page in 1...3 {
                        query.page = page
                        listed += try await store.alliances.list(query).items
                    }
                    #expect(listed.count == (sort == .value ? 5 : all), "\(sort): every alliance once")
                    let expected = listed.sorted { a, b in
                        let (x, y) = (Self.key(a, sort), Self.key(b, sort))
                        if x != y { return descending ? x > y : x < y }
                        let (i, j) = (a.alliance.id.canonicalText, b.alliance.id.canonicalText)
                        return descending ? i > j : i < j
                    }
                    #expect(listed.map(\.alliance.id) == expected.map(\.alliance.id), "\(sort) \(descending ? "desc" : "asc")")
                }
            }
        }
    }

    /// The column as the list's sort expression compares it (text compared as stored, empty values lowest).
    static func key(_ s: AllianceSummary, _ sort: AllianceSort) -> String {
        let a = s.alliance
        switch sort {
        case .name: return a.name.lowercased()
        case .partner: return s.partnerName.lowercased()
        case .type: return a.type.rawValue
        case .phase: return a.phase.rawValue
        case .status: return a.status.rawValue
        case .tier: return a.tier.rawValue
        case .effectiveDate: return a.effectiveDate?.description ?? "0000-00-00"
        case .value: return String(format: "%020lld", (a.value?.hundredths ?? -1) + 1)
        case .updated: return Timestamp.format(a.updatedAt)
        }
    }

    @Test func everySortButThePartnersHasItsIndex() {
        let indexed = Set(M0031_AddAllianceColumnSortIndexes.indexes.map(\.1) + ["lower(name)", "updated_at"])
        for sort in AllianceSort.allCases where sort != .partner {
            let expression = AllianceRows.sortExpression(sort).replacingOccurrences(of: "a.", with: "")
            #expect(indexed.contains(expression), "\(sort): \(expression)")
        }
    }
}
