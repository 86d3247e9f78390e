import AccordCore
import Foundation

/// A choice among records that may be a handful or thousands: up to `listLimit` a select list; beyond that a
/// search field, where JavaScript offers matches as the user types (`/static/accord.js`, `data-suggest`) and,
/// without it, submitting the name is the search step: the server picks the one record it names or lists the
/// matches to choose from.
struct ChoiceField: Sendable {
    static let listLimit = 50
    static let matchLimit = 10

    /// The select list's options (list shape), or nil for the search shape.
    let options: [OptionModel]?
    /// What the search field shows: the typed text, or the chosen record's name.
    let text: String
    /// The record the field picks, if any.
    let chosen: UUID?
    /// The typed name matched nothing: the filter it belongs to matches nothing either.
    let matchesNothing: Bool
    /// The typed name matched several: they are offered to choose from.
    let matches: [NamedID]
    /// Says what the typed name matched when it did not pick one record.
    let message: String?
    /// Where a search field's completions come from (a form's choice, see `ChoiceSource`).
    var suggest = ""

    var isSearch: Bool { options == nil }

    /// What was typed into a search field: trimmed, nil when empty; more than 200 characters is refused, naming the
    /// field (the completion endpoints' `q`, the filters' `partner_name` and `manager_name`, the team's `person_q`).
    static func typed(_ raw: String?, field: String) throws -> String? {
        let text = raw?.trimmingCharacters(in: .whitespaces) ?? ""
        if text.count > 200 { throw DomainError.invalid(field, "\(field) must be at most 200 characters (it has \(text.count)).") }
        return text.isEmpty ? nil : text
    }

    /// Resolves the field from the request: `id` (a link or a select list) or `typed` (a search field, see `typed`),
    /// among the records of `source`; a search field completes from `source.suggest`.
    static func resolve(id: UUID?, typed: String?, _ source: ChoiceSource) async throws -> ChoiceField {
        var field = try await resolved(id: id, typed: typed, source)
        field.suggest = source.suggest
        return field
    }

    private static func resolved(id: UUID?, typed: String?, _ source: ChoiceSource) async throws -> ChoiceField {
        if try await source.count(listLimit + 1) <= listLimit {
            let few = try await source.lookup(nil, nil)
            let resolved = typed.map { NameChoice.resolve($0, matches: NameChoice.matching($0, in: few)) }
            let chosen = id ?? resolved.flatMap { if case .chosen(let one) = $0 { one.id } else { nil } }
            let options = OptionModel.ids(few.map { ($0.id, $0.name) }, selected: chosen?.canonicalText, blank: source.blank)
            return ChoiceField(
                options: options, text: "", chosen: chosen, matchesNothing: id == nil && resolved == NameChoice.nothing, matches: [],
                message: id == nil ? resolved.flatMap { message($0, typed ?? "", noun: source.noun) } : nil)
        }
        guard let typed else {
            let shown = try await id.asyncMap(source.name) ?? nil
            return ChoiceField(
                options: nil, text: shown ?? "", chosen: shown == nil ? nil : id, matchesNothing: id != nil && shown == nil, matches: [],
                message: nil)
        }
        let resolved = NameChoice.resolve(typed, matches: try await source.lookup(typed, matchLimit + 1))
        switch resolved {
        case .chosen(let one):
            return ChoiceField(options: nil, text: one.name, chosen: one.id, matchesNothing: false, matches: [], message: nil)
        case .nothing:
            return ChoiceField(
                options: nil, text: typed, chosen: nil, matchesNothing: true, matches: [],
                message: message(resolved, typed, noun: source.noun))
        case .several(let matches):
            return ChoiceField(
                options: nil, text: typed, chosen: nil, matchesNothing: false, matches: Array(matches.prefix(matchLimit)),
                message: message(resolved, typed, noun: source.noun))
        }
    }

    private static func message(_ resolved: NameChoice, _ typed: String, noun: String) -> String? {
        let nouns = noun == "person" ? "people" : noun + "s"
        switch resolved {
        case .chosen: return nil
        case .nothing: return "No \(noun) matches “\(typed)”."
        case .several(let matches):
            return matches.count > matchLimit
                ? "More than \(matchLimit) \(nouns) match “\(typed)”: type more of the name, or choose one of the first \(matchLimit)."
                : "\(matches.count) \(nouns) match “\(typed)”: choose one."
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

/// Where a choice of a record finds its records: how many there are, those whose name contains a text, and the name
/// of one; the noun its messages use, the blank option's label and the address that completes it as the user types.
struct ChoiceSource: Sendable {
    let noun: String
    let blank: String
    let suggest: String
    let count: @Sendable (Int) async throws -> Int
    let lookup: @Sendable (String?, Int?) async throws -> [NamedID]
    let name: @Sendable (UUID) async throws -> String?
}
