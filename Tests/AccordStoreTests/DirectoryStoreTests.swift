import AccordCore
import AccordStore
import Foundation
import Testing

@Suite struct DirectoryStoreTests {
    @Test(arguments: TestDatabase.available)
    func organisationsAreCreatedUpdatedAndAudited(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let org = try await Fixtures.organization(store, "Norvik Biologics", kind: .partner)
            var input = OrganizationInput(org)
            input.country = "Norway"
            let updated = try await store.organizations.update(org.id, try input.validate(), expectedVersion: 1, by: Fixtures.actor)
            #expect(updated.version == 2 && updated.country == "Norway")
            let found = try await store.organizations.find(org.id)
            #expect(found?.version == 2 && found?.country == "Norway" && found?.name == updated.name)
            #expect(abs((found?.updatedAt ?? .distantPast).timeIntervalSince(updated.updatedAt)) < 0.001)
            #expect(try await Fixtures.auditCount(store) == 2)
            let records = try await store.audit.recent(limit: 1)
            #expect(records.first?.changedFields == [FieldChange(field: "country", before: "", after: "Norway")])
        }
    }

    @Test(arguments: TestDatabase.available)
    func staleVersionsConflictAndWriteNothing(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let org = try await Fixtures.organization(store, "Kanto Pharma", kind: .partner)
            let count = try await Fixtures.auditCount(store)
            await #expect(throws: DomainError.self) {
                try await store.organizations.update(org.id, try OrganizationInput(org).validate(), expectedVersion: 7, by: Fixtures.actor)
            }
            #expect(try await Fixtures.auditCount(store) == count)
        }
    }

    @Test(arguments: TestDatabase.available)
    func namesAreUniqueAndThereIsOneOurCompany(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            _ = try await Fixtures.organization(store, "Helix", kind: .ours)
            await #expect(throws: DomainError.invalid("kind", "Our company is already recorded; there can be only one.")) {
                try await Fixtures.organization(store, "Helix Two", kind: .ours)
            }
            await #expect(throws: DomainError.invalid("name", "An organisation named HELIX already exists.")) {
                try await Fixtures.organization(store, "HELIX", kind: .partner)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func peopleArePagedSearchedAndProtectedWhileInUse(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let org = try await Fixtures.organization(store, "Meridian", kind: .partner)
            for i in 0..<7 { _ = try await Fixtures.person(store, org, "Person \(i)") }
            let page = try await store.people.list(organizationID: org.id, text: nil, page: 2, perPage: 5)
            #expect(page.total == 7 && page.items.count == 2 && page.pageCount == 2)
            #expect(try await store.people.list(organizationID: nil, text: "person 3", page: 1, perPage: 5).total == 1)
            await #expect(throws: DomainError.self) { try await Fixtures.person(store, org, "Person 1") }  // duplicate email
            await #expect(throws: DomainError.self) { try await store.organizations.delete(org.id, by: Fixtures.actor) }
        }
    }

    @Test(arguments: TestDatabase.available)
    func unknownOrganisationIsAFieldError(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let input = PersonInput(
                organizationID: UUID().uuidString, name: "X", email: "x@example.com", function: "legal", level: "management")
            await #expect(throws: DomainError.invalid("organizationID", "Organisation is not a known organisation.")) {
                try await store.people.create(try input.validate(), by: Fixtures.actor)
            }
            let count = try await Fixtures.auditCount(store)
            #expect(count == 0)
        }
    }
}
