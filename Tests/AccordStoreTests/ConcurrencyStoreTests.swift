import AccordCore
import AccordStore
import Foundation
import Testing

/// Writers racing on one record or one invariant: exactly one wins, the others get a conflict (or a refusal) and
/// write nothing. Every versioned entity is raced, on SQLite and on PostgreSQL.
enum Race {
    static let writers = 12

    struct Outcome: Sendable, CustomStringConvertible {
        var wins = 0
        var conflicts = 0
        var refusals = 0
        var other: [String] = []
        var description: String { "wins \(wins), conflicts \(conflicts), refusals \(refusals), other \(other)" }
    }

    /// Starts `count` writers together; each gets its index. Conflicts and validation refusals are counted apart.
    static func run(_ count: Int = writers, _ write: @escaping @Sendable (Int) async throws -> Void) async -> Outcome {
        await withTaskGroup(of: Result<Void, any Error>.self) { group in
            for index in 0..<count {
                group.addTask {
                    do { return .success(try await write(index)) } catch { return .failure(error) }
                }
            }
            var outcome = Outcome()
            for await result in group {
                switch result {
                case .success: outcome.wins += 1
                case .failure(DomainError.conflict): outcome.conflicts += 1
                case .failure(DomainError.validation): outcome.refusals += 1
                case .failure(let error): outcome.other.append(String(describing: error))
                }
            }
            return outcome
        }
    }

    /// Races `count` writers all starting from `version`, and checks that one won and one audit row was written.
    static func expectOneWinner(
        _ store: Store, _ write: @escaping @Sendable (Int) async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await Fixtures.auditCount(store)
        let outcome = await run(writers, write)
        #expect(
            outcome.wins == 1 && outcome.conflicts == writers - 1 && outcome.other.isEmpty, "\(outcome)", sourceLocation: sourceLocation)
        #expect(try await Fixtures.auditCount(store) == before + 1, sourceLocation: sourceLocation)
    }
}

@Suite struct ConcurrencyStoreTests {
    @Test(arguments: TestDatabase.available)
    func directoryRecordsHaveExactlyOneWinner(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (alliance, ours, _) = try await GovernanceStoreTests.setup(store)
            try await Race.expectOneWinner(store) { index in
                var input = AllianceInput(alliance)
                input.description = "Writer \(index)"
                _ = try await store.alliances.update(alliance.id, try input.validate(), expectedVersion: 1, by: Fixtures.actor)
            }
            let stored = try await store.alliances.find(alliance.id)
            #expect(stored?.version == 2)
            let partner = try await store.organizations.find(alliance.partnerID)!
            try await Race.expectOneWinner(store) { index in
                var input = OrganizationInput(partner)
                input.country = "Country \(index)"
                _ = try await store.organizations.update(partner.id, try input.validate(), expectedVersion: 1, by: Fixtures.actor)
            }
            try await Race.expectOneWinner(store) { index in
                var input = PersonInput(ours[0])
                input.title = "Title \(index)"
                _ = try await store.people.update(ours[0].id, try input.validate(), expectedVersion: 1, by: Fixtures.actor)
            }
            let user = try await store.users.create(
                try UserInput(email: "m@helix.example", name: "Morgan", role: "alliance_manager").validate(), passwordHash: "h",
                by: Fixtures.actor)
            try await Race.expectOneWinner(store) { index in
                _ = try await store.users.update(
                    user.id, try UserInput(email: "m@helix.example", name: "Morgan \(index)", role: "alliance_manager").validate(),
                    expectedVersion: 1, by: Fixtures.actor)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func obligationsGovernanceAndIssuesHaveExactlyOneWinner(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (alliance, ours, partner) = try await GovernanceStoreTests.setup(store)
            let trigger = try await store.obligations.saveTrigger(
                allianceID: alliance.id, id: nil, name: "First sale", occurredOn: nil, expectedVersion: nil, by: Fixtures.actor)
            try await Race.expectOneWinner(store) { index in
                _ = try await store.obligations.saveTrigger(
                    allianceID: alliance.id, id: trigger.id, name: "First sale \(index)", occurredOn: nil, expectedVersion: 1,
                    by: Fixtures.actor)
            }
            let obligation = try await store.obligations.createObligation(
                allianceID: alliance.id,
                try ObligationInput(title: "Report", kind: "report", direction: "joint", dueOn: "2027-01-31").validate(triggers: []),
                by: Fixtures.actor)
            try await Race.expectOneWinner(store) { index in
                let valid = try ObligationInput(title: "Report \(index)", kind: "report", direction: "joint", dueOn: "2027-01-31")
                    .validate(triggers: [])
                _ = try await store.obligations.updateObligation(obligation.id, valid, expectedVersion: 1, by: Fixtures.actor)
            }
            let body = try await store.governance.createBody(
                allianceID: alliance.id, try GovernanceStoreTests.valid("JSC"), by: Fixtures.actor)
            try await Race.expectOneWinner(store) { index in
                _ = try await store.governance.updateBody(
                    body.id, try GovernanceStoreTests.valid("JSC \(index)"), expectedVersion: 1, by: Fixtures.actor)
            }
            let item = ActionItemInput.Valid(
                title: "Send data", ownerID: ours[0].id, dueOn: LocalDate("2027-01-10")!, status: .planned, meetingID: nil, decisionID: nil,
                visibility: .shared)
            let action = try await store.governance.createActionItem(allianceID: alliance.id, item, by: Fixtures.actor)
            try await Race.expectOneWinner(store) { index in
                var changed = item
                changed.title = "Send data \(index)"
                _ = try await store.governance.updateActionItem(action.id, changed, expectedVersion: 1, by: Fixtures.actor)
            }
            let pairInput = CounterpartInput.Valid(
                ourPersonID: ours[0].id, partnerPersonID: partner[0].id, level: .management, function: .research, cadence: .monthly,
                lastContact: nil, strength: 3, notes: nil)
            let pair = try await store.relationships.create(allianceID: alliance.id, pairInput, by: Fixtures.actor)
            try await Race.expectOneWinner(store) { index in
                var changed = pairInput
                changed.notes = "Writer \(index)"
                _ = try await store.relationships.update(pair.id, changed, expectedVersion: 1, by: Fixtures.actor)
            }
            _ = try await store.alliances.addMember(alliance.id, personID: ours[1].id, side: .ours, role: .member, by: Fixtures.actor)
            let issueInput = IssueInput.Valid(title: "Late data", details: nil, severity: .high, ownerID: ours[1].id, visibility: .shared)
            let issue = try await store.issues.create(
                allianceID: alliance.id, issueInput, raisedOn: LocalDate("2026-11-01")!, by: Fixtures.actor)
            try await Race.expectOneWinner(store) { index in
                var changed = issueInput
                changed.details = "Writer \(index)"
                _ = try await store.issues.update(issue.id, changed, expectedVersion: 1, by: Fixtures.actor)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func meetingsHealthPlaybooksAndCultureHaveExactlyOneWinner(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (wave, _) = try await HealthStoreTests.wave(store)
            let owner = try await store.people.list(organizationID: nil, text: nil, page: 1, perPage: 1).items[0]
            let actionInput = HealthActionInput.Valid(
                dimensionKey: "trust", title: "Reset norms", ownerID: owner.id, dueOn: LocalDate("2027-01-31")!, status: .planned)
            let action = try await store.health.createAction(wave, actionInput, by: Fixtures.actor)
            try await Race.expectOneWinner(store) { index in
                var changed = actionInput
                changed.title = "Reset norms \(index)"
                _ = try await store.health.updateAction(action.id, changed, expectedVersion: 1, by: Fixtures.actor)
            }
            // A playbook and a culture profile that are not stored yet (version 0) race on their first save.
            try await Race.expectOneWinner(store) { index in
                var edited = DefaultPlaybooks.playbook(.qualityAgreement)
                edited.checklists[.transition(.exit)] = ["Records archived \(index)"]
                _ = try await store.playbooks.save(edited, expectedVersion: 0, by: Fixtures.actor)
            }
            let partner = try await store.organizations.find(
                try #require(try await store.alliances.find(wave.allianceID)).partnerID)!
            try await Race.expectOneWinner(store) { index in
                var profile = CultureProfile.empty(partner.id)
                profile.workingNorms = "Writer \(index)"
                _ = try await store.culture.saveProfile(profile, expectedVersion: 0, by: Fixtures.actor)
            }
            try await Race.expectOneWinner(store) { index in
                var profile = CultureProfile.empty(partner.id)
                profile.workingNorms = "Second round \(index)"
                _ = try await store.culture.saveProfile(profile, expectedVersion: 1, by: Fixtures.actor)
            }
            let difference = try DifferenceInput(difference: "Consensus", risk: "Slow", leverage: "Pre-meet", owner: owner.id.uuidString)
                .validate(owners: [owner.id])
            let entry = try await store.culture.createDifference(organizationID: partner.id, difference, by: Fixtures.actor)
            try await Race.expectOneWinner(store) { index in
                var changed = difference
                changed.risk = "Slow \(index)"
                _ = try await store.culture.updateDifference(entry.id, changed, expectedVersion: 1, by: Fixtures.actor)
            }
            let body = try await store.governance.createBody(
                allianceID: wave.allianceID, try GovernanceStoreTests.valid("JSC"), by: Fixtures.actor)
            let meeting = try await store.governance.scheduleMeeting(
                body,
                try MeetingInput(title: "JSC Q1", date: "2027-03-01", agenda: "Budget").validate(
                    charter: body.charter, today: LocalDate("2026-11-30")!), by: Fixtures.actor)
            try await Race.expectOneWinner(store) { index in
                _ = try await store.governance.saveMinutes(
                    meeting.id, try MinutesInput(minutes: "Agreed \(index)", status: "draft").validate(), expectedVersion: 1,
                    today: LocalDate("2027-03-01")!, by: Fixtures.actor)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func administratorsDemotingEachOtherLeaveOneActive(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            var admins: [User] = []
            for name in ["Avery", "Blake", "Casey"] {
                admins.append(
                    try await store.users.create(
                        try UserInput(email: "\(name.lowercased())@helix.example", name: name, role: "administrator").validate(),
                        passwordHash: "h", by: Fixtures.actor))
            }
            let targets = admins
            let outcome = await Race.run(targets.count) { index in
                let user = targets[index]
                _ = try await store.users.update(
                    user.id, try UserInput(email: user.email, name: user.name, role: "executive").validate(), expectedVersion: 1,
                    by: Fixtures.actor)
            }
            #expect(outcome.wins == 2 && outcome.refusals == 1 && outcome.other.isEmpty, "\(outcome)")
            var active = 0
            for admin in admins where try await store.users.find(admin.id)?.role == .administrator { active += 1 }
            #expect(active == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aChartersMaximumHoldsUnderParallelSeats(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (alliance, ours, _) = try await GovernanceStoreTests.setup(store)
            let body = try await store.governance.createBody(
                allianceID: alliance.id, try GovernanceStoreTests.valid("JSC", max: "2"), by: Fixtures.actor)
            let people = ours
            let outcome = await Race.run(people.count) { index in
                _ = try await store.governance.addMember(
                    body.id, personID: people[index].id, side: .ours, role: .member, by: Fixtures.actor)
            }
            #expect(
                outcome.wins == 2 && outcome.wins + outcome.refusals + outcome.conflicts == people.count && outcome.other.isEmpty,
                "\(outcome)")
            #expect(try await store.governance.members(bodyIDs: [body.id])[body.id]?.count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func oneWaitingPhaseChangePerAllianceUnderParallelProposals(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (alliance, _, _) = try await GovernanceStoreTests.setup(store)
            let playbook = try await store.playbooks.playbook(.coDevelopment)
            let outcome = await Race.run { index in
                let valid = try LifecycleChangeInput(
                    toPhase: "commercialization", effectiveOn: "2027-01-01", reason: "Approval \(index)"
                ).validate(alliance, playbook: playbook)
                _ = try await store.lifecycle.propose(alliance, valid, by: Fixtures.actor)
            }
            #expect(outcome.wins == 1 && outcome.conflicts == Race.writers - 1 && outcome.other.isEmpty, "\(outcome)")
            #expect(try await store.lifecycle.pending(allianceIDs: [alliance.id]).count == 1)
        }
    }
}
