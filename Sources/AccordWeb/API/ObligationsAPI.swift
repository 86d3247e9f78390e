import AccordCore
import Foundation
import Hummingbird

/// /api/v1 obligations: an alliance's obligations with their dated occurrences, trigger events, and recording what
/// was executed. The rules are the pages' (`ObligationsService`).
struct ObligationsAPI {
    let obligations: ObligationsService

    static let fields: Set<String> = [
        "title", "kind", "direction", "dueOn", "triggerId", "offsetDays", "recurrence", "recursUntil", "openEnded", "amount",
        "currency", "notes", "visibility",
    ]

    func list(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let view = try await obligations.view(alliance, user)
        let items = view.obligations.map { APIModels.ObligationModel($0, occurrences: view.occurrences, today: obligations.today) }
        return try APIResponse.whole(items)
    }

    func get(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let item = try await obligations.obligation(context.apiID("obligationId"), of: alliance, user)
        return try await response(item, alliance, user)
    }

    func create(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let input = try await JSONBody.create(request, context, fields: Self.fields, Self.input)
        let item = try await obligations.saveObligation(input, in: alliance, existing: nil, expectedVersion: nil, by: user)
        return try await response(item, alliance, user, status: .created)
    }

    func update(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let existing = try await obligations.obligation(context.apiID("obligationId"), of: alliance, user)
        let (input, version) = try await JSONBody.replace(request, context, fields: Self.fields, Self.input)
        let item = try await obligations.saveObligation(input, in: alliance, existing: existing, expectedVersion: version, by: user)
        return try await response(item, alliance, user)
    }

    func execute(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let item = try await obligations.obligation(context.apiID("obligationId"), of: alliance, user)
        guard let raw = context.parameters.get("index"), let index = Int(raw), (0..<10_000).contains(index) else {
            throw Problem(.notFound, "No such occurrence.")
        }
        var json = try await JSONBody.read(request, context: context, allowed: ["state", "executedAmount", "executedOn", "note"])
        let input = ExecutionInput(
            state: json.string("state"), executedAmount: json.string("executedAmount"), executedOn: json.string("executedOn"),
            note: json.string("note"))
        try json.check()
        try await obligations.recordExecution(item, occurrence: index, input, by: user)
        return try await response(item, alliance, user)
    }

    func csv(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        return try await ObligationsAPI.csvResponse(obligations, alliance, user)
    }

    static func csvResponse(_ obligations: ObligationsService, _ alliance: Alliance, _ user: SignedIn) async throws -> Response {
        let view = try await obligations.view(alliance, user)
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentDisposition] = "attachment; filename=\"obligations.csv\""
        let text = ObligationExport.csv(view.occurrences, waiting: view.waiting, triggers: view.triggers, today: obligations.today)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: Trigger events

    func triggers(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let items = try await obligations.triggers(alliance, user).map(APIModels.TriggerModel.init)
        return try APIResponse.whole(items)
    }

    func saveTrigger(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let existing = context.parameters.get("triggerId") == nil ? nil : try context.apiID("triggerId")
        var json = try await JSONBody.read(
            request, context: context, allowed: existing == nil ? ["name", "occurredOn"] : ["name", "occurredOn", "version"])
        let input = TriggerInput(name: json.string("name"), occurredOn: json.string("occurredOn"))
        let version = existing == nil ? nil : json.integer("version", required: true)
        try json.check()
        let saved = try await obligations.saveTrigger(input, in: alliance, existing: existing, expectedVersion: version, by: user)
        return try APIResponse.json(APIModels.TriggerModel(saved), status: existing == nil ? .created : .ok, etag: saved.version)
    }

    // MARK: Helpers

    /// The body's fields; a body with both a fixed date and a trigger is refused by `check`.
    static func input(_ json: inout JSONBody) -> ObligationInput {
        let trigger = json.string("triggerId")
        let dueOn = json.string("dueOn")
        let mode = (trigger ?? "").isEmpty ? "fixed" : ((dueOn ?? "").isEmpty ? "trigger" : "both")
        let offset = json.integer("offsetDays", required: false)
        return ObligationInput(
            title: json.string("title"), kind: json.string("kind"), direction: json.string("direction"),
            dueMode: mode, dueOn: dueOn, triggerID: trigger,
            offsetDays: offset.map(String.init), recurrence: json.string("recurrence"), recursUntil: json.string("recursUntil"),
            openEnded: json.bool("openEnded") ?? false, amount: json.string("amount"), currency: json.string("currency"),
            notes: json.string("notes"), visibility: json.string("visibility"))
    }

    func response(_ item: Obligation, _ alliance: Alliance, _ user: SignedIn, status: HTTPResponse.Status = .ok) async throws -> Response {
        let (current, occurrences) = try await obligations.current(item, in: alliance)
        return try APIResponse.json(
            APIModels.ObligationModel(current, occurrences: occurrences, today: obligations.today), status: status, etag: current.version)
    }

    func allowed(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        let user = try context.requireUser()
        return (user, try await obligations.access.visibleAlliance(context.apiID("id"), user))
    }
}
