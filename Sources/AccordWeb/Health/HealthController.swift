import AccordCore
import AccordStore
import Foundation
import Hummingbird

/// Health checks: managers open waves and read aggregated results; respondents answer through personal links.
struct HealthController {
    let services: Services
    var store: Store { services.store }

    func register(_ router: Router<AppContext>) {
        router.get(RouterPath(Site.allianceHealth.pattern)) { _, context in
            let (user, alliance) = try await allowed(context)
            return try await index(context, alliance, user: user, input: WaveInput(), chosen: nil, errors: [], links: [])
        }
        router.post(RouterPath(Site.allianceHealth.pattern)) { request, context in try await openWave(request, context) }
        router.get(RouterPath(Site.healthWave.pattern)) { _, context in try await results(context) }
        router.get(RouterPath(Site.survey.pattern)) { request, context in
            let token = context.parameters.get("token") ?? ""
            let found = try await invitation(token)
            let values = found.draft.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
            let notice = request.queryValues["saved"] == "1" ? "Your answers are saved. Come back to this link to finish." : nil
            return try await survey(context, found.wave, values: values, errors: [], done: found.submitted, notice: notice)
        }
        router.post(RouterPath(Site.survey.pattern)) { request, context in try await answer(request, context) }
    }

    func allowed(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        let user = try context.requireUser()
        let alliance = try await services.visibleAlliance(context.id("id"), user)
        try AccessPolicy.require(user.principal, .runHealthChecks(alliance.id))
        return (user, alliance)
    }

    func index(
        _ context: AppContext, _ alliance: Alliance, user: SignedIn, input: WaveInput, chosen: Set<String>?, errors: [FieldError],
        links: [HealthIndexPage.Link], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let members = try await store.alliances.members(of: alliance.id)
        let people = try await store.people.find(ids: members.map(\.personID))
        var seen: Set<UUID> = []
        let candidates = members.compactMap { m -> HealthIndexPage.Candidate? in
            guard seen.insert(m.personID).inserted, let p = people[m.personID] else { return nil }
            let id = p.id.uuidString.lowercased()
            return .init(id: id, name: p.name, detail: "\(m.side.label) · \(p.function.label)", checked: chosen?.contains(id) ?? true)
        }
        var rows: [HealthIndexPage.WaveRow] = []
        for wave in try await store.health.waves(allianceID: alliance.id).reversed() {
            let rates = try await store.health.responseRates(waveID: wave.id)
            rows.append(
                .init(
                    title: wave.title, href: Site.healthWave.path(alliance.id, wave.id), dates: "\(wave.opensOn) to \(wave.closesOn)",
                    status: wave.status.label,
                    answered: "\(rates.map(\.answered).reduce(0, +)) of \(rates.map(\.invited).reduce(0, +)) answered"))
        }
        let today = LocalDate(date: services.clock())
        let model = HealthIndexPage(
            layout: LayoutModel(title: "Health checks: \(alliance.name)", context: context, section: "alliances"),
            allianceName: alliance.name, allianceHref: Site.alliance.path(alliance.id), action: Site.allianceHealth.path(alliance.id),
            waves: rows, hasWaves: !rows.isEmpty, candidates: candidates, title: input.title ?? "Health check \(today.year)",
            opensOn: input.opensOn ?? today.description,
            closesOn: input.closesOn ?? LocalDate(date: services.clock().addingTimeInterval(21 * 86_400)).description, errors: errors,
            hasErrors: !errors.isEmpty, links: links, hasLinks: !links.isEmpty)
        return try services.views.page(model, "health/index", status: status)
    }

    func openWave(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let form = try await FormData.read(request, context: context)
        let input = WaveInput(title: form["title"], opensOn: form["opensOn"], closesOn: form["closesOn"])
        let chosen = Set(form.all("respondent").map { $0.lowercased() })
        do {
            let valid = try input.validate()
            let members = try await store.alliances.members(of: alliance.id)
            let people = try await store.people.find(ids: members.map(\.personID))
            var invitees: [WaveInvitee] = []
            var links: [HealthIndexPage.Link] = []
            var seen: Set<UUID> = []
            for id in chosen {
                guard let uuid = UUID(uuidString: id), let member = members.first(where: { $0.personID == uuid }),
                    let person = people[uuid], seen.insert(uuid).inserted
                else { throw DomainError.invalid("respondents", "Respondents must be on this alliance's team.") }
                let token = Tokens.random()
                invitees.append(WaveInvitee(personID: uuid, side: member.side, function: person.function, tokenHash: Tokens.sha256(token)))
                links.append(
                    .init(
                        name: person.name, side: member.side.label, url: Site.survey.path(segments: [token])
                    ))
            }
            let (instrumentID, _) = try await store.health.currentInstrument(DefaultInstrument.instrument, by: services.actor(user))
            _ = try await store.health.createWave(
                allianceID: alliance.id, instrumentID: instrumentID, valid, invitees: invitees, by: services.actor(user))
            return try await index(
                context, alliance, user: user, input: WaveInput(), chosen: nil, errors: [], links: links.sorted { $0.name < $1.name },
                status: .created)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await index(
                context, alliance, user: user, input: input, chosen: chosen, errors: error.fieldErrors, links: [],
                status: .unprocessableContent)
        }
    }

    func results(_ context: AppContext) async throws -> Response {
        let (_, alliance) = try await allowed(context)
        let waveID = try context.id("wave")
        guard let wave = try await store.health.waves(allianceID: alliance.id).first(where: { $0.id == waveID }) else {
            throw DomainError.notFound("No such health check.")
        }
        let settings = HealthSettings()
        let results = HealthScoring.results(
            DefaultInstrument.instrument, try await store.health.respondents(waveID: wave.id), settings: settings)
        let model = HealthResultsPage(
            layout: LayoutModel(title: wave.title, context: context, section: "alliances"), title: wave.title,
            allianceName: alliance.name, backHref: Site.allianceHealth.path(alliance.id), dates: "\(wave.opensOn) to \(wave.closesOn)",
            status: wave.status.label, band: results.band?.label ?? "Not enough answers yet",
            overall: HealthResultsPage.number(results.overall), oursOverall: HealthResultsPage.number(results.oursOverall),
            partnerOverall: HealthResultsPage.number(results.partnerOverall),
            rates: try await store.health.responseRates(waveID: wave.id).map {
                .init(side: $0.side.label, function: $0.function.label, answered: $0.answered, invited: $0.invited)
            },
            rows: results.dimensions.map {
                .init(
                    name: $0.name, ours: HealthResultsPage.score($0.ours), partner: HealthResultsPage.score($0.partner),
                    gap: $0.gap.map { String(format: "%+.2f", $0) } ?? "—", flagged: $0.gapFlagged, needsAction: $0.needsAction)
            }, comments: results.comments, hasComments: !results.comments.isEmpty, minimumGroupSize: settings.minimumGroupSize)
        return try services.views.page(model, "health/results")
    }

    func invitation(_ token: String) async throws -> (wave: HealthWave, submitted: Bool, draft: String?) {
        guard token.count < 100, let found = try await store.health.invitation(tokenHash: Tokens.sha256(token)) else {
            throw DomainError.notFound("This survey link is not valid. Check that you copied the whole link.")
        }
        return found
    }

    func survey(
        _ context: AppContext, _ wave: HealthWave, values: [String: String], errors: [FieldError], done: Bool = false,
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let alliance = try await store.alliances.find(wave.allianceID)
        let closed = !wave.acceptsAnswers(on: LocalDate(date: services.clock()))
        let model = SurveyPage(
            layout: LayoutModel(title: wave.title, context: context, section: "", notice: notice), wave: wave,
            allianceName: alliance?.name ?? "", instrument: DefaultInstrument.instrument,
            action: context.parameters.get("token").map { Site.survey.path(segments: [$0]) } ?? "",
            values: values, errors: errors, done: done, closed: closed && !done)
        return try services.views.page(model, "health/survey", status: status)
    }

    func answer(_ request: Request, _ context: AppContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let found = try await invitation(token)
        let form = try await FormData.read(request, context: context)
        if found.submitted { return try await survey(context, found.wave, values: [:], errors: [], done: true, status: .conflict) }
        let values = form.values.filter { $0.key.hasPrefix("score.") || $0.key.hasPrefix("comment.") || $0.key.hasPrefix("open.") }
        if form["action"] == "save" {
            let draft = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
            try await store.health.saveDraft(tokenHash: Tokens.sha256(token), draft: draft)
            return redirect(Site.survey.path(segments: [token]) + "?saved=1")
        }
        let instrument = DefaultInstrument.instrument
        do {
            let valid = try SurveyPage.submission(values, instrument: instrument).validate(against: instrument)
            try await store.health.submit(tokenHash: Tokens.sha256(token), valid, today: LocalDate(date: services.clock()))
            return try await survey(context, found.wave, values: [:], errors: [], done: true)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await survey(context, found.wave, values: values, errors: error.fieldErrors, status: .unprocessableContent)
        }
    }
}
