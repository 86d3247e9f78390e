import AccordCore
import Foundation

extension ChoiceField {
    /// The select list's options with other labels (a person's function or organisation), by id.
    func relabeled(_ labels: [UUID: String]) -> ChoiceField {
        guard let options else { return self }
        let relabeled = options.map { option in
            UUID(canonical: option.value).flatMap { labels[$0] }.map {
                OptionModel(value: option.value, label: $0, selected: option.selected)
            }
                ?? option
        }
        return ChoiceField(
            options: relabeled, text: text, chosen: chosen, matchesNothing: matchesNothing, matches: matches, message: message,
            suggest: suggest)
    }
}

/// A choice of a record on a posted form (the alliance's partner and people, a user's linked person). The form sends
/// the record's id as `field` (a select list, or the search field's hidden id), the search field's text as
/// `field_name`, and, after a search that matched several, the one picked as `field_pick`.
enum FormChoice {
    /// The resolved choice: the value the form's input gets (the id as posted, or the id the name picked), the field to
    /// show again, and the message when the typed name picked nothing or several.
    struct Resolved: Sendable {
        let value: String?
        let field: ChoiceField
        let error: FieldError?
    }

    /// Resolves `field` from a posted form; with no form (a form shown afresh) from `current`, the id it holds now. The
    /// message of a name that picked nothing or several starts with the field's `label`.
    static func resolve(_ form: FormData?, _ field: String, label: String, current: String?, _ source: ChoiceSource) async throws
        -> Resolved
    {
        guard let form else {
            return Resolved(
                value: current, field: try await ChoiceField.resolve(id: current.flatMap(UUID.init(canonical:)), typed: nil, source),
                error: nil)
        }
        if let picked = form[field + "_pick"], !picked.isEmpty {
            return Resolved(
                value: picked, field: try await ChoiceField.resolve(id: UUID(canonical: picked), typed: nil, source), error: nil)
        }
        guard let raw = form[field + "_name"] else {
            // A select list, or a client posting ids: the id goes to validation as it came.
            let posted = form[field]
            return Resolved(
                value: posted, field: try await ChoiceField.resolve(id: posted.flatMap(UUID.init(canonical:)), typed: nil, source),
                error: nil)
        }
        let typed = try ChoiceField.typed(raw, field: field + "_name")
        // The hidden id stands while the text still shows its record's name.
        if let typed, let id = form[field].flatMap(UUID.init(canonical:)),
            let name = try await source.name(id), name.lowercased() == typed.lowercased()
        {
            return Resolved(value: id.canonicalText, field: try await ChoiceField.resolve(id: id, typed: nil, source), error: nil)
        }
        let resolved = try await ChoiceField.resolve(id: nil, typed: typed, source)
        return Resolved(
            value: resolved.chosen?.canonicalText, field: resolved,
            error: resolved.message.map { FieldError(field: field, message: label + ": " + $0.prefix(1).lowercased() + $0.dropFirst()) })
    }

    /// Validates a form's input with its choices' messages: a choice whose name picked nothing or several says so in
    /// its own words, and the other fields' errors are shown with it.
    static func validate<Valid>(_ unresolved: [FieldError], _ validate: () throws(DomainError) -> Valid) throws(DomainError) -> Valid {
        let valid: Valid
        do {
            valid = try validate()
        } catch {
            guard !error.fieldErrors.isEmpty else { throw error }
            throw .validation(unresolved + error.fieldErrors.filter { field in !unresolved.contains { $0.field == field.field } })
        }
        guard unresolved.isEmpty else { throw .validation(unresolved) }
        return valid
    }
}
