import AccordCore
import Foundation

/// One alliance: its facts, its team on both sides, and its history (its view: `AllianceShowView.swift`).
struct AllianceShowPage: HTMLPage {
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct MemberRow: Sendable {
        let name: String
        let href: String?
        let title: String
        let function: String
        let level: String
        let role: String
        let removeHref: String?
    }

    struct Side: Sendable {
        let heading: String
        let members: [MemberRow]
        let isEmpty: Bool
    }

    struct HistoryEntry: Sendable {
        let when: String
        let who: String
        let summary: String
        let changes: [FieldChange]
        let hasChanges: Bool
    }

    let layout: LayoutModel
    let allianceID: UUID
    let name: String
    let partner: String
    let partnerHref: String?
    let badges: [Fact]
    let facts: [Fact]
    let description: String?
    let internalNotes: String?
    let showInternal: Bool
    let sides: [Side]
    let canEdit: Bool
    let canDelete: Bool
    let canManageTeam: Bool
    let editHref: String
    let healthHref: String
    let canRunHealth: Bool
    let governanceHref: String
    let obligationsHref: String
    let goalsHref: String
    let issuesHref: String
    let relationshipsHref: String?
    let cultureHref: String?
    let lifecycleHref: String?
    let deleteHref: String
    let addMemberHref: String
    /// The person field of "Add to the team" (nil unless the user manages the team).
    let picker: TeamPicker?
    let teamCandidatesHref: String
    let roleOptions: [OptionModel]
    let memberError: String?
    /// What is late in the alliance's governance, as the user may see it.
    let governanceFlag: String?
    /// "1 issue past its escalation limit", linking to the issue log.
    let issueFlag: String?
    let lifecycleFlag: String?
    let showHistory: Bool
    let history: [HistoryEntry]
    let version: Int

    init(
        layout: LayoutModel, alliance a: Alliance, partner: Organization, members: [Membership], people: [UUID: Person],
        picker: TeamPicker?, history: [AuditRecord], historyNames: AllianceHistory, principal: Principal, memberError: String?,
        attention: GovernanceAttention = .init(), lifecycleFlag: String? = nil
    ) {
        self.lifecycleFlag = lifecycleFlag
        self.layout = layout
        allianceID = a.id
        name = a.name
        self.partner = partner.name
        let internalUser = principal.role.isInternal
        partnerHref = internalUser ? Site.organization.path(partner.id) : nil
        badges =
            [
                Fact(label: "Type", value: a.type.label), Fact(label: "Status", value: a.status.label),
                Fact(label: "Phase", value: a.phase.label + (a.transition.map { " · \($0.label)" } ?? "")),
            ] + (AccessPolicy.seesInternalAssessment(principal, a.id) ? [Fact(label: "Tier", value: a.tier.label)] : [])
        func person(_ id: UUID?) -> String { id.flatMap { people[$0]?.name } ?? "Not named" }
        facts = [
            Fact(label: "Our executive sponsor", value: person(a.ourSponsorID)),
            Fact(label: "Our alliance manager", value: person(a.ourManagerID)),
            Fact(label: "Partner executive sponsor", value: person(a.partnerSponsorID)),
            Fact(label: "Partner alliance manager", value: person(a.partnerManagerID)),
            Fact(label: "Products and assets", value: a.products ?? "—"),
            Fact(label: "Territories", value: a.territories ?? "—"),
            Fact(label: "Effective date", value: a.effectiveDate?.description ?? "—"),
            Fact(label: "Term end", value: a.termEndDate?.description ?? "—"),
            Fact(label: "Renewal notice date", value: a.renewalNoticeDate?.description ?? "—"),
            Fact(label: "Value", value: a.value.map { "\($0.currency) \($0.amountText)" } ?? "—"),
        ]
        description = a.description
        showInternal = AccessPolicy.seesInternalAssessment(principal, a.id)
        internalNotes = showInternal ? a.internalNotes : nil
        canEdit = AccessPolicy.allows(principal, .editAlliance(a.id))
        canDelete = AccessPolicy.allows(principal, .deleteAlliance(a.id))
        canManageTeam = AccessPolicy.allows(principal, .manageTeam(a.id))
        editHref = Site.editAlliance.path(a.id)
        healthHref = Site.allianceHealth.path(a.id)
        governanceHref = Site.governance.path(a.id)
        obligationsHref = Site.obligations.path(a.id)
        goalsHref = Site.goals.path(a.id)
        issuesHref = Site.issues.path(a.id)
        relationshipsHref = AccessPolicy.allows(principal, .viewRelationships(a.id)) ? Site.relationships.path(a.id) : nil
        cultureHref = AccessPolicy.allows(principal, .viewDirectory) ? Site.culture.path(a.partnerID) : nil
        lifecycleHref = AccessPolicy.allows(principal, .viewLifecycle(a.id)) ? Site.lifecycle.path(a.id) : nil
        canRunHealth = AccessPolicy.allows(principal, .runHealthChecks(a.id))
        deleteHref = Site.deleteAlliance.path(a.id)
        addMemberHref = Site.allianceMembers.path(a.id)
        let canManage = canManageTeam
        sides = [AccordCore.Side.ours, .partner].map { side in
            // One row per person, with every role they hold on this side.
            var order: [UUID] = []
            var byPerson: [UUID: [Membership]] = [:]
            for m in members where m.side == side {
                if byPerson[m.personID] == nil { order.append(m.personID) }
                byPerson[m.personID, default: []].append(m)
            }
            let rows = order.compactMap { id -> MemberRow? in
                guard let p = people[id], let held = byPerson[id] else { return nil }
                let removable = held.first { $0.role != .executiveSponsor && $0.role != .allianceManager }
                return MemberRow(
                    name: p.name, href: internalUser ? Site.person.path(p.id) : nil, title: p.title ?? "", function: p.function.label,
                    level: p.level.label, role: held.map(\.role.label).joined(separator: ", "),
                    removeHref: canManage ? removable.map { Site.removeMember.path(a.id, $0.id) } : nil)
            }
            return Side(heading: side == .ours ? "Our team" : "\(partner.name) team", members: rows, isEmpty: rows.isEmpty)
        }
        self.picker = picker
        teamCandidatesHref = Site.teamCandidates.path(a.id)
        roleOptions = [MembershipRole.functionalLead, .member].map {
            OptionModel(value: $0.rawValue, label: $0.label, selected: $0 == .member)
        }
        self.memberError = memberError
        var governance = attention
        governance.issues = []
        governanceFlag = governance.flag
        issueFlag = GovernanceAttention(issues: attention.issues).flag
        showHistory = AccessPolicy.allows(principal, .viewAllianceHistory(a.id))
        let formatter = Date.FormatStyle(date: .abbreviated, time: .shortened, timeZone: TimeZone(identifier: "UTC")!)
        self.history =
            showHistory
            ? history.map { record in
                let changes = historyNames.changes(record)
                return HistoryEntry(
                    when: record.at.formatted(formatter) + " UTC", who: record.actorName, summary: historyNames.summary(record),
                    changes: changes, hasChanges: !changes.isEmpty)
            } : []
        version = a.version
    }
}
