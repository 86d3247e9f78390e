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

    /// Fixed messages shown after a redirect, chosen by a short code in the query string (see `Notice`).
    static func notice(_ code: String?) -> String? { Notice.message(for: code) }
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
            + items.map { OptionModel(value: $0.0.lowercaseText, label: $0.1, selected: $0.0.canonicalText == chosen) }
    }
}
