import Foundation

/// Writes the OpenAPI 3.1 document from the Swift declarations: the operations from the API table (`APIRoute.doc`),
/// the enumerations from the domain types (`APIEnums`), the schemas from the types the operations name.
enum OpenAPIWriter {
    static let summary =
        "Alliances, organisations, people, teams, relationship health, governance, obligations, goals and KPIs, lifecycle and "
        + "playbooks, issues, relationship maps, culture profiles. Every request needs a personal API token (Authorization: "
        + "Bearer acc_...), created under API tokens in the web app or with `accord token create`. The token carries its "
        + "user's access: partner users see only their alliances and never internal notes. Updates are full replacements "
        + "(PUT) and must carry the version last read. Errors are RFC 9457 problem details."

    /// What each problem status means, as every operation documents it.
    static let problems: [Int: String] = [
        400: "Malformed JSON, a body that is not an object, or invalid query parameters",
        401: "No valid API token",
        403: "Your role does not allow this",
        404: "No such record, or one you may not know exists",
        409: "A stale version, or a record still in use",
        413: "Body larger than 64 KiB",
        415: "Body is not application/json",
        422: "Invalid or unknown fields; `errors` names each",
    ]

    /// The whole document for `routes`: the enumerations, then the schemas of the types the operations answer with (in
    /// the order first met), then `schemas`.
    static func document(_ routes: [APIRoute], schemas: [(String, APISchema)]) throws -> OpenAPIJSON {
        let recorder = ShapeRecorder()
        _ = recorder.schema(of: Problem.self)
        var tags: [String] = []
        var paths: [(String, [(String, OpenAPIJSON)])] = []
        for route in routes {
            if !tags.contains(route.doc.tag) { tags.append(route.doc.tag) }
            let operation = (route.method.rawValue.lowercased(), self.operation(route.doc, recorder))
            if let at = paths.firstIndex(where: { $0.0 == route.path }) {
                paths[at].1.append(operation)
            } else {
                paths.append((route.path, [operation]))
            }
        }
        if !recorder.problems.isEmpty { throw ShapeRecorder.ShapeError.unsupported(recorder.problems.joined(separator: "; ")) }
        let enums = APIEnums.all.map { ($0.name, APISchema.values($0.values).json) }
        return [
            "openapi": "3.1.0",
            "info": ["title": "Accord API", "version": "1.0.0", "description": .string(summary)],
            "servers": [["url": "/"]],
            "security": [["bearerAuth": []]],
            "tags": .array(tags.map { ["name": .string($0)] }),
            "paths": .object(paths.map { ($0.0, .object($0.1)) }),
            "components": [
                "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer"]],
                "schemas": .object(enums + (recorder.named + bodies(routes) + schemas).map { ($0.0, $0.1.json) }),
            ],
        ]
    }

    /// Each request body once, in the order the operations name them.
    static func bodies(_ routes: [APIRoute]) -> [(String, APISchema)] {
        var seen: Set<String> = []
        return routes.compactMap(\.doc.body).filter { seen.insert($0.name).inserted }.map { ($0.name, $0.schema) }
    }

    static func operation(_ doc: APIDoc, _ recorder: ShapeRecorder) -> OpenAPIJSON {
        var members: [(String, OpenAPIJSON)] = [
            ("operationId", .string(doc.operationID)), ("summary", .string(doc.summary)), ("tags", [.string(doc.tag)]),
        ]
        if doc.open { members.append(("security", [])) }
        let replies = doc.replies.map { (String($0.status), reply($0, recorder)) }
        let errors = doc.errors.map { (String($0), problem($0)) }
        members.append(("responses", .object(replies + errors)))
        if !doc.parameters.isEmpty { members.append(("parameters", .array(doc.parameters.map(parameter)))) }
        if let body = doc.body {
            members.append(("requestBody", ["required": true, "content": ["application/json": ["schema": APISchema.ref(body.name).json]]]))
        }
        return .object(members)
    }

    static func reply(_ reply: APIReply, _ recorder: ShapeRecorder) -> OpenAPIJSON {
        let description = OpenAPIJSON.string(reply.description)
        switch reply.content {
        case .none: return ["description": description]
        case .csv: return ["description": description, "content": ["text/csv": ["schema": APISchema.string.json]]]
        case .anyObject: return ["description": description, "content": ["application/json": ["schema": APISchema.anyObject.json]]]
        case .json(let type, let etag):
            let schema = recorder.schema(of: type)
            let json: OpenAPIJSON = ["description": description, "content": ["application/json": ["schema": schema.json]]]
            guard etag else { return json }
            return json.setting("headers", ["ETag": ["schema": APISchema.string.json, "description": "The record's version, quoted"]])
        }
    }

    static func problem(_ status: Int) -> OpenAPIJSON {
        [
            "description": .string(problems[status] ?? "A problem"),
            "content": ["application/problem+json": ["schema": APISchema.ref("Problem").json]],
        ]
    }

    static func parameter(_ p: APIParameter) -> OpenAPIJSON {
        [
            "name": .string(p.name), "in": p.inPath ? "path" : "query", "required": .bool(p.inPath),
            "description": .string(p.description), "schema": p.schema.json,
        ]
    }
}
