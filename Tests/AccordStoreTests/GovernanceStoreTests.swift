import AccordCore
import AccordStore
import Foundation
import Testing

@Suite struct GovernanceStoreTests {
    static func setup(_ store: Store) async throws -> (Alliance, [Person], [Person]) {
        let ours = try await Fixtures.organization(store, "Helix", kind: .ours)
        let partner = try await Fixtures.organization(store, "Norvik", kind: .partner)
        let alliance = try await store.alliances.create(try Fixtures.allianceInput("HX", partner: partner).validate(), by: Fixtures.actor)
        var a: [Person] = []
        var b: [Person] = []
        for i in 0..<3 {
            a.append(try await Fixtures.person(store, ours, "Ours \(i)"))
            b.append(try await Fixtures.person(store, partner, "Partner \(i)"))
        }
        return (alliance, a, b)
    }

    static func valid(_ name: String, parent: UUID? = nil, max: String = "2", visibility: Visibility = .shared) throws -> BodyInput.Valid {
        try BodyInput(
            name: name, kind: "steering_committee", parentID: parent?.uuidString, visibility: visibility.rawValue, maxMembersPerParty: max,
            decisionRule: "one_per_party",
            escalation: [EscalationStepInput(decidedBy: "Executives", days: "30", finalSay: "ours")]
        ).validate()
    }

    @Test(arguments: TestDatabase.available)
    func bodiesKeepTheirChartersParentsAndVersions(_ kind: TestDatabase) async throws {
        // Sequential ids: two bodies created in the same millisecond keep their creation order (created_at, id).
        try await kind.withStore(clock: .system, ids: .sequential()) { store in
            let (alliance, _, _) = try await Self.setup(store)
            let jsc = try await store.governance.createBody(allianceID: alliance.id, try Self.valid("JSC"), by: Fixtures.actor)
            let jdc = try await store.governance.createBody(
                allianceID: alliance.id, try Self.valid("JDC", parent: jsc.id), by: Fixtures.actor)
            #expect(try await store.governance.body(id: jdc.id)?.charter.escalation.first?.finalSay == .ours)
            #expect(try await store.governance.bodies(allianceID: alliance.id).map(\.name) == ["JSC", "JDC"])
            let before = try await Fixtures.auditCount(store)
            await #expect(throws: DomainError.self) {
                try await store.governance.updateBody(jsc.id, try Self.valid("JSC", parent: jdc.id), expectedVersion: 1, by: Fixtures.actor)
            }
            await #expect(throws: DomainError.self) {
                try await store.governance.createBody(allianceID: alliance.id, try Self.valid("X", parent: UUID()), by: Fixtures.actor)
            }
            await #expect(throws: DomainError.self) {
                try await store.governance.updateBody(jsc.id, try Self.valid("JSC 2"), expectedVersion: 9, by: Fixtures.actor)
            }
            #expect(try await Fixtures.auditCount(store) == before)
            let renamed = try await store.governance.updateBody(jsc.id, try Self.valid("JSC 2"), expectedVersion: 1, by: Fixtures.actor)
            #expect(renamed.version == 2 && renamed.name == "JSC 2")
            await #expect(throws: DomainError.self) { try await store.alliances.delete(alliance.id, by: Fixtures.actor) }
        }
    }

    @Test(arguments: TestDatabase.available)
    func membersAreLimitedByTheChartersMaximum(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (alliance, ours, partner) = try await Self.setup(store)
            let jsc = try await store.governance.createBody(allianceID: alliance.id, try Self.valid("JSC"), by: Fixtures.actor)
            _ = try await store.governance.addMember(jsc.id, personID: ours[0].id, side: .ours, role: .chair, by: Fixtures.actor)
            _ = try await store.governance.addMember(jsc.id, personID: ours[1].id, side: .ours, role: .member, by: Fixtures.actor)
            let before = try await Fixtures.auditCount(store)
            await #expect(throws: DomainError.self) {
                try await store.governance.addMember(jsc.id, personID: ours[2].id, side: .ours, role: .member, by: Fixtures.actor)
            }
            await #expect(throws: DomainError.self) {
                try await store.governance.addMember(jsc.id, personID: ours[0].id, side: .ours, role: .member, by: Fixtures.actor)
            }
            #expect(try await Fixtures.auditCount(store) == before)
            _ = try await store.governance.addMember(jsc.id, personID: ours[2].id, side: .ours, role: .secretary, by: Fixtures.actor)
            let member = try await store.governance.addMember(
                jsc.id, personID: partner[0].id, side: .partner, role: .coChair, by: Fixtures.actor)
            let members = try await store.governance.members(bodyIDs: [jsc.id])[jsc.id]!
            #expect(members.map(\.role) == [.chair, .coChair, .member, .secretary])
            try await store.governance.removeMember(member.id, from: jsc.id, by: Fixtures.actor)
            await #expect(throws: DomainError.self) { try await store.governance.removeMember(member.id, from: jsc.id, by: Fixtures.actor) }
            #expect(try await store.governance.members(bodyIDs: [jsc.id])[jsc.id]?.count == 3)
            await #expect(throws: DomainError.self) { try await store.people.delete(ours[2].id, by: Fixtures.actor) }
            #expect(try await store.audit.verify().intact)
        }
    }
}

@Suite struct MeetingStoreTests {
    @Test(arguments: TestDatabase.available)
    func meetingsAttendanceAndMinutes(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (alliance, ours, partner) = try await GovernanceStoreTests.setup(store)
            let jsc = try await store.governance.createBody(
                allianceID: alliance.id, try GovernanceStoreTests.valid("JSC"), by: Fixtures.actor)
            _ = try await store.governance.addMember(jsc.id, personID: ours[0].id, side: .ours, role: .chair, by: Fixtures.actor)
            _ = try await store.governance.addMember(jsc.id, personID: partner[0].id, side: .partner, role: .coChair, by: Fixtures.actor)
            let valid = try MeetingInput(title: "JSC Q1", date: "2027-03-01", time: "15:00", agenda: "Budget\nRisks")
                .validate(charter: jsc.charter, today: LocalDate("2026-11-30")!)
            let meeting = try await store.governance.scheduleMeeting(jsc, valid, by: Fixtures.actor)
            #expect(try await store.governance.meeting(id: meeting.id)?.agenda == ["Budget", "Risks"])
            #expect(try await store.governance.meetings(bodyIDs: [jsc.id]).map(\.time) == ["15:00"])
            let held = LocalDate("2027-03-01")!
            await #expect(throws: DomainError.self) {
                try await store.governance.setAttendance(meeting.id, personIDs: [ours[1].id], today: held, by: Fixtures.actor)
            }
            // Before the meeting day nothing about what happened there can be recorded.
            let attendees: Set<UUID> = [ours[0].id, partner[0].id]
            await #expect(throws: DomainError.self) {
                try await store.governance.setAttendance(meeting.id, personIDs: attendees, today: held.adding(days: -1), by: Fixtures.actor)
            }
            #expect(try await store.governance.attendance(meetingID: meeting.id).isEmpty)
            try await store.governance.setAttendance(meeting.id, personIDs: attendees, today: held, by: Fixtures.actor)
            #expect(try await store.governance.attendance(meetingID: meeting.id) == [ours[0].id: .ours, partner[0].id: .partner])
            let minutes = try MinutesInput(minutes: "Agreed the budget.", status: "approved", documents: "https://docs.example/jsc-q1.pdf")
                .validate()
            await #expect(throws: DomainError.self) {
                try await store.governance.saveMinutes(
                    meeting.id, minutes, expectedVersion: 1, today: held.adding(days: -1), by: Fixtures.actor)
            }
            let saved = try await store.governance.saveMinutes(meeting.id, minutes, expectedVersion: 1, today: held, by: Fixtures.actor)
            #expect(saved.minutesStatus == .approved && saved.documents == ["https://docs.example/jsc-q1.pdf"])
            let changed = try MinutesInput(minutes: "Rewritten.", status: "approved").validate()
            await #expect(throws: DomainError.self) {
                try await store.governance.saveMinutes(meeting.id, changed, expectedVersion: 2, today: held, by: Fixtures.actor)
            }
            #expect(throws: DomainError.self) { try MinutesInput(status: "approved").validate() }
            #expect(throws: DomainError.self) { try MinutesInput(minutes: "x", status: "draft", documents: "ftp://x").validate() }
            #expect(try await store.audit.verify().intact)
        }
    }
}

@Suite struct DecisionStoreTests {
    @Test(arguments: TestDatabase.available)
    func votesDecideAndLaterDecisionsSupersede(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (alliance, ours, partner) = try await GovernanceStoreTests.setup(store)
            let jsc = try await store.governance.createBody(
                allianceID: alliance.id, try GovernanceStoreTests.valid("JSC"), by: Fixtures.actor)
            _ = try await store.governance.addMember(jsc.id, personID: ours[0].id, side: .ours, role: .chair, by: Fixtures.actor)
            _ = try await store.governance.addMember(jsc.id, personID: partner[0].id, side: .partner, role: .coChair, by: Fixtures.actor)
            let day = LocalDate("2026-11-30")!
            let meeting = try await store.governance.scheduleMeeting(
                jsc, MeetingInput.Valid(title: "JSC", date: day, startMinute: 600, location: nil, agenda: [], noticeOverride: "test"),
                by: Fixtures.actor)
            let tabled = Date(timeIntervalSince1970: TimeInterval(day.adding(days: -7).dayNumber) * 86_400)
            let first = try await store.governance.proposeDecision(
                jsc, title: "Budget", details: nil, proposedAt: tabled, by: Fixtures.actor)
            let yes = [ours[0].id: Vote.approve, partner[0].id: Vote.approve]
            // Nobody attended yet: votes are refused and nothing changes.
            await #expect(throws: DomainError.self) {
                try await store.governance.recordVotes(first.id, meetingID: meeting.id, votes: yes, today: day, by: Fixtures.actor)
            }
            try await store.governance.setAttendance(meeting.id, personIDs: [ours[0].id, partner[0].id], today: day, by: Fixtures.actor)
            await #expect(throws: DomainError.self) {
                try await store.governance.recordVotes(
                    first.id, meetingID: meeting.id, votes: yes, today: day.adding(days: -1), by: Fixtures.actor)
            }
            let approved = try await store.governance.recordVotes(
                first.id, meetingID: meeting.id, votes: yes, today: day, by: Fixtures.actor)
            #expect(approved.status == .approved && approved.meetingID == meeting.id)
            #expect(try await store.governance.votes(decisionID: first.id).count == 2)
            let second = try await store.governance.proposeDecision(
                jsc, title: "Budget, revised", details: nil, proposedAt: tabled, by: Fixtures.actor)
            await #expect(throws: DomainError.self) { try await store.governance.supersede(first.id, by: first.id, actor: Fixtures.actor) }
            let old = try await store.governance.supersede(first.id, by: second.id, actor: Fixtures.actor)
            #expect(old.status == .superseded && old.supersededBy == second.id)
            #expect(try await store.governance.decision(id: first.id)?.status == .superseded)
            let split = [ours[0].id: Vote.approve, partner[0].id: Vote.reject]
            let stuck = try await store.governance.recordVotes(
                second.id, meetingID: meeting.id, votes: split, today: day, by: Fixtures.actor)
            #expect(stuck.status == .escalated && stuck.escalation?.deadline.description == "2026-12-30")
            #expect(try await store.audit.verify().intact)
        }
    }
}

@Suite struct GovernanceAttentionStoreTests {
    @Test(arguments: TestDatabase.available)
    func overdueItemsAndEscalationsAcrossAlliances(_ kind: TestDatabase) async throws {
        try await kind.withStore { store in
            let (alliance, ours, partner) = try await GovernanceStoreTests.setup(store)
            let jsc = try await store.governance.createBody(
                allianceID: alliance.id, try GovernanceStoreTests.valid("JSC"), by: Fixtures.actor)
            let day = LocalDate("2026-11-30")!
            for (title, due, status) in [
                ("Late", -2, ActionStatus.inProgress), ("Due today", 0, .planned), ("Done late", -5, .done), ("Dropped", -5, .dropped),
            ] {
                _ = try await store.governance.createActionItem(
                    allianceID: alliance.id,
                    ActionItemInput.Valid(
                        title: title, ownerID: ours[0].id, dueOn: day.adding(days: due), status: status, meetingID: nil, decisionID: nil,
                        visibility: .shared), by: Fixtures.actor)
            }
            func overdue(_ ids: [UUID]?, sharedOnly: Bool = false, limit: Int? = nil) async throws -> Page<ActionItem> {
                try await store.governance.overdueActionItems(allianceIDs: ids, before: day, sharedOnly: sharedOnly, limit: limit)
            }
            #expect(try await overdue(nil).items.map(\.title) == ["Late"])
            #expect(try await overdue([alliance.id]).items.count == 1)
            #expect(try await overdue([UUID()]).items.isEmpty)
            #expect(try await overdue([]).items.isEmpty)
            // Three more late, one of them internal: the first page of two counts all four, partners see three.
            for (title, due, visibility) in [("Later", -9, Visibility.shared), ("Latest", -20, .internal), ("Late too", -1, .shared)] {
                _ = try await store.governance.createActionItem(
                    allianceID: alliance.id,
                    ActionItemInput.Valid(
                        title: title, ownerID: ours[0].id, dueOn: day.adding(days: due), status: .planned, meetingID: nil, decisionID: nil,
                        visibility: visibility), by: Fixtures.actor)
            }
            let first = try await overdue(nil, limit: 2)
            #expect(first.items.map(\.title) == ["Latest", "Later"] && first.total == 4)
            let shared = try await overdue([alliance.id], sharedOnly: true, limit: 2)
            #expect(shared.items.map(\.title) == ["Later", "Late"] && shared.total == 3)
            #expect(try await store.governance.bodies(allianceIDs: [alliance.id]).map(\.id) == [jsc.id])
            #expect(try await store.governance.bodies(allianceIDs: nil).count == 1)

            _ = try await store.governance.addMember(jsc.id, personID: ours[0].id, side: .ours, role: .chair, by: Fixtures.actor)
            _ = try await store.governance.addMember(jsc.id, personID: partner[0].id, side: .partner, role: .coChair, by: Fixtures.actor)
            let meeting = try await store.governance.scheduleMeeting(
                jsc, MeetingInput.Valid(title: "JSC", date: day, startMinute: 600, location: nil, agenda: [], noticeOverride: "test"),
                by: Fixtures.actor)
            try await store.governance.setAttendance(meeting.id, personIDs: [ours[0].id, partner[0].id], today: day, by: Fixtures.actor)
            let tabled = Date(timeIntervalSince1970: TimeInterval(day.adding(days: -7).dayNumber) * 86_400)
            let decision = try await store.governance.proposeDecision(
                jsc, title: "Launch", details: nil, proposedAt: tabled, by: Fixtures.actor)
            // One meeting against a charter that asks for more: the body is a cadence candidate with its count.
            func candidates(_ ids: [UUID]?, sharedOnly: Bool = false) async throws -> [CadenceCandidate] {
                try await store.governance.cadenceCandidates(
                    allianceIDs: ids, from: day.adding(days: -365), through: day, sharedOnly: sharedOnly)
            }
            let found = try await candidates(nil)
            #expect(
                found.map(\.id) == [jsc.id] && found.first?.held == 1 && found.first?.minMeetingsPerYear == jsc.charter.minMeetingsPerYear)
            #expect(found.first?.name == "JSC" && found.first?.allianceID == alliance.id)
            #expect(try await candidates([UUID()]).isEmpty)
            #expect(try await store.governance.bodies(ids: [jsc.id, UUID()]).map(\.id) == [jsc.id])
            func escalations(on day: LocalDate, sharedOnly: Bool = false, limit: Int? = nil) async throws -> Page<Decision> {
                try await store.governance.overdueEscalations(allianceIDs: [alliance.id], on: day, sharedOnly: sharedOnly, limit: limit)
            }
            #expect(try await escalations(on: day.adding(days: 365)).total == 0)
            _ = try await store.governance.recordVotes(
                decision.id, meetingID: meeting.id, votes: [ours[0].id: .approve, partner[0].id: .reject], today: day, by: Fixtures.actor)
            let escalated = try await store.governance.decision(id: decision.id)
            let deadline = try #require(escalated?.escalation?.deadline)
            // Past its deadline the day after it, not on it; the column follows the ladder.
            #expect(try await escalations(on: deadline).total == 0)
            let late = try await escalations(on: deadline.adding(days: 1), limit: 5)
            #expect(late.items.map(\.id) == [decision.id] && late.total == 1)
            #expect(try await escalations(on: deadline.adding(days: 1), sharedOnly: true).total == 1)
            #expect(
                try await store.governance.overdueEscalations(allianceIDs: nil, on: deadline.adding(days: 1), sharedOnly: false, limit: 0)
                    .total == 1)
            // An internal body's escalations and its cadence are not among what partners are shown.
            _ = try await store.governance.updateBody(
                jsc.id, try GovernanceStoreTests.valid("JSC", visibility: .internal), expectedVersion: nil, by: Fixtures.actor)
            #expect(try await escalations(on: deadline.adding(days: 1), sharedOnly: true).total == 0)
            #expect(try await candidates(nil, sharedOnly: true).isEmpty)
            #expect(try await candidates(nil).count == 1)
        }
    }
}
