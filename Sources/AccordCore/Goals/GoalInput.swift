import AccordMemberwise
import Foundation

@Memberwise
public struct GoalInput: Sendable, Equatable {
    public var title: String?
    public var term: String?
    public var owner: String?
    public var status: String?

    public func validate(team: Set<UUID>) throws(DomainError) -> (title: String, term: GoalTerm, ownerID: UUID, status: GoalStatus) {
        var v = Validator()
        let title = v.text(title, "title", "Goal", max: 200)
        let term: GoalTerm? = v.choice(term, "term", "Term")
        let owner = v.id(owner, "ownerID", "Owner")
        if let owner, !team.contains(owner) { v.add("ownerID", "The owner must be on the alliance's team.") }
        let status: GoalStatus? = (status ?? "").isEmpty ? .planned : v.choice(status, "status", "Status")
        try v.check()
        return (title, term!, owner!, status!)
    }
}

@Memberwise
public struct KPIInput: Sendable, Equatable {
    public var name: String?
    public var category: String?
    public var unit: String?
    public var target: String?
    public var direction: String?
    public var goal: String?

    public struct Valid: Sendable, Equatable {
        public var name: String
        public var category: KPICategory
        public var unit: String
        public var target: Int64
        public var direction: KPIDirection
        public var goalID: UUID?
    }

    /// `goals` are the alliance's own goals.
    public func validate(goals: Set<UUID>) throws(DomainError) -> Valid {
        var v = Validator()
        let name = v.text(name, "name", "KPI", max: 160)
        let category: KPICategory? = v.choice(category, "category", "Category")
        let unit = v.text(unit, "unit", "Unit", max: 24)
        let target = KPIRules.parse(target ?? "")
        if target == nil { v.add("target", "Target must be a number with at most two decimals, such as 90 or 92.5.") }
        let direction: KPIDirection? = v.choice(direction, "direction", "Direction")
        let goal = v.optionalID(goal, "goalID", "Goal")
        if let goal, !goals.contains(goal) { v.add("goalID", "The goal must be one of this alliance's goals.") }
        try v.check()
        return Valid(name: name, category: category!, unit: unit, target: target!, direction: direction!, goalID: goal)
    }
}

@Memberwise
public struct MeasurementInput: Sendable, Equatable {
    public var on: String?
    public var value: String?
    public var note: String?

    /// A dated value, not in the future.
    public func validate(_ kpi: KPI, today: LocalDate) throws(DomainError) -> KPIMeasurement {
        var v = Validator()
        let date = v.optionalDate(on, "on", "Date")
        if date == nil, (on ?? "").trimmingCharacters(in: .whitespaces).isEmpty { v.add("on", "Date is required.") }
        if let date, date > today { v.add("on", "A measurement cannot be dated in the future.") }
        let value = KPIRules.parse(value ?? "")
        if value == nil { v.add("value", "Value must be a number with at most two decimals.") }
        let note = v.optionalText(note, "note", "Note", max: 500)
        try v.check()
        return KPIMeasurement(kpiID: kpi.id, on: date!, value: value!, note: note)
    }
}

public protocol GoalRepository: Sendable {
    func goals(allianceID: UUID) async throws -> [Goal]
    func createGoal(allianceID: UUID, title: String, term: GoalTerm, ownerID: UUID, status: GoalStatus, by actor: AuditActor) async throws
        -> Goal
    func setGoalStatus(_ id: UUID, _ status: GoalStatus, by actor: AuditActor) async throws
    func kpis(allianceID: UUID) async throws -> [KPI]
    func createKPI(allianceID: UUID, _ valid: KPIInput.Valid, by actor: AuditActor) async throws -> KPI
    /// Measurements of each KPI, oldest first.
    func measurements(kpiIDs: [UUID]) async throws -> [UUID: [KPIMeasurement]]
    /// Records a measurement; a second one on the same day replaces the first.
    func record(_ measurement: KPIMeasurement, allianceID: UUID, by actor: AuditActor) async throws
}
