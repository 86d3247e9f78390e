import AccordCore
import Foundation
import Mustache

/// What the shared layout shows: title, navigation, the signed-in user and a notice.
struct LayoutModel: Sendable {
    struct NavItem: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    let title: String
    let signedIn: Bool
    let userName: String
    let roleLabel: String
    let csrf: String
    let nav: [NavItem]
    let notice: String?
    let stylesheet = Site.stylesheet.pattern
    let signOut = Site.signOut.pattern

    init(title: String, context: AppContext, section: String, notice: String? = nil) {
        self.title = title
        self.csrf = context.csrfToken
        self.notice = notice
        if let user = context.signedIn {
            signedIn = true
            userName = user.user.name
            roleLabel = user.user.role.label
            var items = [NavItem(label: "Portfolio", href: Site.alliances.pattern, current: section == "alliances")]
            if AccessPolicy.allows(user.principal, .viewHealthPortfolio) {
                items.append(NavItem(label: "Health", href: Site.healthPortfolio.pattern, current: section == "health"))
            }
            items.append(NavItem(label: "Governance", href: Site.governancePortfolio.pattern, current: section == "governance"))
            items.append(NavItem(label: "Obligations", href: Site.obligationPortfolio.pattern, current: section == "obligations"))
            if AccessPolicy.allows(user.principal, .viewDirectory) {
                items.append(NavItem(label: "Organisations", href: Site.organizations.pattern, current: section == "organizations"))
                items.append(NavItem(label: "People", href: Site.people.pattern, current: section == "people"))
            }
            if AccessPolicy.allows(user.principal, .manageUsers) {
                items.append(NavItem(label: "Users", href: Site.users.pattern, current: section == "users"))
            }
            if AccessPolicy.allows(user.principal, .manageInstruments) {
                items.append(NavItem(label: "Instruments", href: Site.instruments.pattern, current: section == "instruments"))
            }
            if AccessPolicy.allows(user.principal, .managePlaybooks) {
                items.append(NavItem(label: "Playbooks", href: Site.playbooks.pattern, current: section == "playbooks"))
            }
            if user.user.personID != nil {
                items.append(NavItem(label: "My actions", href: Site.myActions.pattern, current: section == "my-actions"))
            }
            items.append(NavItem(label: "API tokens", href: Site.tokens.pattern, current: section == "tokens"))
            nav = items
        } else {
            signedIn = false
            userName = ""
            roleLabel = ""
            nav = []
        }
    }

    /// Fixed messages shown after a redirect, chosen by a short code in the query string.
    static func notice(_ code: String?) -> String? {
        let imported = "obligations-imported-"
        if let code, code.hasPrefix(imported), let count = Int(code.dropFirst(imported.count)), count > 0, count <= 500 {
            return count == 1 ? "1 obligation imported." : "\(count) obligations imported."
        }
        return switch code {
        case "created": "Saved. The record was created."
        case "updated": "Saved. Your changes are recorded in the history."
        case "deleted": "Deleted. The deletion is recorded in the audit trail."
        case "member-added": "Team member added."
        case "member-removed": "Team member removed."
        case "password": "Password changed; the user's sessions were signed out."
        case "signed-out": "You are signed out."
        case "token-revoked": "Token revoked. Requests with it now get 401."
        case "action-added": "Action added to the plan."
        case "action-updated": "Action updated."
        case "wave-closed": "The wave is closed; its links no longer take answers."
        case "wave-open": "The wave is open again until its close date."
        case "wave-reviewed": "The wave is marked reviewed."
        case "instrument-saved": "Instrument saved."
        case "body-created": "Body created. Add its members below."
        case "body-updated": "Body saved. The change is recorded in the history."
        case "body-member-added": "Member added."
        case "body-member-removed": "Member removed."
        case "meeting-scheduled": "Meeting scheduled. Record attendance on the day."
        case "attendance-saved": "Attendance saved."
        case "minutes-saved": "Minutes saved."
        case "decision-proposed": "Decision proposed. Record the votes at a meeting of the body."
        case "votes-recorded": "Votes recorded; the outcome follows the charter's decision rule."
        case "decision-updated": "Decision updated."
        case "item-added": "Action item added."
        case "obligation-added": "Obligation added."
        case "obligation-updated": "Obligation saved."
        case "execution-saved": "Execution recorded."
        case "reminders-saved": "Reminders saved."
        case "goal-added": "Goal added."
        case "goal-updated": "Goal status saved."
        case "kpi-added": "KPI added."
        case "measurement-recorded": "Measurement recorded."
        case "notifications-read": "Notifications marked as read."
        case "trigger-saved": "Event saved. Due dates that depend on it follow its date."
        case "calendar-revoked": "Calendar feed turned off. Its link no longer works."
        case "item-updated": "Action item updated."
        case "issue-logged": "Issue logged at the working team level."
        case "issue-updated": "Issue saved."
        case "issue-escalated": "Issue escalated; its clock at the new level has started."
        case "issue-resolved": "Issue resolved."
        case "issue-reopened": "Issue reopened at the level it was resolved at."
        case "pair-added": "Pair added to the relationship map."
        case "pair-updated": "Pair saved."
        case "contact-recorded": "Contact recorded."
        case "pair-removed": "Pair removed from the relationship map."
        case "profile-saved": "Culture profile saved."
        case "difference-added": "Difference added to the log and the road map."
        case "difference-updated": "Difference saved."
        case "phase-proposed": "Phase change started. Settle its checklist and review the proposals, then complete it."
        case "phase-completed": "Phase change completed. The alliance, its team and its bodies are updated."
        case "phase-cancelled": "Phase change cancelled."
        case "gap-closed": "Added to the team."
        case "playbook-saved": "Playbook saved. Alliances of this type use it from now on."
        case "instrument-versioned": "Saved as a new version; waves already sent keep the version they used."
        default: nil
        }
    }
}

/// A choice in a select list. Pages render hundreds of these, so they answer template lookups directly
/// instead of through swift-mustache's reflection.
struct OptionModel: Sendable, MustacheParent {
    let value: String
    let label: String
    let selected: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }

    static func list<E: Labeled>(_ type: E.Type, selected: String?, blank: String? = nil) -> [OptionModel] {
        (blank.map { [OptionModel(value: "", label: $0, selected: (selected ?? "").isEmpty)] } ?? [])
            + E.allCases.map { OptionModel(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
    }

    static func ids(_ items: [(UUID, String)], selected: String?, blank: String?) -> [OptionModel] {
        let chosen = selected?.uppercased()
        return (blank.map { [OptionModel(value: "", label: $0, selected: (selected ?? "").isEmpty)] } ?? [])
            + items.map { OptionModel(value: $0.0.uuidString.lowercased(), label: $0.1, selected: $0.0.uuidString == chosen) }
    }
}
