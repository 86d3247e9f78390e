import AccordMemberwise
import Foundation

/// One thing wrong with an import: the spreadsheet row (the header is row 1), the column and what is wrong.
@Memberwise
public struct ImportProblem: Sendable, Equatable {
    public var row: Int
    public var field: String
    public var message: String
}

/// Obligations from CSV, all or nothing: every row is checked as the form would check it, and any problem in any
/// row means none is written.
public enum ObligationImport {
    public static let columns = [
        "title", "kind", "direction", "due_on", "trigger", "offset_days", "recurrence", "recurs_until", "open_ended", "amount",
        "currency", "notes", "visibility",
    ]
    public static let required: Set<String> = ["title", "kind", "direction"]
    public static let maxRows = 500

    /// The valid obligations, and every problem found (write nothing unless there are none). `trigger` names one of
    /// `triggers` (case-insensitive).
    public static func validate(_ text: String, triggers: [TriggerEvent]) -> (valid: [ObligationInput.Valid], problems: [ImportProblem]) {
        let records: [(line: Int, fields: [String])]
        do {
            records = try CSV.parse(text)
        } catch {
            return ([], [ImportProblem(row: error.line, field: "csv", message: error.message)])
        }
        guard let header = records.first else {
            return ([], [ImportProblem(row: 1, field: "csv", message: "The CSV is empty; the first row names the columns.")])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems: [ImportProblem] = []
        for name in names where !columns.contains(name) {
            problems.append(
                ImportProblem(row: 1, field: name, message: "Unknown column; the columns are: \(columns.joined(separator: ", ")).")
            )
        }
        for name in required.sorted() where !names.contains(name) {
            problems.append(ImportProblem(row: 1, field: name, message: "The \(name) column is required."))
        }
        if Set(names).count != names.count { problems.append(ImportProblem(row: 1, field: "csv", message: "A column appears twice.")) }
        if records.count == 1 { problems.append(ImportProblem(row: 1, field: "csv", message: "There are no rows after the header.")) }
        if records.count - 1 > maxRows {
            problems.append(ImportProblem(row: 1, field: "csv", message: "At most \(maxRows) rows at a time; split the file."))
        }
        guard problems.isEmpty else { return ([], problems) }
        var valid: [ObligationInput.Valid] = []
        for (offset, record) in records.dropFirst().enumerated() {
            let row = offset + 2
            guard record.fields.count == names.count else {
                problems.append(
                    ImportProblem(
                        row: row, field: "csv", message: "This row has \(record.fields.count) fields; the header has \(names.count)."))
                continue
            }
            var cell: [String: String] = [:]
            for (name, value) in zip(names, record.fields) { cell[name] = value.trimmingCharacters(in: .whitespaces) }
            var triggerID: String?
            let triggerName = cell["trigger"] ?? ""
            if !triggerName.isEmpty {
                guard let found = triggers.first(where: { $0.name.lowercased() == triggerName.lowercased() }) else {
                    problems.append(ImportProblem(row: row, field: "trigger", message: "No event called \(triggerName) on this alliance."))
                    continue
                }
                triggerID = found.id.canonicalText
            }
            let openEnded = (cell["open_ended"] ?? "").lowercased()
            guard ["", "yes", "no", "true", "false"].contains(openEnded) else {
                problems.append(ImportProblem(row: row, field: "open_ended", message: "open_ended is yes or no."))
                continue
            }
            let input = ObligationInput(
                title: cell["title"], kind: cell["kind"], direction: cell["direction"], dueMode: triggerID == nil ? "fixed" : "trigger",
                dueOn: cell["due_on"], triggerID: triggerID, offsetDays: cell["offset_days"], recurrence: cell["recurrence"],
                recursUntil: cell["recurs_until"], openEnded: openEnded == "yes" || openEnded == "true", amount: cell["amount"],
                currency: cell["currency"], notes: cell["notes"], visibility: cell["visibility"])
            do {
                valid.append(try input.validate(triggers: triggers))
            } catch {
                for e in error.fieldErrors { problems.append(ImportProblem(row: row, field: column(e.field), message: e.message)) }
            }
        }
        return problems.isEmpty ? (valid, []) : ([], problems)
    }

    /// The CSV column a validation field comes from.
    static func column(_ field: String) -> String {
        [
            "dueOn": "due_on", "triggerID": "trigger", "offsetDays": "offset_days", "recursUntil": "recurs_until", "dueMode": "due_on",
        ][field] ?? field
    }
}
