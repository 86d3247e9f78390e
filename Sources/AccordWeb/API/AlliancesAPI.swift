import AccordCore
import Foundation
import Hummingbird

/// /api/v1/alliances and their members
struct AlliancesAPI {
    let alliances: AlliancesService

    func list(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .viewPortfolio)
        let query = try request.apiQuery { params throws(DomainError) in
            try AccessPolicy.scoped(try AllianceQuery.parse(params), for: user.principal)
        }
        let page = try await alliances.list(query, user)
        return try APIResponse.json(
            APIModels.List(page) { s in
                APIModels.Alliance(
                    s.alliance, partnerName: s.partnerName,
                    showInternal: AccessPolicy.seesInternalAssessment(user.principal, s.alliance.id))
            })
    }

    func get(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await alliances.access.visibleAlliance(context.apiID("id"), user)
        return try APIResponse.json(try await model(alliance, user), etag: alliance.version)
    }

    func create(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .createAlliance)
        var body = try await JSONBody.read(request, context: context, body: Self.allianceCreate)
        var input = Self.input(&body)
        // As in the web form: an alliance manager who names no manager runs the alliance, so can keep editing it.
        if (input.ourManagerID ?? "").isEmpty, user.user.role == .allianceManager, let person = user.user.personID {
            input.ourManagerID = person.canonicalText
        }
        let valid = try input.validateAfter(body)
        let alliance = try await alliances.create(valid, by: user)
        return try APIResponse.json(try await model(alliance, user), status: .created, etag: alliance.version)
    }

    func update(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await alliances.access.visibleAlliance(context.apiID("id"), user)
        try AccessPolicy.require(user.principal, .editAlliance(alliance.id))
        var body = try await JSONBody.read(request, context: context, body: Self.allianceUpdate)
        let input = Self.input(&body)
        let version = body.integer("version", required: true)
        let valid = try input.validateAfter(body)
        let updated = try await alliances.update(alliance, valid, expectedVersion: version, by: user)
        return try APIResponse.json(try await model(updated, user), etag: updated.version)
    }

    func delete(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await alliances.access.visibleAlliance(context.apiID("id"), user)
        try AccessPolicy.require(user.principal, .deleteAlliance(alliance.id))
        try await alliances.delete(alliance, by: user)
        return APIResponse.noContent()
    }

    func members(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await alliances.access.visibleAlliance(context.apiID("id"), user)
        let members = try await alliances.members(alliance)
        let page = Page(items: members, total: members.count, page: 1, perPage: max(1, members.count))
        return try APIResponse.json(APIModels.List(page, APIModels.Membership.init))
    }

    func addMember(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await alliances.access.visibleAlliance(context.apiID("id"), user)
        try AccessPolicy.require(user.principal, .manageTeam(alliance.id))
        var body = try await JSONBody.read(request, context: context, body: Self.membershipCreate)
        let input = MembershipInput(personID: body.string("personId"), role: body.string("role"))
        _ = try input.validateAfter(body)
        let member = try await alliances.team.add(input, to: alliance, by: user)
        return try APIResponse.json(APIModels.Membership(member), status: .created)
    }

    func removeMember(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await alliances.access.visibleAlliance(context.apiID("id"), user)
        try AccessPolicy.require(user.principal, .manageTeam(alliance.id))
        try await alliances.team.remove(try context.apiID("memberId"), from: alliance, by: user)
        return APIResponse.noContent()
    }

    func model(_ alliance: Alliance, _ user: SignedIn) async throws -> APIModels.Alliance {
        APIModels.Alliance(
            alliance, partnerName: try await alliances.partnerName(alliance),
            showInternal: AccessPolicy.seesInternalAssessment(user.principal, alliance.id))
    }

    static func input(_ body: inout JSONBody) -> AllianceInput {
        var input = AllianceInput()
        input.name = body.string("name")
        input.partnerID = body.string("partnerId")
        input.type = body.string("type")
        input.status = body.string("status")
        input.phase = body.string("phase")
        input.transition = body.string("transition")
        input.tier = body.string("tier")
        input.ourSponsorID = body.string("ourSponsorId")
        input.ourManagerID = body.string("ourManagerId")
        input.partnerSponsorID = body.string("partnerSponsorId")
        input.partnerManagerID = body.string("partnerManagerId")
        input.products = body.string("products")
        input.territories = body.string("territories")
        input.effectiveDate = body.string("effectiveDate")
        input.termEndDate = body.string("termEndDate")
        input.renewalNoticeDate = body.string("renewalNoticeDate")
        input.valueAmount = body.string("valueAmount")
        input.valueCurrency = body.string("valueCurrency")
        input.description = body.string("description")
        input.internalNotes = body.string("internalNotes")
        return input
    }
}

/// The request bodies of its operations.
extension AlliancesAPI {
    static let allianceCreate = APIBody(
        "AllianceCreate",
        [
            .required("name", .text(max: 160)),
            .required("partnerId", .uuid),
            .required("type", .code(AllianceType.self)),
            .required("status", .code(OperationalStatus.self)),
            .required("phase", .code(LifecyclePhase.self)),
            .optional("transition", .code(LifecycleTransition.self).nullable),
            .required("tier", .code(StrategicTier.self)),
            .optional("ourSponsorId", .uuid.nullable),
            .optional("ourManagerId", .uuid.nullable),
            .optional("partnerSponsorId", .uuid.nullable),
            .optional("partnerManagerId", .uuid.nullable),
            .optional("products", .text(max: 500).nullable),
            .optional("territories", .text(max: 500).nullable),
            .optional("effectiveDate", .date.nullable),
            .optional("termEndDate", .date.nullable),
            .optional("renewalNoticeDate", .date.nullable),
            .optional(
                "valueAmount",
                .string.with("pattern", "^[0-9][0-9,]*(\\.[0-9]{1,2})?$").nullable.described(
                    "Non-negative, at most two decimals, e.g. 1250000.00")),
            .optional("valueCurrency", .string.with("pattern", "^[A-Za-z]{3}$").nullable.described("ISO 4217 code")),
            .optional("description", .text(max: 4_000).nullable.described("Shared with partner users")),
            .optional("internalNotes", .text(max: 4_000).nullable.described("Never shown to partner users")),
        ])
    static let allianceUpdate = allianceCreate.replacing("AllianceUpdate")
    static let membershipCreate = APIBody(
        "MembershipCreate",
        [
            .required("personId", .uuid),
            .required("role", .ref("TeamRole")),
        ])
}
