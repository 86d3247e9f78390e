import AccordCore
import Foundation

/// Every alliance type with its playbook's state and the functions each phase needs.
struct PlaybookListPage: PageModel {
    struct Row: Sendable {
        let type: String
        let href: String
        let state: String
        let phases: [String]
    }
    let layout: LayoutModel
    let rows: [Row]
    let phaseNames: [String]

    init(layout: LayoutModel, playbooks: [Playbook]) {
        self.layout = layout
        phaseNames = LifecyclePhase.allCases.map(\.label)
        rows = playbooks.map { p in
            Row(
                type: p.type.label, href: Site.playbook.path(p.type.rawValue),
                state: p.isDefault ? "As shipped" : "Edited (version \(p.version))",
                phases: LifecyclePhase.allCases.map { phase in
                    let needed = p.needed(in: phase)
                    return needed.isEmpty ? "—" : needed.map(\.label).joined(separator: ", ")
                })
        }
    }
}

/// The matrix editor: one select per phase and function, one checklist per gate.
struct PlaybookEditPage: PageModel {
    /// Where the breadcrumb or form leads (the route table, not a path written in the template).
    let playbooksHref = Site.playbooks.pattern
    struct Cell: Sendable {
        let name: String
        let id: String
        let label: String
        let options: [OptionModel]
        let error: String?
    }
    struct Row: Sendable {
        let function: String
        let cells: [Cell]
    }
    struct Gate: Sendable {
        let name: String
        let id: String
        let label: String
        let text: String
        let error: String?
    }
    let layout: LayoutModel
    let title: String
    let action: String
    let version: Int
    let phaseNames: [String]
    let rows: [Row]
    let gates: [Gate]
    let limits: [Gate]
    let errors: [String]
    let hasErrors: Bool

    init(layout: LayoutModel, type: AllianceType, input: PlaybookInput, version: Int, errors: [FieldError]) {
        self.layout = layout
        title = "\(type.label) playbook"
        action = Site.playbook.path(type.rawValue)
        self.version = version
        phaseNames = LifecyclePhase.allCases.map(\.label)
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
        rows = Playbook.functions.map { f in
            Row(
                function: f.label,
                cells: LifecyclePhase.allCases.map { phase in
                    let key = "\(phase.rawValue).\(f.rawValue)"
                    let current = input.cells[key] ?? ""
                    return Cell(
                        name: "cell.\(key)", id: "cell-\(phase.rawValue)-\(f.rawValue)", label: "\(f.label) in \(phase.label.lowercased())",
                        options: [OptionModel(value: "", label: "—", selected: current.isEmpty || current == "none")]
                            + Involvement.allCases.map {
                                OptionModel(value: $0.rawValue, label: $0.label, selected: $0.rawValue == current)
                            },
                        error: byField["cells.\(key)"])
                })
        }
        gates = LifecycleGate.all.map { gate in
            Gate(
                name: "checklist.\(gate)", id: "checklist-\(gate)", label: gate.label, text: input.checklists[gate.description] ?? "",
                error: byField["checklists.\(gate)"])
        }
        limits = EscalationLevel.allCases.map { level in
            Gate(
                name: "limit.\(level.rawValue)", id: "limit-\(level.rawValue)", label: level.label,
                text: input.limits[level.rawValue] ?? String(EscalationLimits.standard.limit(level)),
                error: byField["limits.\(level.rawValue)"])
        }
        self.errors = errors.map(\.message)
        hasErrors = !errors.isEmpty
    }
}
