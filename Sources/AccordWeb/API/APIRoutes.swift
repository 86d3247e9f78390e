import AccordCore
import Foundation
import Hummingbird

/// One API operation: its method, its path in OpenAPI form (`{id}`), and its handler.
struct APIRoute: Sendable {
    let method: HTTPRequest.Method
    let path: String
    let handler: @Sendable (Request, AppContext) async throws -> Response

    /// The same path in the router's form (`:id`).
    var routerPath: String {
        path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
    }
}

/// The JSON API under /api/v1. The table here both registers the routes and is checked against the OpenAPI document.
enum APIRoutes {
    static let prefix = "/api/v1"
    static let documentPath = prefix + "/openapi.json"

    static func table(_ services: Services) -> [APIRoute] {
        let orgs = OrganizationsAPI(services: services)
        let orgCRUD = orgs.crud
        let people = PeopleAPI(services: services)
        let peopleCRUD = people.crud
        let alliances = AlliancesAPI(services: services)
        let health = HealthAPI(services: services)
        let wave = prefix + "/alliances/{id}/health/waves/{waveId}"
        let gov = GovernanceAPI(services: services)
        let g = prefix + "/alliances/{id}/governance"
        let obligations = ObligationsAPI(services: services)
        let o = prefix + "/alliances/{id}/obligations"
        let goals = GoalsAPI(services: services)
        let lifecycle = LifecycleAPI(services: services)
        let issues = IssuesAPI(services: services)
        let relationships = RelationshipsAPI(services: services)
        let culture = CultureAPI(services: services)
        let a = prefix + "/alliances/{id}"
        return [
            APIRoute(method: .get, path: documentPath) { _, _ in try APIResponse.document() },
            APIRoute(method: .get, path: prefix + "/me") { _, context in
                let user = try context.requireUser().user
                return try APIResponse.json(
                    APIModels.Me(id: user.id, email: user.email, name: user.name, role: user.role.rawValue, personId: user.personID))
            },
            APIRoute(method: .get, path: prefix + "/organizations", handler: orgs.list),
            APIRoute(method: .post, path: prefix + "/organizations", handler: orgCRUD.create),
            APIRoute(method: .get, path: prefix + "/organizations/{id}", handler: orgCRUD.get),
            APIRoute(method: .put, path: prefix + "/organizations/{id}", handler: orgCRUD.update),
            APIRoute(method: .delete, path: prefix + "/organizations/{id}", handler: orgCRUD.delete),
            APIRoute(method: .get, path: prefix + "/people", handler: people.list),
            APIRoute(method: .post, path: prefix + "/people", handler: peopleCRUD.create),
            APIRoute(method: .get, path: prefix + "/people/{id}", handler: peopleCRUD.get),
            APIRoute(method: .put, path: prefix + "/people/{id}", handler: peopleCRUD.update),
            APIRoute(method: .delete, path: prefix + "/people/{id}", handler: peopleCRUD.delete),
            APIRoute(method: .get, path: prefix + "/alliances", handler: alliances.list),
            APIRoute(method: .post, path: prefix + "/alliances", handler: alliances.create),
            APIRoute(method: .get, path: prefix + "/alliances/{id}", handler: alliances.get),
            APIRoute(method: .put, path: prefix + "/alliances/{id}", handler: alliances.update),
            APIRoute(method: .delete, path: prefix + "/alliances/{id}", handler: alliances.delete),
            APIRoute(method: .get, path: prefix + "/alliances/{id}/members", handler: alliances.members),
            APIRoute(method: .post, path: prefix + "/alliances/{id}/members", handler: alliances.addMember),
            APIRoute(method: .delete, path: prefix + "/alliances/{id}/members/{memberId}", handler: alliances.removeMember),
            APIRoute(method: .get, path: prefix + "/health/instruments", handler: health.instruments),
            APIRoute(method: .post, path: prefix + "/health/instruments", handler: health.saveInstrument),
            APIRoute(method: .get, path: prefix + "/health/instruments/{id}", handler: health.instrument),
            APIRoute(method: .get, path: prefix + "/alliances/{id}/health/waves", handler: health.waves),
            APIRoute(method: .post, path: prefix + "/alliances/{id}/health/waves", handler: health.openWave),
            APIRoute(method: .get, path: wave, handler: health.wave),
            APIRoute(method: .post, path: wave + "/status", handler: health.setStatus),
            APIRoute(method: .get, path: wave + "/results", handler: health.results),
            APIRoute(method: .get, path: wave + "/results.csv", handler: health.csv),
            APIRoute(method: .get, path: wave + "/actions", handler: health.actions),
            APIRoute(method: .post, path: wave + "/actions", handler: health.addAction),
            APIRoute(method: .put, path: wave + "/actions/{actionId}", handler: health.updateAction),
            APIRoute(method: .get, path: g + "/bodies", handler: gov.bodies),
            APIRoute(method: .post, path: g + "/bodies", handler: gov.createBody),
            APIRoute(method: .get, path: g + "/bodies/{bodyId}", handler: gov.body),
            APIRoute(method: .put, path: g + "/bodies/{bodyId}", handler: gov.updateBody),
            APIRoute(method: .post, path: g + "/bodies/{bodyId}/members", handler: gov.addMember),
            APIRoute(method: .delete, path: g + "/bodies/{bodyId}/members/{memberId}", handler: gov.removeMember),
            APIRoute(method: .post, path: g + "/bodies/{bodyId}/meetings", handler: gov.scheduleMeeting),
            APIRoute(method: .post, path: g + "/bodies/{bodyId}/decisions", handler: gov.propose),
            APIRoute(method: .get, path: g + "/meetings", handler: gov.meetings),
            APIRoute(method: .get, path: g + "/meetings/{meetingId}", handler: gov.meeting),
            APIRoute(method: .put, path: g + "/meetings/{meetingId}/attendance", handler: gov.setAttendance),
            APIRoute(method: .put, path: g + "/meetings/{meetingId}/minutes", handler: gov.saveMinutes),
            APIRoute(method: .get, path: g + "/decisions", handler: gov.decisions),
            APIRoute(method: .get, path: g + "/decisions/{decisionId}", handler: gov.decision),
            APIRoute(method: .post, path: g + "/decisions/{decisionId}/votes", handler: gov.recordVotes),
            APIRoute(method: .post, path: g + "/decisions/{decisionId}/status", handler: gov.setDecisionStatus),
            APIRoute(method: .post, path: g + "/decisions/{decisionId}/supersede", handler: gov.supersede),
            APIRoute(method: .get, path: g + "/actions", handler: gov.actionItems),
            APIRoute(method: .post, path: g + "/actions", handler: gov.addActionItem),
            APIRoute(method: .put, path: g + "/actions/{actionId}", handler: gov.updateActionItem),
            APIRoute(method: .get, path: o, handler: obligations.list),
            APIRoute(method: .post, path: o, handler: obligations.create),
            APIRoute(method: .get, path: o + ".csv", handler: obligations.csv),
            APIRoute(method: .get, path: o + "/{obligationId}", handler: obligations.get),
            APIRoute(method: .put, path: o + "/{obligationId}", handler: obligations.update),
            APIRoute(method: .put, path: o + "/{obligationId}/occurrences/{index}", handler: obligations.execute),
            APIRoute(method: .get, path: prefix + "/alliances/{id}/triggers", handler: obligations.triggers),
            APIRoute(method: .post, path: prefix + "/alliances/{id}/triggers", handler: obligations.saveTrigger),
            APIRoute(method: .put, path: prefix + "/alliances/{id}/triggers/{triggerId}", handler: obligations.saveTrigger),
            APIRoute(method: .get, path: a + "/goals", handler: goals.goals),
            APIRoute(method: .post, path: a + "/goals", handler: goals.addGoal),
            APIRoute(method: .post, path: a + "/goals/{goalId}/status", handler: goals.setGoalStatus),
            APIRoute(method: .get, path: a + "/kpis", handler: goals.kpis),
            APIRoute(method: .post, path: a + "/kpis", handler: goals.addKPI),
            APIRoute(method: .get, path: a + "/kpis.csv", handler: goals.csv),
            APIRoute(method: .post, path: a + "/kpis/{kpiId}/measurements", handler: goals.record),
            APIRoute(method: .get, path: a + "/lifecycle", handler: lifecycle.state),
            APIRoute(method: .post, path: a + "/lifecycle/changes", handler: lifecycle.propose),
            APIRoute(method: .post, path: a + "/lifecycle/changes/{changeId}/complete", handler: lifecycle.complete),
            APIRoute(method: .post, path: a + "/lifecycle/changes/{changeId}/cancel", handler: lifecycle.cancel),
            APIRoute(method: .get, path: a + "/issues", handler: issues.list),
            APIRoute(method: .post, path: a + "/issues", handler: issues.create),
            APIRoute(method: .get, path: a + "/issues/{issueId}", handler: issues.get),
            APIRoute(method: .put, path: a + "/issues/{issueId}", handler: issues.update),
            APIRoute(method: .post, path: a + "/issues/{issueId}/escalate", handler: issues.escalate),
            APIRoute(method: .post, path: a + "/issues/{issueId}/resolve", handler: issues.resolve),
            APIRoute(method: .post, path: a + "/issues/{issueId}/reopen", handler: issues.reopen),
            APIRoute(method: .get, path: a + "/relationships", handler: relationships.map),
            APIRoute(method: .post, path: a + "/relationships", handler: relationships.create),
            APIRoute(method: .put, path: a + "/relationships/{pairId}", handler: relationships.update),
            APIRoute(method: .delete, path: a + "/relationships/{pairId}", handler: relationships.delete),
            APIRoute(method: .post, path: a + "/relationships/{pairId}/contacts", handler: relationships.contact),
            APIRoute(method: .get, path: prefix + "/organizations/{id}/culture", handler: culture.profile),
            APIRoute(method: .put, path: prefix + "/organizations/{id}/culture", handler: culture.saveProfile),
            APIRoute(method: .get, path: prefix + "/organizations/{id}/culture/differences", handler: culture.differences),
            APIRoute(method: .post, path: prefix + "/organizations/{id}/culture/differences", handler: culture.addDifference),
            APIRoute(
                method: .put, path: prefix + "/organizations/{id}/culture/differences/{differenceId}", handler: culture.updateDifference),
            APIRoute(method: .get, path: prefix + "/playbooks", handler: lifecycle.playbooks),
            APIRoute(method: .get, path: prefix + "/playbooks/{type}", handler: lifecycle.playbook),
            APIRoute(method: .put, path: prefix + "/playbooks/{type}", handler: lifecycle.replacePlaybook),
        ]
    }

    static func register(_ router: Router<AppContext>, _ services: Services) {
        let group = router.group(RouterPath(prefix))
            .add(middleware: TokenAuthMiddleware(services: services, open: [documentPath]))
        let declared = (try? OpenAPIDocument.queryParameters()) ?? [:]
        for route in table(services) {
            let relative = String(route.routerPath.dropFirst(prefix.count + 1))
            let allowed = declared[route.method.rawValue + " " + route.path] ?? []
            let handler = route.handler
            group.on(RouterPath(relative), method: route.method) { request, context in
                try Self.refuseUnknownQueryParameters(request, allowed: allowed)
                return try await handler(request, context)
            }
        }
    }

    /// Every operation takes exactly the query parameters the OpenAPI document declares for it; any other is a 400
    /// naming it (a misspelt filter such as `function=legal` on `/people` must not silently return everything).
    static func refuseUnknownQueryParameters(_ request: Request, allowed: Set<String>) throws {
        let unknown = Set(request.uri.queryParameters.map { String($0.key) }).subtracting(allowed).sorted()
        guard !unknown.isEmpty else { return }
        let takes = allowed.isEmpty ? "This operation takes no query parameters." : "It takes \(allowed.sorted().joined(separator: ", "))."
        throw Problem(
            .badRequest, "The query has unknown parameters.",
            errors: unknown.map { FieldError(field: $0, message: "\($0) is not a parameter of this operation. \(takes)") })
    }
}

/// JSON responses, with the encoder settings the document promises (ISO 8601 dates, sorted keys).
enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, etag: Int? = nil) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if let etag { headers[.eTag] = "\"\(etag)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    static func noContent() -> Response { Response(status: .noContent) }

    /// A short list that comes whole, in the paged envelope with one page.
    static func whole<Item: Encodable & Sendable>(_ items: [Item]) throws -> Response {
        try json(APIModels.List(Page(items: items, total: items.count, page: 1, perPage: max(1, items.count))) { $0 })
    }

    static func document() throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try OpenAPIDocument.text())))
    }
}

/// The OpenAPI document shipped in the module bundle (a copy of docs/openapi.json, checked by a test).
enum OpenAPIDocument {
    static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else { throw ViewError.missing("openapi.json") }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The query parameters each operation declares, keyed "GET /api/v1/people".
    static func queryParameters() throws -> [String: Set<String>] {
        let document = try JSONSerialization.jsonObject(with: Data(try text().utf8)) as? [String: Any] ?? [:]
        var result: [String: Set<String>] = [:]
        for (path, item) in document["paths"] as? [String: [String: Any]] ?? [:] {
            let shared = item["parameters"] as? [[String: Any]] ?? []
            for (method, operation) in item {
                guard let operation = operation as? [String: Any] else { continue }
                let parameters = shared + (operation["parameters"] as? [[String: Any]] ?? [])
                result[method.uppercased() + " " + path] = Set(
                    parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String })
            }
        }
        return result
    }
}

extension AppContext {
    /// A path id; anything that is not a UUID is a 404, as for an unknown record.
    func apiID(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw Problem(.notFound, "No such record.") }
        return id
    }
}

extension Request {
    /// List parameters that fail validation are a 400 with the fields named.
    func apiQuery<T>(_ parse: ([String: String]) throws(DomainError) -> T) throws -> T {
        do {
            return try parse(queryValues)
        } catch {
            throw Problem(.badRequest, "The query has invalid parameters.", errors: error.fieldErrors)
        }
    }
}
