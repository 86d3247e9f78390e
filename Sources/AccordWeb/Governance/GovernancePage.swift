import AccordCore
import Foundation

/// The alliance's governance structure: bodies as a tree, each with its charter, members and warnings.
struct GovernancePage: PageModel {
    /// Where the breadcrumb or form leads (the route table, not a path written in the template).
    let portfolioHref = Site.alliances.pattern
    struct MemberRow: Sendable {
        let name: String
        let role: String
        let removeAction: String
    }
    struct MeetingRow: Sendable {
        let title: String
        let when: String
        let href: String
        let minutes: String
        let upcoming: Bool
    }
    struct DecisionRow: Sendable {
        let title: String
        let href: String
        let status: String
        let statusCode: String
        let step: String?
        let overdue: Bool
    }
    struct ItemRow: Sendable {
        let title: String
        let owner: String
        let due: String
        let overdue: Bool
        let source: String?
        let sourceHref: String?
        let internalOnly: Bool
        let action: String
        let version: Int
        let ownerID: String
        let sourceKey: String
        let visibility: String
        let statusOptions: [OptionModel]
    }
    /// An action item form that was refused.
    struct ItemError: Sendable {
        let errors: [FieldError]
        let input: ActionItemInput
    }
    struct ItemForm: Sendable {
        let action: String
        let title: String
        let dueOn: String
        let ownerOptions: [OptionModel]
        let sourceOptions: [OptionModel]
        let visibilityOptions: [OptionModel]
        let errors: [String]
        let hasErrors: Bool
    }
    /// A meeting form that was refused, to show again with its values and messages.
    struct MeetingError: Sendable {
        let bodyID: UUID
        let errors: [FieldError]
        let input: MeetingInput
    }
    struct MeetingForm: Sendable {
        let action: String
        let title: String
        let date: String
        let time: String
        let location: String
        let agenda: String
        let override: String
        let errors: [String]
        let hasErrors: Bool
        let open: Bool
    }
    struct Step: Sendable {
        let number: Int
        let text: String
    }
    struct BodyBlock: Sendable {
        let id: String
        let name: String
        let kind: String
        let depth: Int
        let indentClass: String
        let parentName: String?
        let internalOnly: Bool
        let charter: String
        let decisionRule: String
        let cadence: String
        let steps: [Step]
        let hasSteps: Bool
        let ours: [MemberRow]
        let partner: [MemberRow]
        let counts: String
        let warnings: [String]
        let hasWarnings: Bool
        let editHref: String
        let memberAction: String
        /// A refused member or decision form of this body, shown at the top of its panel.
        let bodyError: String?
        let meetings: [MeetingRow]
        let hasMeetings: Bool
        let meetingForm: MeetingForm
        let decisions: [DecisionRow]
        let hasDecisions: Bool
        let decisionAction: String
    }
    let layout: LayoutModel
    let allianceName: String
    let allianceHref: String
    let newHref: String
    let bodies: [BodyBlock]
    let isEmpty: Bool
    let warnings: [String]
    let hasWarnings: Bool
    let canManage: Bool
    let personOptions: [OptionModel]
    let roleOptions: [OptionModel]
    let items: [ItemRow]
    let hasItems: Bool
    let overdueItems: Int
    let itemForm: ItemForm

    init(
        layout: LayoutModel, alliance: Alliance, bodies: [GovernanceBody], members: [UUID: [BodyMember]], meetings: [Meeting],
        decisions: [Decision], team: [(person: Person, side: Side)], warnings: [GovernanceWarning], today: LocalDate, canManage: Bool,
        bodyError: (UUID, String)?, meetingError: MeetingError?, items: [ActionItem], sources: [(key: String, label: String)],
        itemError: ItemError?
    ) {
        self.layout = layout
        allianceName = alliance.name
        allianceHref = Site.alliance.path(alliance.id)
        newHref = Site.governance.path(alliance.id) + "?new=1"
        let names = Dictionary(team.map { ($0.person.id, $0.person.name) }, uniquingKeysWith: { a, _ in a })
        // Depth-first, so each subcommittee follows its parent.
        var ordered: [(GovernanceBody, Int)] = []
        func visit(_ parent: UUID?, _ depth: Int) {
            for body in bodies where body.parentID == parent && !ordered.contains(where: { $0.0.id == body.id }) {
                ordered.append((body, depth))
                visit(body.id, depth + 1)
            }
        }
        visit(nil, 0)
        for body in bodies where !ordered.contains(where: { $0.0.id == body.id }) { ordered.append((body, 0)) }  // parent hidden
        self.bodies = ordered.map { body, depth in
            let list = members[body.id] ?? []
            func rows(_ side: Side) -> [MemberRow] {
                list.filter { $0.side == side }.map {
                    MemberRow(
                        name: names[$0.personID] ?? "Former team member", role: $0.role.label,
                        removeAction: Site.removeBodyMember.path(alliance.id, body.id, $0.id))
                }
            }
            let c = body.charter
            let count = GovernanceChecks.counts(list)
            let refused = meetingError?.bodyID == body.id ? meetingError : nil
            let typed = refused?.input ?? MeetingInput()
            let decisionRows = decisions.filter { $0.bodyID == body.id }.map { decision in
                DecisionRow(
                    title: decision.title, href: Site.decision.path(alliance.id, decision.id), status: decision.status.label,
                    statusCode: decision.status.rawValue,
                    step: decision.status == .escalated
                        ? decision.escalation.map { "Step \($0.step + 1), due \($0.deadline)" } : nil,
                    overdue: decision.isOverdue(on: today))
            }
            let meetingRows = meetings.filter { $0.bodyID == body.id }.reversed().map {
                MeetingRow(
                    title: $0.title, when: "\($0.date) \($0.time) UTC", href: Site.meeting.path(alliance.id, $0.id),
                    minutes: $0.minutesStatus.label, upcoming: $0.date >= today)
            }
            return BodyBlock(
                id: "body-" + body.id.lowercaseText, name: body.name, kind: body.kind.label, depth: depth,
                indentClass: "depth-\(min(depth, 3))", parentName: body.parentID.flatMap { id in bodies.first { $0.id == id }?.name },
                internalOnly: body.visibility == .internal,
                charter:
                    "\(c.minMembersPerParty)-\(c.maxMembersPerParty) voting members per party\(c.parityRequired ? ", equal numbers" : ""); quorum \(c.quorumPerParty) of each party",
                decisionRule: c.decisionRule.label,
                cadence: "At least \(c.minMeetingsPerYear) meetings a year, \(c.noticeDays) days' notice",
                steps: c.escalation.enumerated().map { Step(number: $0.offset + 1, text: $0.element.summary) },
                hasSteps: !c.escalation.isEmpty, ours: rows(.ours), partner: rows(.partner),
                counts: "Ours \(count[.ours, default: 0]) · partner \(count[.partner, default: 0])",
                warnings: warnings.filter { $0.bodyID == body.id && $0.kind != .multipleLayers }.map(\.message),

                hasWarnings: warnings.contains { $0.bodyID == body.id && $0.kind != .multipleLayers },
                editHref: Site.editBody.path(alliance.id, body.id), memberAction: Site.bodyMembers.path(alliance.id, body.id),
                bodyError: bodyError?.0 == body.id ? bodyError?.1 : nil, meetings: Array(meetingRows),
                hasMeetings: !meetingRows.isEmpty,
                meetingForm: MeetingForm(
                    action: Site.bodyMeetings.path(alliance.id, body.id), title: typed.title ?? "", date: typed.date ?? "",
                    time: typed.time ?? "", location: typed.location ?? "", agenda: typed.agenda ?? "",
                    override: typed.noticeOverride ?? "",
                    errors: refused?.errors.map(\.message) ?? [], hasErrors: refused != nil, open: refused != nil),
                decisions: decisionRows, hasDecisions: !decisionRows.isEmpty, decisionAction: Site.bodyDecisions.path(alliance.id, body.id))
        }
        isEmpty = bodies.isEmpty
        self.warnings = warnings.map(\.message)
        hasWarnings = !warnings.isEmpty
        self.canManage = canManage
        personOptions =
            [OptionModel(value: "", label: "Choose a team member", selected: true)]
            + team.sorted { ($0.side.rawValue, $0.person.name) < ($1.side.rawValue, $1.person.name) }.map {
                OptionModel(value: $0.person.id.lowercaseText, label: "\($0.person.name) (\($0.side.label))", selected: false)
            }
        roleOptions = OptionModel.list(BodyRole.self, selected: BodyRole.member.rawValue)
        let sourceLabels = Dictionary(sources.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        self.items = items.map { item in
            let key =
                item.meetingID.map { "meeting:\($0.lowercaseText)" }
                ?? item.decisionID.map { "decision:\($0.lowercaseText)" }
            let href =
                item.meetingID.map { Site.meeting.path(alliance.id, $0) } ?? item.decisionID.map { Site.decision.path(alliance.id, $0) }
            return ItemRow(
                title: item.title, owner: names[item.ownerID] ?? "Former team member", due: item.dueOn.description,
                overdue: item.isOverdue(on: today), source: key.flatMap { sourceLabels[$0] },
                sourceHref: key.flatMap { sourceLabels[$0] != nil ? href : nil },
                internalOnly: item.visibility == .internal, action: Site.allianceAction.path(alliance.id, item.id), version: item.version,
                ownerID: item.ownerID.lowercaseText, sourceKey: key ?? "", visibility: item.visibility.rawValue,
                statusOptions: OptionModel.list(ActionStatus.self, selected: item.status.rawValue))
        }
        hasItems = !items.isEmpty
        overdueItems = items.filter { $0.isOverdue(on: today) }.count
        let typed = itemError?.input ?? ActionItemInput()
        itemForm = ItemForm(
            action: Site.allianceActions.path(alliance.id), title: typed.title ?? "", dueOn: typed.dueOn ?? "",
            ownerOptions: [OptionModel(value: "", label: "Choose an owner", selected: (typed.owner ?? "").isEmpty)]
                + team.sorted { $0.person.name < $1.person.name }.map {
                    OptionModel(
                        value: $0.person.id.lowercaseText, label: "\($0.person.name) (\($0.side.label))",
                        selected: $0.person.id.lowercaseText == typed.owner?.lowercased())
                },
            sourceOptions: [OptionModel(value: "", label: "Not from a meeting or decision", selected: (typed.source ?? "").isEmpty)]
                + sources.map { OptionModel(value: $0.key, label: $0.label, selected: $0.key == typed.source?.lowercased()) },
            visibilityOptions: OptionModel.list(Visibility.self, selected: typed.visibility ?? Visibility.shared.rawValue),
            errors: itemError?.errors.map(\.message) ?? [], hasErrors: itemError != nil)
    }
}

extension EscalationStep {
    /// "Chief executives, 30 days; final say: our company (except Amending the agreement)".
    var summary: String {
        var text = "\(decidedBy), \(days) days"
        if let say = finalSay { text += "; final say: \(say == .ours ? "our company" : "the partner")" }
        if !excludedMatters.isEmpty { text += " (except \(excludedMatters.joined(separator: ", ")))" }
        return text
    }
}
