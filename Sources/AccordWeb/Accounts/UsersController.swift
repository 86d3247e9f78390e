import AccordCore
import Foundation
import Hummingbird

/// User administration: accounts, roles, links to people, passwords. Administrators only.
struct UsersController {
    let views: Views
    let accounts: AccountsService

    struct IndexModel: PageModel {
        struct Row: Sendable {
            let name: String
            let email: String
            let role: String
            let active: Bool
            let editHref: String
        }
        let layout: LayoutModel
        let rows: [Row]
        let newHref = Site.newUser.pattern
    }

    func register(_ router: Router<AppContext>) {
        router.get(Site.users) { request, context in
            let rows = try await accounts.allUsers(try context.requireUser()).map {
                IndexModel.Row(name: $0.name, email: $0.email, role: $0.role.label, active: $0.active, editHref: Site.editUser.path($0.id))
            }
            let layout = LayoutModel(
                title: "Users", context: context, section: "users", notice: LayoutModel.notice(request.queryValues["notice"]))
            return try views.page(IndexModel(layout: layout, rows: rows), .adminUsers)
        }
        router.get(Site.newUser) { _, context in
            try AccessPolicy.require(try context.requireUser().principal, .manageUsers)
            return try await form(context, UserInput(role: "member", active: "true"), [], nil, .ok)
        }
        router.post(Site.users) { request, context in
            let admin = try context.requireUser()
            try AccessPolicy.require(admin.principal, .manageUsers)
            let data = try await FormData.read(request, context: context)
            var input = Self.input(data)
            let password = data["password"] ?? ""
            let linked = try await accounts.linkedPerson(data, &input)
            do {
                _ = try FormChoice.validate(linked.error.map { [$0] } ?? [], input.validate)
                _ = try await accounts.createUser(input, password: password, by: admin)
                return redirect(Site.users.pattern, .created)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await form(context, input, error.fieldErrors, nil, .unprocessableContent, linked: linked.field)
            }
        }
        router.get(Site.editUser) { _, context, id in
            let user = try await accounts.user(id, try context.requireUser())
            let input = UserInput(
                email: user.email, name: user.name, role: user.role.rawValue, personID: user.personID?.canonicalText,
                active: user.active ? "true" : "false")
            return try await form(context, input, [], user, .ok)
        }
        router.post(Site.editUser) { request, context, id in
            let admin = try context.requireUser()
            try AccessPolicy.require(admin.principal, .manageUsers)
            let user = try await accounts.user(id, admin)
            let data = try await FormData.read(request, context: context)
            var input = Self.input(data)
            let linked = try await accounts.linkedPerson(data, &input)
            do {
                _ = try FormChoice.validate(linked.error.map { [$0] } ?? [], input.validate)
                _ = try await accounts.updateUser(user, input, expectedVersion: data["version"].flatMap { Int($0) }, by: admin)
                return redirect(Site.users.pattern, .updated)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await form(context, input, error.fieldErrors, user, .unprocessableContent, linked: linked.field)
            }
        }
        router.post(Site.userPassword) { request, context, id in
            let admin = try context.requireUser()
            try AccessPolicy.require(admin.principal, .manageUsers)
            let user = try await accounts.user(id, admin)
            let data = try await FormData.read(request, context: context)
            do {
                try await accounts.setPassword(user, data["password"] ?? "", by: admin)
                return redirect(Site.users.pattern, .password)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                let input = UserInput(
                    email: user.email, name: user.name, role: user.role.rawValue, personID: user.personID?.canonicalText,
                    active: user.active ? "true" : "false")
                return try await form(context, input, error.fieldErrors, user, .unprocessableContent)
            }
        }
    }

    static func input(_ form: FormData) -> UserInput {
        UserInput(
            email: form["email"], name: form["name"], role: form["role"], personID: form["personID"], active: form["active"] ?? "false")
    }

    /// The form, shown afresh (`linked` nil) or again after a refused save with the linked person it resolved to.
    func form(
        _ context: AppContext, _ input: UserInput, _ errors: [FieldError], _ user: User?, _ status: HTTPResponse.Status,
        linked: ChoiceField? = nil
    ) async throws -> Response {
        var input = input
        let person: ChoiceField
        if let linked { person = linked } else { person = try await accounts.linkedPerson(nil, &input).field }
        let heading = user.map { "Edit \($0.name)" } ?? "New user"
        var fields = [
            FieldModel(.text, "name", "Name", value: input.name, errors: errors, required: true, maxLength: 120),
            FieldModel(.email, "email", "Email", value: input.email, errors: errors, required: true, maxLength: 254, autocomplete: "off"),
            FieldModel(
                .select, "role", "Role", value: input.role, errors: errors, required: true,
                options: OptionModel.list(Role.self, selected: input.role)),
            .choice(
                person, "personID", "Linked person", errors: errors,
                hint: "Links the account to alliance teams. Required for partner users.",
                placeholder: "Type a name, or leave empty"),
            FieldModel(
                .select, "active", "Account", value: input.active, errors: errors,
                options: [
                    OptionModel(value: "true", label: "Active", selected: input.active != "false"),
                    OptionModel(value: "false", label: "Disabled", selected: input.active == "false"),
                ]),
        ]
        if user == nil {
            fields.append(
                FieldModel(
                    .password, "password", "Password", value: "", errors: errors, required: true,
                    hint: "\(PasswordRules.minimumLength) to \(PasswordRules.maximumBytes) characters, no control characters.",
                    maxLength: PasswordRules.maximumBytes,
                    autocomplete: "new-password"))
        }
        let fieldsets = [FieldsetModel(legend: "Account", fields: fields)]
        let model = FormModel(
            layout: LayoutModel(title: heading, context: context, section: "users"), heading: heading,
            intro: user == nil ? nil : "Changing the role or disabling the account signs the user out everywhere.",
            action: user.map { Site.editUser.path($0.id) } ?? Site.users.pattern, submitLabel: "Save user", cancelHref: Site.users.pattern,
            version: user?.version, fieldsets: fieldsets, errors: errors,
            passwordHref: user.map { Site.userPassword.path($0.id) }, passwordError: errors.first { $0.field == "password" }?.message)
        return try views.page(model, .form, status: status)
    }
}
