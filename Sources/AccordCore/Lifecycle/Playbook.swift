import AccordMemberwise
import Foundation

/// How much a function takes part in a phase (RACI). No entry means none.
public enum Involvement: String, Labeled {
    case responsible, accountable, consulted, informed

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    public var letter: String { String(label.prefix(1)) }
    /// Responsible and accountable functions must be on the team in that phase, on both sides.
    public var isNeeded: Bool { self == .responsible || self == .accountable }
}

/// Where a stage-gate checklist applies: entering a phase, or starting a transition.
public enum LifecycleGate: Sendable, Hashable, CustomStringConvertible {
    case phase(LifecyclePhase)
    case transition(LifecycleTransition)

    public static var all: [LifecycleGate] {
        LifecyclePhase.allCases.map(LifecycleGate.phase) + LifecycleTransition.allCases.map(LifecycleGate.transition)
    }

    public init?(code: String) {
        if let p = LifecyclePhase(rawValue: code) {
            self = .phase(p)
        } else if let t = LifecycleTransition(rawValue: code) {
            self = .transition(t)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .phase(let p): p.rawValue
        case .transition(let t): t.rawValue
        }
    }

    public var label: String {
        switch self {
        case .phase(let p): "Entering \(p.label.lowercased())"
        case .transition(let t): t.label
        }
    }
}

/// Per alliance type: which functions take part in each phase, and the checklist of each gate.
@Memberwise
public struct Playbook: Sendable, Equatable {
    public var type: AllianceType
    public var cells: [LifecyclePhase: [BusinessFunction: Involvement]]
    public var checklists: [LifecycleGate: [String]]
    /// How long an issue may stay at each escalation level.
    public var limits: EscalationLimits = .standard
    /// 0 while the shipped default is in force.
    public var version: Int = 0

    /// The functions a playbook speaks about; alliance management runs every phase and is not in the matrix.
    public static let functions: [BusinessFunction] = BusinessFunction.allCases.filter { $0 != .allianceManagement }

    public var isDefault: Bool { version == 0 }

    public func involvement(_ phase: LifecyclePhase, _ function: BusinessFunction) -> Involvement? { cells[phase]?[function] }

    /// Functions that must be on the team in the phase, in the matrix's order.
    public func needed(in phase: LifecyclePhase) -> [BusinessFunction] {
        Self.functions.filter { involvement(phase, $0)?.isNeeded == true }
    }

    /// Accountable functions sit on the steering committee in the phase.
    public func steering(in phase: LifecyclePhase) -> [BusinessFunction] {
        Self.functions.filter { involvement(phase, $0) == .accountable }
    }

    public func checklist(_ gate: LifecycleGate) -> [String] { checklists[gate] ?? [] }
}

/// An administrator's edit of one playbook. Keys name the phase and function; values are involvement codes or empty.
@Memberwise
public struct PlaybookInput: Sendable, Equatable {
    /// "phase.function" -> involvement code ("" or absent for none).
    public var cells: [String: String] = [:]
    /// Gate code -> one item per line.
    public var checklists: [String: String] = [:]
    /// Escalation level code -> days.
    public var limits: [String: String] = [:]

    public init(_ playbook: Playbook) {
        var cells: [String: String] = [:]
        for (phase, row) in playbook.cells {
            for (function, involvement) in row { cells["\(phase.rawValue).\(function.rawValue)"] = involvement.rawValue }
        }
        var lists: [String: String] = [:]
        for (gate, items) in playbook.checklists { lists[gate.description] = items.joined(separator: "\n") }
        let limits = Dictionary(uniqueKeysWithValues: playbook.limits.days.map { ($0.key.rawValue, String($0.value)) })
        self.init(cells: cells, checklists: lists, limits: limits)
    }

    public static let maxItems = 20

    public func validate(type: AllianceType) throws(DomainError) -> Playbook {
        var v = Validator()
        var cells: [LifecyclePhase: [BusinessFunction: Involvement]] = [:]
        for (key, raw) in self.cells.sorted(by: { $0.key < $1.key }) {
            let field = "cells.\(key)"
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let phase = LifecyclePhase(rawValue: parts[0]) else {
                v.add(field, "Unknown phase in “\(key)”: use one of \(LifecyclePhase.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            guard let function = BusinessFunction(rawValue: parts[1]), function != .allianceManagement else {
                v.add(field, "Unknown function “\(parts[1])”: use one of \(Playbook.functions.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            let value = raw.trimmingCharacters(in: .whitespaces)
            if value.isEmpty || value == "none" { continue }
            guard let involvement = Involvement(rawValue: value) else {
                v.add(field, "Involvement must be responsible, accountable, consulted, informed or none.")
                continue
            }
            cells[phase, default: [:]][function] = involvement
        }
        if v.errors.isEmpty {
            for phase in LifecyclePhase.allCases where !(cells[phase] ?? [:]).values.contains(.accountable) {
                v.add("cells.\(phase.rawValue)", "\(phase.label) needs at least one accountable function.")
            }
        }
        var lists: [LifecycleGate: [String]] = [:]
        for (key, raw) in checklists.sorted(by: { $0.key < $1.key }) {
            let field = "checklists.\(key)"
            guard let gate = LifecycleGate(code: key) else {
                v.add(field, "Unknown phase or transition “\(key)”.")
                continue
            }
            let items = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if items.count > Self.maxItems { v.add(field, "A checklist has at most \(Self.maxItems) items (it has \(items.count)).") }
            if let long = items.first(where: { $0.count > 200 }) {
                v.add(field, "Each checklist item is at most 200 characters (“\(long.prefix(40))…” has \(long.count)).")
            }
            if items.contains(where: Validator.hasControlCharacters) {
                v.add(field, "The checklist contains characters that are not allowed.")
            }
            if !items.isEmpty { lists[gate] = items }
        }
        var limits = EscalationLimits.standard
        do {
            limits = try LimitsInput(days: self.limits).validate()
        } catch {
            for e in error.fieldErrors { v.add(e.field, e.message) }
        }
        try v.check()
        return Playbook(type: type, cells: cells, checklists: lists, limits: limits)
    }
}

public protocol PlaybookRepository: Sendable {
    /// The stored playbook of the type, or the shipped default.
    func playbook(_ type: AllianceType) async throws -> Playbook
    /// Saves an administrator's playbook; `expectedVersion` guards against overwriting someone else's edit.
    func save(_ playbook: Playbook, expectedVersion: Int?, by actor: AuditActor) async throws -> Playbook
}

/// A playbook as plain JSON: how it is stored, audited and served by the API.
public struct PlaybookDocument: Sendable, Equatable, Codable {
    /// phase -> function -> involvement.
    public var cells: [String: [String: String]]
    /// gate -> items.
    public var checklists: [String: [String]]
    /// escalation level -> days.
    public var limits: [String: Int]

    public init(_ playbook: Playbook) {
        var cells: [String: [String: String]] = [:]
        for (phase, row) in playbook.cells {
            cells[phase.rawValue] = Dictionary(uniqueKeysWithValues: row.map { ($0.key.rawValue, $0.value.rawValue) })
        }
        self.cells = cells
        checklists = Dictionary(uniqueKeysWithValues: playbook.checklists.map { ($0.key.description, $0.value) })
        limits = Dictionary(uniqueKeysWithValues: playbook.limits.days.map { ($0.key.rawValue, $0.value) })
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cells = try c.decode([String: [String: String]].self, forKey: .cells)
        checklists = try c.decode([String: [String]].self, forKey: .checklists)
        limits = try c.decodeIfPresent([String: Int].self, forKey: .limits) ?? [:]
    }

    /// Back to a playbook; entries this version does not know are dropped.
    public func playbook(_ type: AllianceType, version: Int) -> Playbook {
        var result: [LifecyclePhase: [BusinessFunction: Involvement]] = [:]
        for (p, row) in cells {
            guard let phase = LifecyclePhase(rawValue: p) else { continue }
            for (f, i) in row {
                guard let function = BusinessFunction(rawValue: f), let involvement = Involvement(rawValue: i) else { continue }
                result[phase, default: [:]][function] = involvement
            }
        }
        var lists: [LifecycleGate: [String]] = [:]
        for (g, items) in checklists { if let gate = LifecycleGate(code: g) { lists[gate] = items } }
        var days = EscalationLimits.standard
        for (l, n) in limits { if let level = EscalationLevel(rawValue: l), EscalationLimits.range.contains(n) { days.days[level] = n } }
        return Playbook(type: type, cells: result, checklists: lists, limits: days, version: version)
    }
}
