import AccordCore
import Foundation

/// One input on a form, with its value as typed and its error, if any.
struct FieldModel: Sendable {
    enum Kind: Sendable { case text, email, date, select, textarea, password, choice }

    let name: String
    let label: String
    let value: String
    let options: [OptionModel]
    let error: String?
    let required: Bool
    let hint: String?
    let maxLength: Int?
    let autocomplete: String?
    let isText: Bool
    let isEmail: Bool
    let isDate: Bool
    let isSelect: Bool
    let isTextarea: Bool
    let isPassword: Bool
    let wide: Bool
    let id: String
    let hasError: Bool
    /// A choice of a record (`FieldModel.choice`), drawn by `partials/choice`.
    private(set) var choice: ChoiceInputModel?

    init(
        _ kind: Kind, _ name: String, _ label: String, value: String?, errors: [FieldError], required: Bool = false,
        options: [OptionModel] = [], hint: String? = nil, maxLength: Int? = nil, autocomplete: String? = nil, wide: Bool = false
    ) {
        self.name = name
        self.label = label
        self.value = value ?? ""
        self.options = options
        self.error = errors.first(where: { $0.field == name })?.message
        self.required = required
        self.hint = hint
        self.maxLength = maxLength
        self.autocomplete = autocomplete
        self.wide = wide || kind == .textarea
        isText = kind == .text
        isEmail = kind == .email
        isDate = kind == .date
        isSelect = kind == .select
        isTextarea = kind == .textarea
        isPassword = kind == .password
        id = "field-" + name
        hasError = error != nil
    }

    /// A choice of a record: the select list while the records are few, else the search field (see `FormChoice`).
    static func choice(
        _ field: ChoiceField, _ name: String, _ label: String, errors: [FieldError], required: Bool = false, hint: String? = nil,
        placeholder: String, scopeFrom: String? = nil
    ) -> FieldModel {
        var model = FieldModel(.choice, name, label, value: field.chosen?.canonicalText, errors: errors, required: required, hint: hint)
        model.choice = ChoiceInputModel(
            field, id: model.id, name: name, label: label, placeholder: placeholder, required: required, hasError: model.hasError,
            scopeFrom: scopeFrom)
        return model
    }

}

/// A titled group of fields.
struct FieldsetModel: Sendable {
    let legend: String
    let fields: [FieldModel]
}

/// A whole form page: where it posts, what it holds, and the errors at the top.
struct FormModel: PageModel {
    let layout: LayoutModel
    let heading: String
    let intro: String?
    let action: String
    let submitLabel: String
    let cancelHref: String
    let version: Int?
    let fieldsets: [FieldsetModel]
    let errors: [ErrorLine]
    let hasErrors: Bool
    /// On the edit-user page: a second form that sets a new password.
    let passwordHref: String?
    let passwordError: String?

    struct ErrorLine: Sendable {
        let field: String
        let message: String
        let anchor: String
    }

    init(
        layout: LayoutModel, heading: String, intro: String? = nil, action: String, submitLabel: String, cancelHref: String,
        version: Int? = nil, fieldsets: [FieldsetModel], errors: [FieldError], passwordHref: String? = nil,
        passwordError: String? = nil
    ) {
        self.passwordHref = passwordHref
        self.passwordError = passwordError
        self.layout = layout
        self.heading = heading
        self.intro = intro
        self.action = action
        self.submitLabel = submitLabel
        self.cancelHref = cancelHref
        self.version = version
        self.fieldsets = fieldsets
        self.hasErrors = !errors.isEmpty
        self.errors = errors.map { ErrorLine(field: $0.field, message: $0.message, anchor: "field-" + $0.field) }
    }

}
