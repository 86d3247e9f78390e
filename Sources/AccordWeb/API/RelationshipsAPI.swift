import AccordCore
import Foundation
import Hummingbird

/// /api/v1 relationship map (internal): pairs with gaps by level and function; add, replace, record contact, remove.
struct RelationshipsAPI {
    let relationships: RelationshipsService

    func map(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let state = try await relationships.relationshipState(alliance, user)
        return try APIResponse.json(APIModels.RelationshipMapModel(state.map, today: relationships.today))
    }

    func create(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        try AccessPolicy.require(user.principal, .manageRelationships(alliance.id))
        let input = try await JSONBody.create(request, context, Self.pairCreate, Self.input)
        let pair = try await relationships.addPair(input, in: alliance, by: user)
        return try APIResponse.json(APIModels.PairModel(pair, today: relationships.today), status: .created, etag: pair.version)
    }

    func update(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        try AccessPolicy.require(user.principal, .manageRelationships(alliance.id))
        let pair = try await relationships.pair(try context.apiID("pairId"), of: alliance)
        let (input, version) = try await JSONBody.replace(request, context, Self.pairUpdate, Self.input)
        let saved = try await relationships.updatePair(pair, input, expectedVersion: version, in: alliance, by: user)
        return try APIResponse.json(APIModels.PairModel(saved, today: relationships.today), etag: saved.version)
    }

    func contact(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        try AccessPolicy.require(user.principal, .manageRelationships(alliance.id))
        let pair = try await relationships.pair(try context.apiID("pairId"), of: alliance)
        var json = try await JSONBody.read(request, context: context, body: Self.pairContact)
        let on = json.string("on")
        try json.check()
        let saved = try await relationships.recordContact(pair, on: on, in: alliance, by: user)
        return try APIResponse.json(APIModels.PairModel(saved, today: relationships.today), etag: saved.version)
    }

    func delete(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        try AccessPolicy.require(user.principal, .manageRelationships(alliance.id))
        let pair = try await relationships.pair(try context.apiID("pairId"), of: alliance)
        try await relationships.removePair(pair, in: alliance, by: user)
        return APIResponse.noContent()
    }

    static func input(_ json: inout JSONBody) -> CounterpartInput {
        let strength = json.integer("strength", required: false)
        return CounterpartInput(
            ourPersonID: json.string("ourPersonId"), partnerPersonID: json.string("partnerPersonId"), level: json.string("level"),
            function: json.string("function"), cadence: json.string("cadence"), lastContact: json.string("lastContact"),
            strength: strength.map(String.init), notes: json.string("notes"))
    }

    func allowed(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        let user = try context.requireUser()
        return (user, try await relationships.access.visibleAlliance(context.apiID("id"), user))
    }
}

extension APIModels {
    struct PairModel: Encodable, APIShaped {
        static let schemaName: String? = "Pair"
        let id: UUID
        let allianceId: UUID
        let ourPersonId: UUID
        let partnerPersonId: UUID
        let level: Level
        let function: BusinessFunction
        let cadence: ContactCadence
        @Null var lastContact: LocalDate?
        let contactOverdue: Bool
        let strength: Int
        @Null var notes: String?
        let version: Int
        let createdAt: Date

        init(_ p: CounterpartPair, today: LocalDate) {
            (id, allianceId, ourPersonId, partnerPersonId) = (p.id, p.allianceID, p.ourPersonID, p.partnerPersonID)
            (level, function, cadence) = (p.level, p.function, p.cadence)
            lastContact = p.lastContact
            (contactOverdue, strength) = (p.isContactOverdue(today: today), p.strength)
            notes = p.notes
            (version, createdAt) = (p.version, p.createdAt)
        }
    }

    struct RelationshipMapModel: Encodable, APIShaped {
        static let schemaName: String? = "RelationshipMap"
        static let fieldNotes: [String: APIFieldNote] = ["functionGaps": .about("Functions the current phase needs with no pair")]
        let pairs: [PairModel]
        let levelGaps: [Level]
        let functionGaps: [BusinessFunction]
        @Null var averageStrength: Double?

        init(_ map: RelationshipMap, today: LocalDate) {
            pairs = map.pairs.map { PairModel($0, today: today) }
            (levelGaps, functionGaps) = (map.levelGaps, map.functionGaps)
            averageStrength = map.averageStrength
        }
    }
}

/// The request bodies of its operations.
extension RelationshipsAPI {
    static let pairCreate = APIBody(
        "PairCreate",
        [
            .required("ourPersonId", .uuid.described("A person of our company")),
            .required("partnerPersonId", .uuid.described("A person of the alliance's partner")),
            .optional("level", .code(Level.self).described("Default: our person's level")),
            .optional("function", .code(BusinessFunction.self).described("Default: our person's function")),
            .optional("cadence", .code(ContactCadence.self)),
            .optional("lastContact", .date.nullable),
            .required("strength", .integer(min: 1, max: 5)),
            .optional("notes", .text(max: 1_000).nullable),
        ])
    static let pairUpdate = pairCreate.replacing("PairUpdate", version: .integer)
    static let pairContact = APIBody(
        "PairContact",
        [
            .optional("on", .date.described("YYYY-MM-DD, default today"))
        ])
}
