import AccordCore
import Foundation
import Testing

/// Playbooks, stage gates, coverage and the proposals a phase change makes.
@Suite struct LifecycleTests {
    let ours = UUID()
    let partner = UUID()

    func alliance(_ type: AllianceType = .coDevelopment, phase: LifecyclePhase = .development, transition: LifecycleTransition? = nil)
        -> Alliance
    {
        let valid = AllianceInput.Valid(
            name: "Test alliance", partnerID: partner, type: type, status: .active, phase: phase, transition: transition, tier: .tier1,
            ourSponsorID: nil, ourManagerID: nil, partnerSponsorID: nil, partnerManagerID: nil, products: nil, territories: nil,
            effectiveDate: nil, termEndDate: nil, renewalNoticeDate: nil, value: nil, description: nil, internalNotes: nil)
        return Alliance(id: UUID(), valid: valid, createdAt: Date(), updatedAt: Date())
    }

    func person(_ name: String, _ function: BusinessFunction, _ side: Side, level: Level = .management) -> Person {
        Person(
            id: UUID(), organizationID: side == .ours ? ours : partner, name: name, email: "\(name.lowercased())@example.com", title: nil,
            function: function, level: level, createdAt: Date(), updatedAt: Date())
    }

    func seat(_ p: Person, _ a: Alliance, _ side: Side, role: MembershipRole = .member) -> TeamSeat {
        TeamSeat(
            membership: Membership(id: UUID(), allianceID: a.id, personID: p.id, side: side, role: role, createdAt: Date()), person: p)
    }

    @Test func everyTypeShipsAPlaybookThatNeedsSomeoneInEveryPhaseAndAChecklistAtEveryGate() {
        for type in AllianceType.allCases {
            let playbook = DefaultPlaybooks.playbook(type)
            #expect(playbook.isDefault)
            for phase in LifecyclePhase.allCases {
                #expect(!playbook.needed(in: phase).isEmpty, "\(type) \(phase)")
                #expect(!playbook.steering(in: phase).isEmpty, "\(type) \(phase)")
            }
            for gate in LifecycleGate.all { #expect(!playbook.checklist(gate).isEmpty, "\(type) \(gate)") }
        }
        let rd = DefaultPlaybooks.playbook(.coDevelopment)
        #expect(rd.steering(in: .commercialization) == [.supplyChain, .commercial, .finance])
        #expect(rd.involvement(.commercialization, .research) == nil)
    }

    @Test func playbookInputRoundTripsAndNamesUnknownPhasesFunctionsAndValues() throws {
        let shipped = DefaultPlaybooks.playbook(.supplyManufacturing)
        let again = try PlaybookInput(shipped).validate(type: .supplyManufacturing)
        #expect(again.cells == shipped.cells && again.checklists == shipped.checklists)
        #expect(PlaybookDocument(shipped).playbook(.supplyManufacturing, version: 0) == shipped)
        var input = PlaybookInput(cells: [
            "commercialization.marketing": "responsible", "someday.finance": "informed", "development.finance": "sometimes",
            "development.alliance_management": "accountable",
        ])
        input.checklists["launch"] = "Ready"
        input.checklists["exit"] = (1...21).map { "Item \($0)" }.joined(separator: "\n")
        let error = #expect(throws: DomainError.self) { try input.validate(type: .coDevelopment) }
        let fields = Set(error?.fieldErrors.map(\.field) ?? [])
        #expect(
            fields == [
                "cells.commercialization.marketing", "cells.someday.finance", "cells.development.finance",
                "cells.development.alliance_management", "checklists.launch", "checklists.exit",
            ])
        #expect(error?.fieldErrors.first { $0.field == "cells.commercialization.marketing" }?.message.contains("Unknown function") == true)
        let blank = #expect(throws: DomainError.self) {
            try PlaybookInput(cells: ["development.finance": "", "initiation.legal": "none", "initiation.finance": "accountable"])
                .validate(type: .other)
        }
        #expect(blank?.fieldErrors.map(\.field) == ["cells.development", "cells.commercialization"])
    }

    @Test func aChangeTakesTheChecklistsOfTheGatesItPasses() throws {
        let a = alliance(phase: .development)
        let playbook = DefaultPlaybooks.playbook(a.type)
        let valid = try LifecycleChangeInput(
            toPhase: "commercialization", toTransition: "start_up", effectiveOn: "2026-12-01", reason: "Launch"
        )
        .validate(a, playbook: playbook)
        #expect(valid.checklist.map(\.text) == playbook.checklist(.phase(.commercialization)) + playbook.checklist(.transition(.startUp)))
        #expect(Set(valid.checklist.map(\.gate)) == ["commercialization", "start_up"])
        let reset = try LifecycleChangeInput(toPhase: "development", toTransition: "reset", effectiveOn: "2026-12-01", reason: "Reset")
            .validate(a, playbook: playbook)
        #expect(reset.checklist.map(\.gate) == Array(repeating: "reset", count: playbook.checklist(.transition(.reset)).count))
        let same = #expect(throws: DomainError.self) {
            try LifecycleChangeInput(toPhase: "development", effectiveOn: "2026-12-01", reason: "No-op").validate(a, playbook: playbook)
        }
        #expect(same?.fieldErrors.map(\.field) == ["toPhase"])
        let bad = #expect(throws: DomainError.self) {
            try LifecycleChangeInput(toPhase: "launch", toTransition: "pause", effectiveOn: "2026-02-30", reason: " ").validate(
                a, playbook: playbook)
        }
        #expect(Set(bad?.fieldErrors.map(\.field) ?? []) == ["toPhase", "toTransition", "effectiveOn", "reason"])
    }

    func pending(_ items: [String]) -> LifecycleChange {
        LifecycleChange(
            id: UUID(), allianceID: UUID(), fromPhase: .development, toPhase: .commercialization, fromTransition: nil, toTransition: nil,
            effectiveOn: LocalDate("2026-12-01")!, reason: "Launch", status: .pending,
            checklist: items.map { ChecklistItem(gate: "commercialization", text: $0) }, proposedBy: "Dana", createdAt: Date())
    }

    @Test func completingNeedsEveryItemDoneOrWaivedWithAReason() throws {
        let change = pending(["Launch decision", "Leads named", "Reporting"])
        let error = #expect(throws: DomainError.self) {
            try CompletionInput(done: [0], waivers: [1: "   "]).validate(change, proposals: [])
        }
        #expect(error?.fieldErrors.map(\.field) == ["checklist.1", "checklist.2"])
        #expect(error?.fieldErrors.first?.message.contains("“Leads named” is neither done nor waived") == true)
        let settled = try CompletionInput(done: [0, 2], waivers: [1: "Partner names leads in January"]).validate(change, proposals: [])
        #expect(settled.checklist.map(\.done) == [true, false, true])
        #expect(settled.checklist[1].waiver == "Partner names leads in January" && settled.checklist.allSatisfy(\.isSettled))
        let outOfRange = #expect(throws: DomainError.self) { try CompletionInput(done: [0, 1, 2, 7]).validate(change, proposals: []) }
        #expect(outOfRange?.fieldErrors.map(\.field) == ["checklist.7"])
        var done = change
        done.status = .completed
        #expect(throws: DomainError.conflict("This change is already completed.")) { try CompletionInput().validate(done, proposals: []) }
    }

    @Test func coverageShowsGapsPerSideAndPeopleWithNoPart() {
        let a = alliance(phase: .development)
        let playbook = DefaultPlaybooks.playbook(a.type)
        let team = [
            seat(person("Priya", .research, .ours), a, .ours), seat(person("Lars", .research, .partner), a, .partner),
            seat(person("Elena", .regulatory, .ours), a, .ours), seat(person("Pat", .procurement, .ours), a, .ours),
        ]
        let coverage = InvolvementPlan.coverage(playbook, phase: .development, team: team)
        let gaps = coverage.gaps.map { "\($0.function.rawValue)/\($0.side.rawValue)" }
        #expect(gaps == ["clinical/ours", "clinical/partner", "regulatory/partner", "cmc/ours", "cmc/partner"])
        #expect(coverage.rows.first { $0.function == .procurement }?.isSurplus == true)
        #expect(coverage.rows.first { $0.function == .research }?.isGap(.ours) == false)
    }

    @Test func movingToCommercializationProposesJoinersLeaversAndSteeringSeats() throws {
        let a = alliance(phase: .development)
        let playbook = DefaultPlaybooks.playbook(a.type)
        let priya = person("Priya", .research, .ours)
        let victor = person("Victor", .commercial, .ours)
        let lars = person("Lars", .research, .partner)
        let team = [seat(priya, a, .ours), seat(victor, a, .ours, role: .functionalLead), seat(lars, a, .partner)]
        let fiona = person("Fiona", .finance, .ours)
        let fred = person("Fred", .finance, .ours, level: .executive)
        let kim = person("Kim", .commercial, .partner)
        let sam = person("Sam", .supplyChain, .ours)
        let directory = [priya, victor, lars, fiona, fred, kim, sam]
        let jsc = GovernanceBody(
            id: UUID(), allianceID: a.id, parentID: nil, name: "JSC", kind: .steeringCommittee, charter: Charter(maxMembersPerParty: 2),
            visibility: .shared, version: 1, createdAt: Date(), updatedAt: Date())
        let seats = [jsc.id: [BodyMember(id: UUID(), bodyID: jsc.id, personID: priya.id, side: .ours, role: .member, createdAt: Date())]]
        let people = Dictionary(uniqueKeysWithValues: directory.map { ($0.id, $0) })
        let proposals = InvolvementPlan.proposals(
            playbook, alliance: a, to: .commercialization, team: team, directory: directory, ourOrganizationID: ours, bodies: [jsc],
            seats: seats, people: people)
        let summary = proposals.map { "\($0.action.rawValue) \($0.personName)\($0.bodyName.map { " " + $0 } ?? "")" }
        #expect(
            summary == [
                "join_team Sam", "join_team Kim", "join_team Fiona", "leave_team Priya", "leave_team Lars", "leave_body Priya JSC",
                "join_body Sam JSC", "join_body Victor JSC", "join_body Kim JSC",
            ])
        // Fiona (management) is preferred over Fred (executive); at most two seats per side, so finance gets none on ours.
        #expect(proposals.first { $0.personName == "Sam" && $0.action == .joinBody }?.needsTeamJoin == true)
        #expect(proposals.first { $0.personName == "Victor" && $0.action == .joinBody }?.needsTeamJoin == false)
        // A seat for someone not yet on the team is accepted only together with their joining.
        let change = pending([])
        let alone = #expect(throws: DomainError.self) {
            try CompletionInput(accepted: ["join_body:\(jsc.id.uuidString):\(sam.id.uuidString)"]).validate(change, proposals: proposals)
        }
        #expect(alone?.fieldErrors.map(\.field) == ["accepted"])
        let stale = #expect(throws: DomainError.self) {
            try CompletionInput(accepted: ["join_team:nobody"]).validate(change, proposals: proposals)
        }
        #expect(stale?.fieldErrors.first?.message.contains("no longer on offer") == true)
        let both = try CompletionInput(accepted: ["join_team:\(sam.id.uuidString)", "join_body:\(jsc.id.uuidString):\(sam.id.uuidString)"])
            .validate(change, proposals: proposals)
        #expect(both.accepted.count == 2)
    }
}
