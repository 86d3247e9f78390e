import AccordCore
import Foundation
import Testing

/// Culture profiles on documented scales, the comparison with ours, the differences log and the road map.
@Suite struct CultureTests {
    let org = UUID()
    let owner = UUID()
    let today = LocalDate("2026-11-30")!

    @Test func profilesNameUnknownScalesAndOutOfRangeScores() throws {
        let profile = try CultureProfileInput(scores: ["hierarchy": "4", "directness": " ", "risk_appetite": "1"], timeZones: " JST ")
            .validate(org)
        #expect(profile.scores == [.hierarchy: 4, .riskAppetite: 1] && profile.timeZones == "JST")
        let error = #expect(throws: DomainError.self) {
            try CultureProfileInput(
                scores: ["punctuality": "3", "hierarchy": "6", "directness": "two"], languages: String(repeating: "x", count: 201)
            )
            .validate(org)
        }
        #expect(Set(error?.fieldErrors.map(\.field) ?? []) == ["scores.punctuality", "scores.hierarchy", "scores.directness", "languages"])
        for scale in CultureScale.allCases { #expect(!scale.poles.low.isEmpty && !scale.poles.high.isEmpty) }
    }

    @Test func gapsOfTwoPointsOrMoreAreDifferences() {
        let ours = CultureProfile(
            organizationID: UUID(), scores: [.hierarchy: 2, .directness: 4, .riskAppetite: 3], timeZones: nil, languages: nil,
            workingNorms: nil)
        let theirs = CultureProfile(
            organizationID: org, scores: [.hierarchy: 4, .directness: 3], timeZones: nil, languages: nil, workingNorms: nil)
        let rows = CultureComparison.compare(ours: ours, theirs: theirs)
        #expect(rows.count == CultureScale.allCases.count)
        #expect(rows.filter(\.isDifference).map(\.scale) == [.hierarchy])
        #expect(rows.first { $0.scale == .directness }?.gap == 1 && rows.first { $0.scale == .riskAppetite }?.gap == nil)
    }

    @Test func theLogNeedsAnOwnerFromOurCompanyAndFillsTheRoadMapByQuarter() throws {
        let valid = try DifferenceInput(
            difference: "Consensus first", risk: "Slow JSC", leverage: "Pre-meetings", owner: owner.uuidString, dueOn: "2026-12-20"
        )
        .validate(owners: [owner])
        #expect(valid.status == .identified && valid.scale == nil)
        let error = #expect(throws: DomainError.self) {
            try DifferenceInput(
                scale: "punctuality", difference: "", risk: "", leverage: "", owner: UUID().uuidString, status: "done", dueOn: "soon"
            )
            .validate(owners: [owner])
        }
        #expect(Set(error?.fieldErrors.map(\.field) ?? []) == ["scale", "difference", "risk", "leverage", "ownerID", "status", "dueOn"])

        func entry(_ due: String?, _ status: DifferenceStatus = .inProgress) -> CultureDifference {
            var v = valid
            (v.dueOn, v.status) = (due.flatMap(LocalDate.init), status)
            return CultureDifference(id: UUID(), organizationID: org, valid: v, createdAt: Date())
        }
        let late = entry("2026-11-01")
        #expect(late.isOverdue(today: today) && !entry("2026-11-01", .leveraged).isOverdue(today: today))
        let roadmap = SynergyRoadmap([entry("2027-02-01"), late, entry(nil), entry("2026-12-31"), entry("2027-03-31")])
        #expect(roadmap.quarters.map(\.label) == ["Q4 2026", "Q1 2027"])
        #expect(roadmap.quarters[0].entries.map { $0.dueOn!.description } == ["2026-11-01", "2026-12-31"])
        #expect(roadmap.quarters[1].entries.count == 2 && roadmap.unscheduled.count == 1)
    }
}
