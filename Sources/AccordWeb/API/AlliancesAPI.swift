import AccordCore
import Foundation
import Hummingbird

/// /api/v1/alliances and their members
struct AlliancesAPI {
    let alliances: AlliancesService

    static let fields: Set<String> = [
        "name", "partnerId", "type", "status", "phase", "transition", "tier", "ourSponsorId", "ourManagerId", "partnerSponsorId",
        "partnerManagerId", "products", "territories", "effectiveDate", "termEndDate", "renewalNoticeDate", "valueAmount",
        "valueCurrency", "description", "internalNotes", "version",
    ]

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
        var body = try await JSONBody.read(request, context: context, allowed: Self.fields.subtracting(["version"]))
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
        var body = try await JSONBody.read(request, context: context, allowed: Self.fields)
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
        var body = try await JSONBody.read(request, context: context, allowed: ["personId", "role"])
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
