import AccordCore
import Foundation

/// A choice of a record as a form shows it (`partials/choice`): the select list while the records are few, else a
/// search field completed from `suggest`, with the chosen record's id in a hidden input and, after a name that
/// matched several, the matches to pick from (see `FormChoice` for how a posted form is read).
struct ChoiceInputModel: Sendable {
    let id: String
    let name: String
    let label: String
    let isSearch: Bool
    let options: [OptionModel]
    let text: String
    /// A form's search field keeps the chosen record's id in a hidden input (`{id}-id`), which the script sets when
    /// a suggestion is picked; a filter's has none (its typed name is the search).
    let holdsID: Bool
    let chosenID: String
    /// The element whose value narrows the completions (`among=`): the partner field, for the partner's people.
    let scopeFrom: String?
    let suggest: String
    let placeholder: String
    let picks: [OptionModel]
    let hasPicks: Bool
    let required: Bool
    let hasError: Bool
    /// A filter's note on what the typed name matched (a form shows it as the field's error instead).
    let note: String?

    /// `filter`: a GET form's field, whose typed name is the search (no hidden id) and whose note is shown with it.
    init(
        _ field: ChoiceField, id: String, name: String, label: String, placeholder: String, required: Bool = false,
        hasError: Bool = false, filter: Bool = false, scopeFrom: String? = nil
    ) {
        self.id = id
        self.name = name
        self.label = label
        isSearch = field.isSearch
        options = field.options ?? []
        text = field.text
        holdsID = !filter
        chosenID = field.chosen?.canonicalText ?? ""
        self.scopeFrom = scopeFrom
        suggest = field.suggest
        self.placeholder = placeholder
        picks = field.matches.map { OptionModel(value: $0.id.canonicalText, label: $0.name, selected: false) }
        hasPicks = !picks.isEmpty
        self.required = required
        self.hasError = hasError
        note = filter ? field.message : nil
    }
}

extension ChoiceField {
    /// A choice shown afresh when its records are already at hand: the select list of `few`, or (nil: too many to
    /// list) the search field showing the chosen record's `name`.
    static func known(id: UUID?, name: String?, few: [(UUID, String)]?, blank: String, suggest: String) -> ChoiceField {
        var field =
            few.map {
                ChoiceField(
                    options: OptionModel.ids($0, selected: id?.canonicalText, blank: blank), text: "", chosen: id, matchesNothing: false,
                    matches: [], message: nil)
            }
            ?? ChoiceField(options: nil, text: name ?? "", chosen: name == nil ? nil : id, matchesNothing: false, matches: [], message: nil)
        field.suggest = suggest
        return field
    }
}
