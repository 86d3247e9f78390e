import AccordCore
import Foundation
import Hummingbird

/// /api/v1/organizations
struct OrganizationsAPI {
    let directory: DirectoryService

    func list(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .viewDirectory)
        let (page, perPage) = try request.apiQuery(APIPaging.parse)
        let found = try await directory.organizations(matching: nil, page: page, perPage: perPage, user)
        return try APIResponse.json(APIModels.List(found, APIModels.Organization.init))
    }

    var crud: DirectoryAPI<OrganizationInput, Organization, APIModels.Organization> {
        DirectoryAPI(
            records: directory.organizations, bodies: (Self.organizationCreate, Self.organizationUpdate), input: Self.input,
            model: APIModels.Organization.init,
            version: \.version)
    }

    static func input(_ body: inout JSONBody) -> OrganizationInput {
        OrganizationInput(
            name: body.string("name"), kind: body.string("kind"), country: body.string("country"), website: body.string("website"),
            notes: body.string("notes"))
    }
}

/// `page` and `per_page` for lists without other filters.
enum APIPaging {
    static func parse(_ params: [String: String]) throws(DomainError) -> (Int, Int) {
        var v = Validator()
        var page = 1
        var perPage = 25
        if let p = params["page"], !p.isEmpty {
            if let n = Int(p), n >= 1, n <= 1_000_000 { page = n } else { v.add("page", "Page must be a whole number from 1.") }
        }
        if let p = params["per_page"], !p.isEmpty {
            if let n = Int(p), (1...AllianceQuery.maxPerPage).contains(n) {
                perPage = n
            } else {
                v.add("per_page", "Page size must be between 1 and \(AllianceQuery.maxPerPage).")
            }
        }
        try v.check()
        return (page, perPage)
    }
}

/// Type errors in the body and validation errors are reported together.
protocol APIValidatable {
    associatedtype Valid
    func validate() throws(DomainError) -> Valid
}

extension APIValidatable {
    func validateAfter(_ body: JSONBody) throws -> Valid {
        let valid: Valid
        do {
            valid = try validate()
        } catch {
            try body.check(adding: error.fieldErrors)
            throw error
        }
        try body.check()
        return valid
    }
}

extension OrganizationInput: APIValidatable {}
extension PersonInput: APIValidatable {}
extension AllianceInput: APIValidatable {}
extension MembershipInput: APIValidatable {}

/// The request bodies of its operations.
extension OrganizationsAPI {
    static let organizationCreate = APIBody(
        "OrganizationCreate",
        [
            .required("name", .text(max: 120)),
            .required("kind", .code(OrganizationKind.self)),
            .optional("country", .text(max: 80).nullable),
            .optional("website", .text(max: 200).nullable.described("Starts with https:// or http://")),
            .optional("notes", .text(max: 4_000).nullable),
        ])
    static let organizationUpdate = organizationCreate.replacing("OrganizationUpdate")
}
