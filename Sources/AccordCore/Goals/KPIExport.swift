import Foundation

/// KPIs as CSV: one row per measurement (and one per KPI without any), with the status at that measurement.
public enum KPIExport {
    public static let header = [
        "kpi_id", "kpi", "category", "goal", "unit", "target", "direction", "measured_on", "value", "status", "note",
    ]

    public static func csv(_ kpis: [KPI], goals: [Goal], measurements: [UUID: [KPIMeasurement]]) -> String {
        let goalNames = Dictionary(goals.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var lines = [header.joined(separator: ",")]
        for kpi in kpis {
            let base = [
                kpi.id.lowercaseText, kpi.name, kpi.category.rawValue, kpi.goalID.flatMap { goalNames[$0] } ?? "", kpi.unit,
                Money.plain(kpi.target), kpi.direction.rawValue,
            ]
            let series = measurements[kpi.id] ?? []
            if series.isEmpty { lines.append(CSV.row(base + ["", "", KPIStatus.noData.rawValue, ""])) }
            for m in series {
                lines.append(
                    CSV.row(base + [m.on.description, Money.plain(m.value), KPIRules.status(kpi, latest: m).rawValue, m.note ?? ""]))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
