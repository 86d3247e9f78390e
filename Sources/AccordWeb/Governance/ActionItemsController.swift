import AccordCore
import Foundation
import Hummingbird

/// Governance action items on the alliance's governance page, and every user's "my actions" page.
struct ActionItemsController {
    let views: Views
    let governance: GovernanceService
    let calendar: CalendarService
    let reminders: ReminderService

    var bodiesPage: GovernanceController { GovernanceController(views: views, governance: governance) }

    func register(_ router: Router<AppContext>) {
        router.post(Site.allianceActions) { request, context in try await save(request, context, existing: nil) }
        router.post(Site.allianceAction) { request, context, ids in
            try await save(request, context, existing: ids.1)
        }
        router.get(Site.myActions) { request, context in
            try await mine(context, notice: LayoutModel.notice(request.queryValues["notice"]))
        }
    }

    func save(_ request: Request, _ context: AppContext, existing: UUID?) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await governance.access.visibleAlliance(Site.allianceID(in: context), user)
        try AccessPolicy.require(user.principal, .manageGovernance(alliance.id))
        let form = try await FormData.read(request, context: context)
        let input = ActionItemInput(
            title: form["title"], owner: form["ownerID"], dueOn: form["dueOn"], status: form["status"], source: form["source"],
            visibility: form["visibility"])
        do {
            _ = try await governance.saveActionItem(input, in: alliance, existing: existing, expectedVersion: form.version, by: user)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await bodiesPage.index(
                context, alliance, user: user, notice: nil, itemError: .init(errors: error.fieldErrors, input: input),
                status: .unprocessableContent)
        }
        return redirect(Site.governance.path(alliance.id), existing == nil ? .itemAdded : .itemUpdated, fragment: "actions")
    }

    /// The user's actions, and their calendar feed (`newFeedURL` only right after it was made: it is shown once).
    func mine(_ context: AppContext, notice: String? = nil, newFeedURL: String? = nil, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let user = try context.requireUser()
        var rows: [MyActionsPage.Row] = []
        let today = governance.today
        if let person = user.user.personID {
            let alliance = governance.access.lookup(user.principal)
            let owned = try await governance.ownedActions(person: person, user.principal)
            for item in owned.items {
                guard let a = try await alliance(item.allianceID) else { continue }
                rows.append(
                    .init(
                        title: item.title, alliance: a.name, href: Site.governance.path(a.id) + "#actions", kind: "Governance",
                        due: item.dueOn.description, status: item.status.label, overdue: item.isOverdue(on: today), open: item.status.isOpen
                    ))
            }
            for action in owned.health {
                guard let a = try await alliance(action.allianceID) else { continue }
                rows.append(
                    .init(
                        title: action.title, alliance: a.name, href: Site.healthWave.path(a.id, action.waveID) + "#actions",
                        kind: "Health check", due: action.dueOn.description, status: action.status.label,
                        overdue: action.status.isOpen && action.dueOn < today, open: action.status.isOpen))
            }
        }
        rows.sort { ($0.open ? 0 : 1, $0.due) < ($1.open ? 0 : 1, $1.due) }
        let feed = try await calendar.feed(user)
        let notes = try await reminders.notifications(user)
        let model = MyActionsPage(
            layout: LayoutModel(title: "My actions", context: context, section: "my-actions", notice: notice), rows: rows,
            isEmpty: rows.isEmpty, overdueCount: rows.filter(\.overdue).count, hasOverdue: rows.contains(where: \.overdue),
            hasPerson: user.user.personID != nil, feedSince: feed.map { LocalDate(date: $0.createdAt).description },
            newFeedURL: newFeedURL, webcalURL: newFeedURL.map { "webcal://" + $0.split(separator: "://", maxSplits: 1).last! },
            notifications: notes.map {
                MyActionsPage.Note(
                    title: $0.title, body: $0.body, href: $0.link, when: LocalDate(date: $0.createdAt).description, unread: $0.readAt == nil
                )
            }, showNotifications: !notes.isEmpty, hasUnread: notes.contains { $0.readAt == nil })
        return try views.page(model, .governanceMyActions, status: status)
    }
}

struct MyActionsPage: PageModel {
    struct Note: Sendable {
        let title: String
        let body: String
        let href: String?
        let when: String
        let unread: Bool
    }
    struct Row: Sendable {
        let title: String
        let alliance: String
        let href: String
        let kind: String
        let due: String
        let status: String
        let overdue: Bool
        let open: Bool
    }
    let layout: LayoutModel
    let rows: [Row]
    let isEmpty: Bool
    let overdueCount: Int
    let hasOverdue: Bool
    let hasPerson: Bool
    /// The day the current feed URL was made, or nil when the user has no feed.
    let feedSince: String?
    let newFeedURL: String?
    let webcalURL: String?
    let notifications: [Note]
    let showNotifications: Bool
    let hasUnread: Bool
    let readAction = Site.readNotifications.pattern
    let calendarAction = Site.myCalendar.pattern
    let revokeAction = Site.myCalendarRevoke.pattern
}
