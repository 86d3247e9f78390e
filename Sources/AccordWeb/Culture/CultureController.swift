import AccordCore
import Foundation
import Hummingbird

/// An organisation's culture profile; for a partner also the comparison with ours, the differences log and the
/// synergy road map.
struct CultureController {
    let views: Views
    let culture: CultureService

    func register(_ router: Router<AppContext>) {
        router.get(Site.culture) { request, context, id in
            let user = try context.requireUser()
            return try await page(
                context, id, user: user, notice: LayoutModel.notice(request.queryValues["notice"]))
        }
        router.post(Site.culture) { request, context in
            try await change(request, context, notice: .profileSaved) { form, org, user in
                var scores: [String: String] = [:]
                for (key, value) in form.values(prefixed: "score.") { scores[String(key.dropFirst(6))] = value }
                let input = CultureProfileInput(
                    scores: scores, timeZones: form["timeZones"], languages: form["languages"], workingNorms: form["workingNorms"])
                _ = try await culture.saveCultureProfile(input, of: org, expectedVersion: form.version, by: user)
            }
        }
        router.post(Site.cultureDifferences) { request, context in
            try await change(request, context, notice: .differenceAdded) { form, org, user in
                var input = Self.input(form)
                let owner = try await culture.postedOwner(form, &input, try await culture.ownerChoices())
                _ = try await culture.addDifference(input, with: org, unresolved: owner.error.map { [$0] } ?? [], by: user)
            }
        }
        router.post(Site.cultureDifference) { request, context, ids in
            try await change(request, context, notice: .differenceUpdated) { form, org, user in
                let entry = try await culture.difference(ids.1, of: org)
                var input = Self.input(form)
                let owner = try await culture.postedOwner(form, &input, try await culture.ownerChoices())
                _ = try await culture.updateDifference(
                    entry, input, expectedVersion: form.version, unresolved: owner.error.map { [$0] } ?? [], by: user)
            }
        }
    }

    static func input(_ form: FormData) -> DifferenceInput {
        DifferenceInput(
            scale: form["scale"], difference: form["difference"], risk: form["risk"], leverage: form["leverage"], owner: form["ownerID"],
            status: form["status"], dueOn: form["dueOn"])
    }

    func change(
        _ request: Request, _ context: AppContext, notice: Notice, _ apply: (FormData, Organization, SignedIn) async throws -> Void
    ) async throws -> Response {
        let user = try context.requireUser()
        let org = try await culture.organization(try Site.culture.id(in: context), user)
        try AccessPolicy.require(user.principal, .editDirectory)
        let form = try await FormData.read(request, context: context)
        do {
            try await apply(form, org, user)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await page(context, org.id, user: user, notice: nil, form: form, errors: error.fieldErrors)
        }
        return redirect(Site.culture.path(org.id), notice)
    }

    func page(
        _ context: AppContext, _ id: UUID, user: SignedIn, notice: String?, form: FormData? = nil, errors: [FieldError] = []
    ) async throws -> Response {
        let state = try await culture.cultureState(id, user)
        let owners = try await culture.ownerChoices()
        // A new log entry that was refused is shown again as typed, its owner as the name resolved.
        var posted: (input: DifferenceInput, owner: ChoiceField)?
        if let form, form["difference"] != nil, form.version == nil {
            var input = Self.input(form)
            let owner = try await culture.postedOwner(form, &input, owners)
            posted = (input, owner.field)
        }
        let model = CulturePage(
            layout: LayoutModel(title: "Culture: \(state.organization.name)", context: context, section: "organizations", notice: notice),
            state: state, owners: owners, today: culture.today, canEdit: AccessPolicy.allows(user.principal, .editDirectory), form: form,
            posted: posted, errors: errors)
        return try views.page(model, .cultureIndex, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
