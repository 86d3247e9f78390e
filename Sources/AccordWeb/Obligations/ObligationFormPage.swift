import AccordCore
import Foundation

/// The form that records or edits an obligation, on the shared form template.
enum ObligationFormPage {
    static func model(
        layout: LayoutModel, alliance: Alliance, input: ObligationInput, obligation: Obligation?, triggers: [TriggerEvent],
        errors: [FieldError]
    ) -> FormModel {
        let events = triggers.map { ($0.id, $0.name + ($0.occurredOn.map { " (\($0))" } ?? " (no date yet)")) }
        return FormModel(
            layout: layout, heading: obligation == nil ? "New obligation" : "Edit \(obligation!.title)",
            intro:
                "\(alliance.name). A payment or a duty from the agreement, one-off or recurring, due on a date or a number of days after an event.",
            action: obligation.map { Site.editObligation.path(alliance.id, $0.id) } ?? Site.obligations.path(alliance.id),
            submitLabel: obligation == nil ? "Add obligation" : "Save obligation", cancelHref: Site.obligations.path(alliance.id),
            version: obligation?.version,
            fieldsets: [
                FieldsetModel(
                    legend: "Obligation",
                    fields: [
                        FieldModel(.text, "title", "Title", value: input.title, errors: errors, required: true, maxLength: 200),
                        FieldModel(
                            .select, "kind", "Kind", value: input.kind, errors: errors, required: true,
                            options: OptionModel.list(ObligationKind.self, selected: input.kind, blank: "Choose a kind")),
                        FieldModel(
                            .select, "direction", "Direction", value: input.direction, errors: errors, required: true,
                            options: OptionModel.list(ObligationDirection.self, selected: input.direction, blank: "Choose a direction")),
                        FieldModel(
                            .text, "amount", "Amount (payments)", value: input.amount, errors: errors,
                            hint: "Per occurrence, for example 25,000,000. A royalty may leave it blank until forecast.", maxLength: 20),
                        FieldModel(
                            .text, "currency", "Currency (payments)", value: input.currency, errors: errors, hint: "ISO 4217, e.g. USD",
                            maxLength: 3),
                    ]),
                FieldsetModel(
                    legend: "When it is due",
                    fields: [
                        FieldModel(
                            .select, "dueMode", "Due date is", value: input.dueMode, errors: errors,
                            options: [
                                OptionModel(value: "fixed", label: "A fixed date", selected: input.dueMode != "trigger"),
                                OptionModel(value: "trigger", label: "Days after an event", selected: input.dueMode == "trigger"),
                            ]),
                        FieldModel(.date, "dueOn", "Due on (fixed)", value: input.dueOn, errors: errors),
                        FieldModel(
                            .select, "triggerID", "Event (relative)", value: input.triggerID, errors: errors,
                            options: OptionModel.ids(
                                events, selected: input.triggerID,
                                blank: events.isEmpty ? "No events yet: add one on the obligations page" : "Choose an event"),
                            hint: "Record the event's date on the obligations page; every dependent due date follows it."),
                        FieldModel(
                            .text, "offsetDays", "Days after the event", value: input.offsetDays, errors: errors, hint: "For example 60.",
                            maxLength: 5),
                        FieldModel(
                            .select, "recurrence", "Repeats", value: input.recurrence, errors: errors,
                            options: OptionModel.list(Recurrence.self, selected: input.recurrence ?? "once")),
                        FieldModel(.date, "recursUntil", "Repeats until", value: input.recursUntil, errors: errors),
                        FieldModel(
                            .select, "openEnded", "Or", value: input.openEnded ? "yes" : "no", errors: errors,
                            options: [
                                OptionModel(value: "no", label: "It ends on the date above", selected: !input.openEnded),
                                OptionModel(value: "yes", label: "It repeats with no end date (open-ended)", selected: input.openEnded),
                            ]),
                    ]),
                FieldsetModel(
                    legend: "More",
                    fields: [
                        FieldModel(.textarea, "notes", "Notes", value: input.notes, errors: errors, maxLength: 4000, wide: true),
                        FieldModel(
                            .select, "visibility", "Visibility", value: input.visibility, errors: errors,
                            options: OptionModel.list(Visibility.self, selected: input.visibility ?? "shared")),
                    ]),
            ], errors: errors)
    }

    static func input(_ form: FormData) -> ObligationInput {
        ObligationInput(
            title: form["title"], kind: form["kind"], direction: form["direction"], dueMode: form["dueMode"], dueOn: form["dueOn"],
            triggerID: form["triggerID"], offsetDays: form["offsetDays"], recurrence: form["recurrence"],
            recursUntil: form["recursUntil"], openEnded: form["openEnded"] == "yes", amount: form["amount"], currency: form["currency"],
            notes: form["notes"], visibility: form["visibility"])
    }

    /// The form's values for an existing obligation.
    static func input(_ o: Obligation) -> ObligationInput {
        var input = ObligationInput(
            title: o.title, kind: o.kind.rawValue, direction: o.direction.rawValue, recurrence: o.recurrence.rawValue,
            recursUntil: o.recursUntil?.description, openEnded: o.openEnded, amount: o.amount?.amountText, currency: o.currency,
            notes: o.notes, visibility: o.visibility.rawValue)
        switch o.due {
        case .fixed(let date): (input.dueMode, input.dueOn) = ("fixed", date.description)
        case .afterTrigger(let id, let days):
            (input.dueMode, input.triggerID, input.offsetDays) = ("trigger", id.canonicalText, String(days))
        }
        return input
    }
}
