import AccordCore
import Foundation

/// The create and edit form for an alliance: every field, grouped, with the choices it needs.
struct AllianceFormPage {
    /// The choices of records (see `AlliancesService.formChoices`): select lists while few, search fields when many.
    let partner: ChoiceField
    let ourSponsor: ChoiceField
    let ourManager: ChoiceField
    let partnerSponsor: ChoiceField
    let partnerManager: ChoiceField

    func model(
        layout: LayoutModel, input: AllianceInput, errors: [FieldError], action: String, heading: String, cancel: String,
        version: Int?
    ) -> FormModel {
        let person = "Type a name, or leave empty"
        // The partner's people are completed among the partner the field holds (its select, or its search's hidden id).
        let partnerField = partner.isSearch ? "field-partnerID-id" : "field-partnerID"
        let currencies =
            [OptionModel(value: "", label: "No value", selected: (input.valueCurrency ?? "").isEmpty)]
            + Currency.codes.map { OptionModel(value: $0, label: $0, selected: $0 == input.valueCurrency) }
        let e = errors
        return FormModel(
            layout: layout, heading: heading, action: action, submitLabel: "Save alliance", cancelHref: cancel, version: version,
            fieldsets: [
                FieldsetModel(
                    legend: "The alliance",
                    fields: [
                        FieldModel(.text, "name", "Name", value: input.name, errors: e, required: true, maxLength: 160, wide: true),
                        .choice(partner, "partnerID", "Partner", errors: e, required: true, placeholder: "Type the partner's name"),
                        FieldModel(
                            .select, "type", "Type", value: input.type, errors: e, required: true,
                            options: OptionModel.list(AllianceType.self, selected: input.type, blank: "Choose a type")),
                        FieldModel(
                            .select, "tier", "Strategic tier", value: input.tier, errors: e, required: true,
                            options: OptionModel.list(StrategicTier.self, selected: input.tier, blank: "Choose a tier")),
                        FieldModel(
                            .textarea, "description", "Description", value: input.description, errors: e,
                            hint: "Shared with the partner's users.", maxLength: 4000),
                    ]),
                FieldsetModel(
                    legend: "Lifecycle",
                    fields: [
                        FieldModel(
                            .select, "status", "Operational status", value: input.status, errors: e, required: true,
                            options: OptionModel.list(OperationalStatus.self, selected: input.status, blank: "Choose a status")),
                        FieldModel(
                            .select, "phase", "Lifecycle phase", value: input.phase, errors: e, required: true,
                            options: phaseOptions(input.phase, editing: version != nil, blank: "Choose a phase", LifecyclePhase.self),
                            hint: version != nil
                                ? "Phase and transition change on the Lifecycle page, with the playbook's stage-gate checklist." : nil),
                        FieldModel(
                            .select, "transition", "Transition", value: input.transition, errors: e,
                            options: phaseOptions(input.transition, editing: version != nil, blank: "None", LifecycleTransition.self)),
                    ]),
                FieldsetModel(
                    legend: "Sponsors and alliance managers",
                    fields: [
                        .choice(ourSponsor, "ourSponsorID", "Our executive sponsor", errors: e, placeholder: person),
                        .choice(ourManager, "ourManagerID", "Our alliance manager", errors: e, placeholder: person),
                        .choice(
                            partnerSponsor, "partnerSponsorID", "Partner executive sponsor", errors: e,
                            hint: partnerSponsor.isSearch ? "One of the partner's people." : nil, placeholder: person,
                            scopeFrom: partnerField),
                        .choice(
                            partnerManager, "partnerManagerID", "Partner alliance manager", errors: e,
                            hint: partnerManager.isSearch ? "One of the partner's people." : nil, placeholder: person,
                            scopeFrom: partnerField),
                    ]),
                FieldsetModel(
                    legend: "Agreement",
                    fields: [
                        FieldModel(.text, "products", "Products and assets", value: input.products, errors: e, maxLength: 500, wide: true),
                        FieldModel(.text, "territories", "Territories", value: input.territories, errors: e, maxLength: 500, wide: true),
                        FieldModel(.date, "effectiveDate", "Effective date", value: input.effectiveDate, errors: e, hint: "YYYY-MM-DD"),
                        FieldModel(.date, "termEndDate", "Term end", value: input.termEndDate, errors: e, hint: "YYYY-MM-DD"),
                        FieldModel(
                            .date, "renewalNoticeDate", "Renewal notice date", value: input.renewalNoticeDate, errors: e, hint: "YYYY-MM-DD"
                        ),
                        FieldModel(
                            .text, "valueAmount", "Value", value: input.valueAmount, errors: e, hint: "Total deal value, e.g. 250,000,000",
                            maxLength: 20),
                        FieldModel(.select, "valueCurrency", "Currency", value: input.valueCurrency, errors: e, options: currencies),
                    ]),
                FieldsetModel(
                    legend: "Internal",
                    fields: [
                        FieldModel(
                            .textarea, "internalNotes", "Internal notes", value: input.internalNotes, errors: e,
                            hint: "Never shown to partner users.", maxLength: 4000)
                    ]),
            ], errors: errors)
    }

    static func input(from form: FormData) -> AllianceInput {
        var input = AllianceInput()
        input.name = form["name"]
        input.partnerID = form["partnerID"]
        input.type = form["type"]
        input.status = form["status"]
        input.phase = form["phase"]
        input.transition = form["transition"]
        input.tier = form["tier"]
        input.ourSponsorID = form["ourSponsorID"]
        input.ourManagerID = form["ourManagerID"]
        input.partnerSponsorID = form["partnerSponsorID"]
        input.partnerManagerID = form["partnerManagerID"]
        input.products = form["products"]
        input.territories = form["territories"]
        input.effectiveDate = form["effectiveDate"]
        input.termEndDate = form["termEndDate"]
        input.renewalNoticeDate = form["renewalNoticeDate"]
        input.valueAmount = form["valueAmount"]
        input.valueCurrency = form["valueCurrency"]
        input.description = form["description"]
        input.internalNotes = form["internalNotes"]
        return input
    }

    /// On edit the phase and transition stay as they are (the lifecycle page changes them), so only the current one is offered.
    func phaseOptions<E: Labeled>(_ selected: String?, editing: Bool, blank: String, _ type: E.Type) -> [OptionModel] {
        let all = OptionModel.list(type, selected: selected, blank: blank)
        return editing ? all.filter { $0.selected } : all
    }
}
