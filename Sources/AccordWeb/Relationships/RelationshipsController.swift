import AccordCore
import Foundation
import Hummingbird

/// An alliance's relationship map: counterpart pairs by level and function, their cadence, last contact and strength.
struct RelationshipsController {
    let views: Views
    let relationships: RelationshipsService

    func register(_ router: Router<AppContext>) {
        router.get(Site.relationships) { request, context in
            let user = try context.requireUser()
            let alliance = try await relationships.access.visibleAlliance(Site.allianceID(in: context), user)
            return try await page(context, alliance, user: user, notice: LayoutModel.notice(request.queryValues["notice"]))
        }
        router.post(Site.relationships) { request, context in
            try await change(request, context, notice: .pairAdded) { form, alliance, user in
                var input = Self.input(form)
                let posted = try await relationships.postedPeople(form, &input, try await relationships.pairChoices(alliance))
                _ = try await relationships.addPair(input, in: alliance, unresolved: posted.unresolved, by: user)
            }
        }
        router.post(Site.editPair) { request, context, ids in
            try await change(request, context, notice: .pairUpdated) { form, alliance, user in
                let pair = try await relationships.pair(ids.1, of: alliance)
                var input = Self.input(form)
                let posted = try await relationships.postedPeople(form, &input, try await relationships.pairChoices(alliance))
                _ = try await relationships.updatePair(
                    pair, input, expectedVersion: form.version, in: alliance, unresolved: posted.unresolved, by: user)
            }
        }
        router.post(Site.pairContact) { request, context, ids in
            try await change(request, context, notice: .contactRecorded) { form, alliance, user in
                let pair = try await relationships.pair(ids.1, of: alliance)
                _ = try await relationships.recordContact(pair, on: form["on"], in: alliance, by: user)
            }
        }
        router.post(Site.deletePair) { request, context, ids in
            try await change(request, context, notice: .pairRemoved) { _, alliance, user in
                let pair = try await relationships.pair(ids.1, of: alliance)
                try await relationships.removePair(pair, in: alliance, by: user)
            }
        }
    }

    static func input(_ form: FormData) -> CounterpartInput {
        CounterpartInput(
            ourPersonID: form["ourPersonID"], partnerPersonID: form["partnerPersonID"], level: form["level"], function: form["function"],
            cadence: form["cadence"], lastContact: form["lastContact"], strength: form["strength"], notes: form["notes"])
    }

    /// A change from the map page; field errors show at the top of the page with 422 (a new pair keeps what was typed).
    func change(
        _ request: Request, _ context: AppContext, notice: Notice, _ apply: (FormData, Alliance, SignedIn) async throws -> Void
    ) async throws -> Response {
        try await relationships.access.formChange(
            request, context, Permission.manageRelationships, back: Site.relationships, notice: notice, apply
        ) { form, alliance, user, errors in
            // A new pair is shown again as typed, its people as the names resolved; an edit shows the pairs as saved.
            guard form.version == nil else { return try await page(context, alliance, user: user, notice: nil, errors: errors) }
            var input = Self.input(form)
            let posted = try await relationships.postedPeople(form, &input, try await relationships.pairChoices(alliance))
            return try await page(
                context, alliance, user: user, notice: nil, typed: input, posted: (posted.ours, posted.theirs), errors: errors)
        }
    }

    func page(
        _ context: AppContext, _ alliance: Alliance, user: SignedIn, notice: String?, typed: CounterpartInput? = nil,
        posted: (ours: ChoiceField, theirs: ChoiceField)? = nil, errors: [FieldError] = []
    ) async throws -> Response {
        let state = try await relationships.relationshipState(alliance, user)
        let choices = try await relationships.pairChoices(alliance)
        let (partner, ourName) = try await relationships.sides(alliance)
        let model = RelationshipsPage(
            layout: LayoutModel(title: "Relationship map: \(alliance.name)", context: context, section: "alliances", notice: notice),
            alliance: alliance, partner: partner, ourName: ourName, state: state, choices: choices,
            today: relationships.today, canManage: AccessPolicy.allows(user.principal, .manageRelationships(alliance.id)), typed: typed,
            posted: posted, errors: errors)
        return try views.page(model, .relationshipsIndex, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
