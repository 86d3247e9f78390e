import AccordCore
import Foundation
import Hummingbird

/// Who is reminded of an obligation's due dates and how long before; and the user's in-app notifications.
struct RemindersController {
    let views: Views
    let reminders: ReminderService

    func register(_ router: Router<AppContext>) {
        router.get(Site.obligationReminders) { _, context, ids in
            let (user, alliance) = try await ObligationsController(views: views, obligations: reminders.obligations).managed(context)
            let item = try await reminders.obligations.obligation(ids.1, of: alliance, user)
            let rule = try await reminders.rule(for: item)
            let input = ReminderInput(
                recipients: rule?.recipients.map(\.canonicalText) ?? [],
                leadDays: rule?.leadDays.map(String.init).joined(separator: ", ") ?? "30, 7, 0")
            return try await page(context, alliance, item, input: input, errors: [])
        }
        router.post(Site.obligationReminders) { request, context, ids in
            let (user, alliance) = try await ObligationsController(views: views, obligations: reminders.obligations).managed(context)
            let item = try await reminders.obligations.obligation(ids.1, of: alliance, user)
            let form = try await FormData.read(request, context: context)
            let input = ReminderInput(recipients: form.all("recipient"), leadDays: form["leadDays"])
            do {
                try await reminders.saveReminder(item, input, in: alliance, by: user)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await page(context, alliance, item, input: input, errors: error.fieldErrors, status: .unprocessableContent)
            }
            return redirect(Site.obligations.path(alliance.id), .remindersSaved)
        }
        router.post(Site.readNotifications) { request, context in
            let user = try context.requireUser()
            _ = try await FormData.read(request, context: context)
            try await reminders.markRead(user)
            return redirect(Site.myActions.pattern, .notificationsRead)
        }
    }

    func page(
        _ context: AppContext, _ alliance: Alliance, _ item: Obligation, input: ReminderInput, errors: [FieldError],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let team = try await reminders.reminderCandidates(item, in: alliance)
        let chosen = Set(input.recipients.map { $0.lowercased() })
        let model = ReminderPage(
            layout: LayoutModel(title: "Reminders: \(item.title)", context: context, section: "alliances"), title: item.title,
            allianceName: alliance.name, obligationsHref: Site.obligations.path(alliance.id),
            action: Site.obligationReminders.path(alliance.id, item.id),
            people: team.map {
                ReminderPage.Person(
                    id: $0.person.id.lowercaseText, name: $0.person.name, side: $0.side.label,
                    checked: chosen.contains($0.person.id.lowercaseText))
            }, leadDays: input.leadDays ?? "", errors: errors.map(\.message), hasErrors: !errors.isEmpty)
        return try views.page(model, .obligationsReminders, status: status)
    }
}

struct ReminderPage: PageModel {

    /// Where the breadcrumb or form leads (the route table, not a path written in the template).

    let portfolioHref = Site.alliances.pattern
    struct Person: Sendable {
        let id: String
        let name: String
        let side: String
        let checked: Bool
    }
    let layout: LayoutModel
    let title: String
    let allianceName: String
    let obligationsHref: String
    let action: String
    let people: [Person]
    let leadDays: String
    let errors: [String]
    let hasErrors: Bool
}
