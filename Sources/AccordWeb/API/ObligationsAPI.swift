import AccordCore
import Foundation
import Hummingbird

/// /api/v1 obligations: an alliance's obligations with their dated occurrences, trigger events, and recording what
/// was executed. The rules are the pages' (`ObligationsService`).
struct ObligationsAPI {
    let obligations: ObligationsService

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
        let input = try await JSONBody.create(request, context, Self.obligationCreate, Self.input)
        let item = try await obligations.saveObligation(input, in: alliance, existing: nil, expectedVersion: nil, by: user)
        return try await response(item, alliance, user, status: .created)
    }

    func update(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let existing = try await obligations.obligation(context.apiID("obligationId"), of: alliance, user)
        let (input, version) = try await JSONBody.replace(request, context, Self.obligationUpdate, Self.input)
        let item = try await obligations.saveObligation(input, in: alliance, existing: existing, expectedVersion: version, by: user)
        return try await response(item, alliance, user)
    }

    func execute(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let item = try await obligations.obligation(context.apiID("obligationId"), of: alliance, user)
        guard let raw = context.parameters.get("index"), let index = Int(raw), (0..<10_000).contains(index) else {
            throw Problem(.notFound, "No such occurrence.")
        }
        var json = try await JSONBody.read(request, context: context, body: Self.executionSave)
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
            request, context: context, body: existing == nil ? Self.triggerCreate : Self.triggerUpdate)
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

/// The request bodies of its operations.
extension ObligationsAPI {
    static let obligationCreate = APIBody(
        "ObligationCreate",
        [
            .required("title", .text(max: 200)),
            .required("kind", .code(ObligationKind.self)),
            .required("direction", .code(ObligationDirection.self)),
            .optional("dueOn", .date.nullable.described("A fixed due date (without triggerId)")),
            .optional("triggerId", .uuid.nullable.described("Due offsetDays after this trigger event of the alliance")),
            .optional("offsetDays", .integer(min: -3_650, max: 3_650).nullable),
            .optional("recurrence", .code(Recurrence.self)),
            .optional("recursUntil", .date.nullable),
            .optional("openEnded", .boolean.described("A recurrence with no end date must say so")),
            .optional(
                "amount",
                .string.with("pattern", "^[0-9][0-9,]*(\\.[0-9]{1,2})?$").nullable.described("Payments: the amount due per occurrence")),
            .optional("currency", .string.with("pattern", "^[A-Za-z]{3}$").nullable.described("ISO 4217; payments only")),
            .optional("notes", .text(max: 4_000).nullable),
            .optional("visibility", .code(Visibility.self)),
        ])
    static let obligationUpdate = obligationCreate.replacing("ObligationUpdate")
    static let executionSave = APIBody(
        "ExecutionSave",
        [
            .required("state", .code(ExecutionState.self)),
            .optional(
                "executedAmount",
                .string.with("pattern", "^[0-9][0-9,]*(\\.[0-9]{1,2})?$").nullable.described("Non-negative, at most two decimals")),
            .optional("executedOn", .date.nullable),
            .optional("note", .text(max: 1_000).nullable),
        ],
        description:
            "Partly executed payments need the amount paid so far (less than the amount due) and the date; fully executed needs the date")
    static let triggerCreate = APIBody(
        "TriggerCreate",
        [
            .required("name", .text(max: 120)),
            .optional("occurredOn", .date.nullable),
        ])
    static let triggerUpdate = triggerCreate.replacing("TriggerUpdate")
}
