import AccordCore
import Foundation

/// The person field of "Add to the team": every candidate in a select list while there are few; with many, a
/// search step (a GET form on the alliance page, completed as the user types by `/static/accord.js`) whose
/// matches fill the select.
struct TeamPicker: Sendable {
    static let matchLimit = 20

    static func label(_ person: Person) -> String { "\(person.name) (\(person.function.label))" }

    /// With many candidates: the search field comes first and the select holds its matches.
    let isSearch: Bool
    let text: String
    let options: [OptionModel]
    let message: String?

    /// `search` is what was typed into the search step (`ChoiceField.typed`), if anything; `count(limit)` counts the candidates up to a
    /// limit and `candidates(text, limit)` reads them.
    static func resolve(
        search: String?, count: (Int) async throws -> Int, candidates: (String?, Int) async throws -> [Person]
    ) async throws -> TeamPicker {
        if try await count(ChoiceField.listLimit + 1) <= ChoiceField.listLimit {
            let few = try await candidates(nil, ChoiceField.listLimit)
            return TeamPicker(isSearch: false, text: "", options: options(few, blank: "Choose a person"), message: nil)
        }
        guard let text = search else {
            return TeamPicker(isSearch: true, text: "", options: options([], blank: "Find people first"), message: nil)
        }
        let matches = try await candidates(text, matchLimit + 1)
        let message =
            switch matches.count {
            case 0: "Nobody who is not on the team yet matches “\(text)”."
            case 1: "1 person matches “\(text)”."
            case ...matchLimit: "\(matches.count) people match “\(text)”."
            default: "More than \(matchLimit) people match “\(text)”: type more of the name to see them all."
            }
        return TeamPicker(
            isSearch: true, text: text,
            options: options(Array(matches.prefix(matchLimit)), blank: matches.isEmpty ? "Nobody found" : "Choose a person"),
            message: message)
    }

    private static func options(_ people: [Person], blank: String) -> [OptionModel] {
        OptionModel.ids(people.map { ($0.id, label($0)) }, selected: nil, blank: blank)
    }
}
