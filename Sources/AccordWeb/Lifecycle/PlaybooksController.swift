import AccordCore
import Foundation
import Hummingbird

/// Administrators edit the involvement playbook of each alliance type: the phase x function matrix and the
/// stage-gate checklists.
struct PlaybooksController {
    let views: Views
    let lifecycle: LifecycleService

    func register(_ router: Router<AppContext>) {
        router.get(Site.playbooks) { request, context in
            try allowed(context)
            let playbooks = try await lifecycle.allPlaybooks()
            let model = PlaybookListPage(
                layout: LayoutModel(
                    title: "Playbooks", context: context, section: "playbooks", notice: LayoutModel.notice(request.queryValues["notice"])),
                playbooks: playbooks)
            return try views.page(model, .lifecyclePlaybooks)
        }
        router.get(Site.playbook) { _, context in
            try allowed(context)
            let type = try Self.type(context)
            let playbook = try await lifecycle.playbook(type)
            return try page(context, type, PlaybookInput(playbook), version: playbook.version)
        }
        router.post(Site.playbook) { request, context in
            let user = try allowed(context)
            let type = try Self.type(context)
            let form = try await FormData.read(request, context: context)
            let input = Self.input(form)
            do {
                _ = try await lifecycle.savePlaybook(type, input, expectedVersion: form.version, by: user)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try page(context, type, input, version: form.version ?? 0, errors: error.fieldErrors, status: .unprocessableContent)
            }
            return redirect(Site.playbooks.pattern, .playbookSaved)
        }
    }

    static func type(_ context: AppContext) throws -> AllianceType {
        guard let type = AllianceType(rawValue: Site.playbook.text(in: context)) else {
            throw DomainError.notFound("No such alliance type.")
        }
        return type
    }

    /// Cells are posted as `cell.<phase>.<function>`, checklists as `checklist.<gate>`, limits as `limit.<level>`.
    static func input(_ form: FormData) -> PlaybookInput {
        var input = PlaybookInput()
        for (key, value) in form.values(prefixed: "cell.", "checklist.", "limit.") {
            if key.hasPrefix("cell.") { input.cells[String(key.dropFirst(5))] = value }
            if key.hasPrefix("checklist.") { input.checklists[String(key.dropFirst(10))] = value }
            if key.hasPrefix("limit.") { input.limits[String(key.dropFirst(6))] = value }
        }
        return input
    }

    @discardableResult
    func allowed(_ context: AppContext) throws -> SignedIn {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .managePlaybooks)
        return user
    }

    func page(
        _ context: AppContext, _ type: AllianceType, _ input: PlaybookInput, version: Int, errors: [FieldError] = [],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let model = PlaybookEditPage(
            layout: LayoutModel(title: "\(type.label) playbook", context: context, section: "playbooks"), type: type, input: input,
            version: version, errors: errors)
        return try views.page(model, .lifecyclePlaybook, status: status)
    }
}
