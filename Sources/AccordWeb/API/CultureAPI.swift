import AccordCore
import Foundation
import Hummingbird

/// /api/v1 culture: an organisation's profile (with the comparison to ours for a partner) and the differences log.
struct CultureAPI {
    let culture: CultureService

    func profile(_ request: Request, _ context: AppContext) async throws -> Response {
        let state = try await culture.cultureState(try context.apiID("id"), try context.requireUser())
        return try APIResponse.json(APIModels.CultureModel(state), etag: state.profile.version)
    }

    func saveProfile(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let state = try await culture.cultureState(try context.apiID("id"), user)
        try AccessPolicy.require(user.principal, .editDirectory)
        var json = try await JSONBody.read(request, context: context, body: Self.cultureUpdate)
        let scores = json.optionalDecode("scores", as: [String: Int].self, description: "an object of scale to a score from 1 to 5") ?? [:]
        let input = CultureProfileInput(
            scores: scores.mapValues(String.init), timeZones: json.string("timeZones"), languages: json.string("languages"),
            workingNorms: json.string("workingNorms"))
        let version = json.integer("version", required: true)
        try json.check()
        _ = try await culture.saveCultureProfile(input, of: state.organization, expectedVersion: version, by: user)
        let saved = try await culture.cultureState(state.organization.id, user)
        return try APIResponse.json(APIModels.CultureModel(saved), etag: saved.profile.version)
    }

    func differences(_ request: Request, _ context: AppContext) async throws -> Response {
        let state = try await culture.cultureState(try context.apiID("id"), try context.requireUser())
        return try APIResponse.whole(state.differences.map { APIModels.DifferenceModel($0, today: culture.today) })
    }

    func addDifference(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let state = try await culture.cultureState(try context.apiID("id"), user)
        try AccessPolicy.require(user.principal, .editDirectory)
        let input = try await JSONBody.create(request, context, Self.differenceCreate, Self.input)
        let entry = try await culture.addDifference(input, with: state.organization, by: user)
        return try APIResponse.json(APIModels.DifferenceModel(entry, today: culture.today), status: .created, etag: entry.version)
    }

    func updateDifference(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let state = try await culture.cultureState(try context.apiID("id"), user)
        try AccessPolicy.require(user.principal, .editDirectory)
        let entry = try await culture.difference(try context.apiID("differenceId"), of: state.organization)
        let (input, version) = try await JSONBody.replace(request, context, Self.differenceUpdate, Self.input)
        let saved = try await culture.updateDifference(entry, input, expectedVersion: version, by: user)
        return try APIResponse.json(APIModels.DifferenceModel(saved, today: culture.today), etag: saved.version)
    }

    static func input(_ json: inout JSONBody) -> DifferenceInput {
        DifferenceInput(
            scale: json.string("scale"), difference: json.string("difference"), risk: json.string("risk"),
            leverage: json.string("leverage"),
            owner: json.string("ownerId"), status: json.string("status"), dueOn: json.string("dueOn"))
    }
}

extension APIModels {
    struct ComparisonModel: Encodable, APIShaped {
        let scale: CultureScale
        @Null var ours: Int?
        @Null var theirs: Int?
        @Null var gap: Int?
        let difference: Bool

        init(_ c: CultureComparison) {
            scale = c.scale
            ours = c.ours
            theirs = c.theirs
            gap = c.gap
            difference = c.isDifference
        }
    }

    struct CultureModel: Encodable, APIShaped {
        static let schemaName: String? = "Culture"
        static let fieldNotes: [String: APIFieldNote] = [
            "scores": .schema(CultureAPI.scores),
            "version": .about("0 until the profile is first saved"), "comparison": .about("For a partner: each scale beside ours"),
        ]
        let organizationId: UUID
        let scores: [String: Int]
        @Null var timeZones: String?
        @Null var languages: String?
        @Null var workingNorms: String?
        let version: Int
        let comparison: [ComparisonModel]

        init(_ state: CultureService.CultureState) {
            let p = state.profile
            (organizationId, scores, version) = (p.organizationID, p.scoreCodes, p.version)
            timeZones = p.timeZones
            languages = p.languages
            workingNorms = p.workingNorms
            comparison = state.ourProfile.map { CultureComparison.compare(ours: $0, theirs: p).map(ComparisonModel.init) } ?? []
        }
    }

    struct DifferenceModel: Encodable, APIShaped {
        static let schemaName: String? = "Difference"
        let id: UUID
        let organizationId: UUID
        @Null var scale: CultureScale?
        let difference: String
        let risk: String
        let leverage: String
        let ownerId: UUID
        let status: DifferenceStatus
        @Null var dueOn: LocalDate?
        let overdue: Bool
        let version: Int
        let createdAt: Date

        init(_ d: CultureDifference, today: LocalDate) {
            (id, organizationId, difference, risk, leverage) = (d.id, d.organizationID, d.difference, d.risk, d.leverage)
            scale = d.scale
            (ownerId, status, overdue) = (d.ownerID, d.status, d.isOverdue(today: today))
            dueOn = d.dueOn
            (version, createdAt) = (d.version, d.createdAt)
        }
    }
}

/// The request bodies of its operations.
extension CultureAPI {
    static let cultureUpdate = APIBody(
        "CultureUpdate",
        [
            .optional("scores", scores),
            .optional("timeZones", .text(max: 200).nullable),
            .optional("languages", .text(max: 200).nullable),
            .optional("workingNorms", .text(max: 4_000).nullable),
            .required("version", .integer),
        ])
    static let differenceCreate = APIBody(
        "DifferenceCreate",
        [
            .optional("scale", .code(CultureScale.self).nullable),
            .required("difference", .text(max: 500)),
            .required("risk", .text(max: 1_000)),
            .required("leverage", .text(max: 1_000)),
            .required("ownerId", .uuid.described("A person of our company")),
            .optional("status", .code(DifferenceStatus.self)),
            .optional("dueOn", .date.nullable),
        ])
    static let differenceUpdate = differenceCreate.replacing("DifferenceUpdate", version: .integer)

    /// A profile's scores, as it is read and as it is written.
    static let scores = APISchema.object(CultureScale.allCases.map { ($0.rawValue, .integer(min: 1, max: 5)) }).described(
        "Scale -> 1 to 5 (see docs/LIFECYCLE.md for the poles); a scale left out is not assessed")
}
