import AccordCore
import Foundation
import Testing

@Suite struct KPITests {
    func kpi(_ target: Int64, _ direction: KPIDirection) -> KPI {
        KPI(
            id: UUID(), allianceID: UUID(), goalID: nil, name: "k", category: .operational, unit: "%", target: target, direction: direction,
            version: 1, createdAt: Date())
    }

    func at(_ value: Int64) -> KPIMeasurement { KPIMeasurement(kpiID: UUID(), on: LocalDate("2026-11-01")!, value: value, note: nil) }

    @Test(arguments: [
        (Int64(9000), KPIDirection.higherIsBetter, Int64(9500), KPIStatus.onTrack),
        (9000, .higherIsBetter, 9000, .onTrack),
        (9000, .higherIsBetter, 8100, .atRisk),
        (9000, .higherIsBetter, 8099, .offTrack),
        (3000, .lowerIsBetter, 2500, .onTrack),
        (3000, .lowerIsBetter, 3300, .atRisk),
        (3000, .lowerIsBetter, 3301, .offTrack),
        (0, .lowerIsBetter, 100, .atRisk),
        (0, .lowerIsBetter, 101, .offTrack),
    ])
    func statusFollowsTheDocumentedRule(_ target: Int64, _ direction: KPIDirection, _ value: Int64, _ expected: KPIStatus) {
        #expect(KPIRules.status(kpi(target, direction), latest: at(value)) == expected)
    }

    @Test func inputsNameTheirBadFields() throws {
        #expect(KPIRules.status(kpi(1, .higherIsBetter), latest: nil) == .noData)
        #expect(KPIRules.parse("-3.5") == -350 && KPIRules.parse("92.5") == 9250 && KPIRules.parse("x") == nil)
        #expect(KPIRules.text(-350) == "-3.50")
        let goal = UUID()
        let valid = try KPIInput(
            name: "On-time supply", category: "operational", unit: "%", target: "95", direction: "higher_is_better", goal: goal.uuidString
        )
        .validate(goals: [goal])
        #expect(valid.target == 9500 && valid.goalID == goal)
        do {
            _ = try KPIInput(name: "", category: "vibes", unit: "", target: "lots", direction: "up", goal: UUID().uuidString).validate(
                goals: [goal])
            Issue.record("expected errors")
        } catch {
            #expect(Set(error.fieldErrors.map(\.field)) == ["name", "category", "unit", "target", "direction", "goalID"])
        }
        let item = kpi(9000, .higherIsBetter)
        #expect(throws: DomainError.self) {
            try MeasurementInput(on: "2030-01-01", value: "90").validate(item, today: LocalDate("2026-11-30")!)
        }
        #expect(throws: DomainError.self) {
            try MeasurementInput(on: "2026-11-01", value: "ninety").validate(item, today: LocalDate("2026-11-30")!)
        }
    }
}
