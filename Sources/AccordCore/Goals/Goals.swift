import AccordMemberwise
import Foundation

public enum GoalTerm: String, Labeled {
    case shortTerm = "short_term"
    case longTerm = "long_term"

    public var label: String { self == .shortTerm ? "Short term (within a year)" : "Long term" }
}

public enum GoalStatus: String, Labeled {
    case planned
    case inProgress = "in_progress"
    case achieved, abandoned

    public var label: String {
        switch self {
        case .planned: "Planned"
        case .inProgress: "In progress"
        case .achieved: "Achieved"
        case .abandoned: "Abandoned"
        }
    }
}

public enum KPICategory: String, Labeled {
    case strategic, operational, financial, relationship

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

public enum KPIDirection: String, Labeled {
    case higherIsBetter = "higher_is_better"
    case lowerIsBetter = "lower_is_better"

    public var label: String { self == .higherIsBetter ? "Higher is better" : "Lower is better" }
}

public enum KPIStatus: String, Labeled {
    case onTrack = "on_track"
    case atRisk = "at_risk"
    case offTrack = "off_track"
    case noData = "no_data"

    public var label: String {
        switch self {
        case .onTrack: "On track"
        case .atRisk: "At risk"
        case .offTrack: "Off track"
        case .noData: "No measurement yet"
        }
    }
}

/// A joint objective of an alliance.
@Memberwise
public struct Goal: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var allianceID: UUID
    public var title: String
    public var term: GoalTerm
    public var ownerID: UUID
    public var status: GoalStatus
    public var version: Int
    public var createdAt: Date
}

/// A key performance indicator, optionally under a goal, with a target and a direction.
@Memberwise
public struct KPI: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var allianceID: UUID
    public var goalID: UUID?
    public var name: String
    public var category: KPICategory
    public var unit: String
    /// Hundredths, so targets like 92.5 (%) are exact.
    public var target: Int64
    public var direction: KPIDirection
    public var version: Int
    public var createdAt: Date
}

@Memberwise
public struct KPIMeasurement: Sendable, Equatable, Codable {
    public var kpiID: UUID
    public var on: LocalDate
    /// Hundredths.
    public var value: Int64
    public var note: String?
}

public enum KPIRules {
    /// How far short of the target (as a share of it) still counts as at risk rather than off track.
    public static let tolerance = 0.10

    /// The status from the latest measurement: on track when it meets the target in the KPI's direction; at risk
    /// when it misses by at most 10% of the target (of 1 unit when the target is 0); off track beyond that.
    public static func status(_ kpi: KPI, latest: KPIMeasurement?) -> KPIStatus {
        guard let latest else { return .noData }
        let shortfall = kpi.direction == .higherIsBetter ? kpi.target - latest.value : latest.value - kpi.target
        if shortfall <= 0 { return .onTrack }
        let allowed = kpi.target == 0 ? 100 : Int64((Double(abs(kpi.target)) * tolerance).rounded())
        return shortfall <= allowed ? .atRisk : .offTrack
    }

    /// Signed decimal text of hundredths: "92.50", "-3.00".
    public static func text(_ hundredths: Int64) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return sign + Money.format(magnitude)
    }

    /// Parses a signed decimal with at most two decimals ("92.5", "-3", "1,250").
    public static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("-") { return Money.parseAmount(String(trimmed.dropFirst())).map { -$0 } }
        return Money.parseAmount(trimmed)
    }
}
