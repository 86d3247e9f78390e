import AccordCore
import Foundation

/// The form that creates or edits a governance body and its charter, on the shared form template.
enum BodyFormPage {
    static let ladderRows = 4

    static func model(
        layout: LayoutModel, alliance: Alliance, input: BodyInput, body: GovernanceBody?, bodies: [GovernanceBody], errors: [FieldError]
    ) -> FormModel {
        let parents = bodies.filter { $0.id != body?.id }.map { ($0.id, $0.name) }
        var ladder: [FieldModel] = []
        for index in 0..<ladderRows {
            let step = index < input.escalation.count ? input.escalation[index] : EscalationStepInput()
            let n = index + 1
            ladder += [
                FieldModel(
                    .text, "step\(n).decidedBy", "Step \(n): who decides", value: step.decidedBy, errors: errors,
                    hint: n == 1 ? "For example: alliance managers, then the JSC chairs, then the chief executives." : nil, maxLength: 200),
                FieldModel(.text, "step\(n).days", "Step \(n): days allowed", value: step.days, errors: errors, maxLength: 3),
                FieldModel(
                    .select, "step\(n).finalSay", "Step \(n): final say", value: step.finalSay, errors: errors,
                    options: [
                        OptionModel(value: "", label: "No one (must agree)", selected: step.finalSay.isEmpty),
                        OptionModel(value: "ours", label: "Our company", selected: step.finalSay == "ours"),
                        OptionModel(value: "partner", label: "The partner", selected: step.finalSay == "partner"),
                    ]),
                FieldModel(
                    .text, "step\(n).excluded", "Step \(n): matters excluded from the final say", value: step.excludedMatters,
                    errors: errors, hint: "Separate with semicolons.", maxLength: 600),
            ]
        }
        let stepErrors = errors.filter { $0.field.hasPrefix("escalation.") }.map {
            FieldError(field: "step" + $0.field.dropFirst("escalation.".count) + ".decidedBy", message: $0.message)
        }
        let all = errors.filter { !$0.field.hasPrefix("escalation.") } + stepErrors
        return FormModel(
            layout: layout, heading: body == nil ? "New governance body" : "Edit \(body!.name)",
            intro: "\(alliance.name). The charter is enforced: membership limits, quorum, the decision rule, notice and escalation.",
            action: body.map { Site.editBody.path(alliance.id, $0.id) } ?? Site.governance.path(alliance.id),
            submitLabel: body == nil ? "Create body" : "Save body", cancelHref: Site.governance.path(alliance.id), version: body?.version,
            fieldsets: [
                FieldsetModel(
                    legend: "Body",
                    fields: [
                        FieldModel(.text, "name", "Name", value: input.name, errors: errors, required: true, maxLength: 120),
                        FieldModel(
                            .select, "kind", "Kind", value: input.kind, errors: errors, required: true,
                            options: OptionModel.list(BodyKind.self, selected: input.kind, blank: "Choose a kind")),
                        FieldModel(
                            .select, "parentID", "Reports to", value: input.parentID, errors: errors,
                            options: OptionModel.ids(parents, selected: input.parentID, blank: "No parent (top level)")),
                        FieldModel(
                            .select, "visibility", "Visibility", value: input.visibility, errors: errors,
                            options: OptionModel.list(Visibility.self, selected: input.visibility ?? "shared")),
                    ]),
                FieldsetModel(
                    legend: "Charter",
                    fields: [
                        FieldModel(
                            .text, "minMembersPerParty", "Minimum members per party", value: input.minMembersPerParty, errors: errors),
                        FieldModel(
                            .text, "maxMembersPerParty", "Maximum members per party", value: input.maxMembersPerParty, errors: errors),
                        FieldModel(
                            .select, "parityRequired", "Parity", value: input.parityRequired ? "yes" : "no", errors: errors,
                            options: [
                                OptionModel(value: "yes", label: "Equal numbers required", selected: input.parityRequired),
                                OptionModel(value: "no", label: "Not required", selected: !input.parityRequired),
                            ]),
                        FieldModel(
                            .text, "quorumPerParty", "Quorum: members of each party present", value: input.quorumPerParty, errors: errors),
                        FieldModel(
                            .select, "decisionRule", "Decision rule", value: input.decisionRule, errors: errors,
                            options: OptionModel.list(DecisionRule.self, selected: input.decisionRule ?? "one_per_party")),
                        FieldModel(
                            .text, "minMeetingsPerYear", "Meetings per year, at least", value: input.minMeetingsPerYear, errors: errors),
                        FieldModel(.text, "noticeDays", "Notice for meetings, days", value: input.noticeDays, errors: errors),
                    ]),
                FieldsetModel(legend: "Escalation ladder (used when a decision deadlocks)", fields: ladder),
            ], errors: all)
    }

    /// The body as posted by the form.
    static func input(_ form: FormData) -> BodyInput {
        BodyInput(
            name: form["name"], kind: form["kind"], parentID: form["parentID"], visibility: form["visibility"],
            minMembersPerParty: form["minMembersPerParty"], maxMembersPerParty: form["maxMembersPerParty"],
            parityRequired: form["parityRequired"] != "no", quorumPerParty: form["quorumPerParty"], decisionRule: form["decisionRule"],
            minMeetingsPerYear: form["minMeetingsPerYear"], noticeDays: form["noticeDays"],
            escalation: (1...ladderRows).map { n in
                EscalationStepInput(
                    decidedBy: form["step\(n).decidedBy"] ?? "", days: form["step\(n).days"] ?? "",
                    finalSay: form["step\(n).finalSay"] ?? "",
                    excludedMatters: form["step\(n).excluded"] ?? "")
            })
    }
}
