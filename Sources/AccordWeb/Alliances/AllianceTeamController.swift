import AccordCore
import Foundation
import Hummingbird

/// Adding and removing people on an alliance's team.
struct AllianceTeamController {
    let services: Services

    func register(_ router: Router<AppContext>) {
        router.post(RouterPath(Site.allianceMembers.pattern)) { request, context in
            let user = try context.requireUser()
            let id = try context.id("id")
            try AccessPolicy.require(user.principal, .viewAlliance(id))
            guard let alliance = try await services.store.alliances.find(id) else { throw DomainError.notFound("No such alliance.") }
            try AccessPolicy.require(user.principal, .manageTeam(id))
            let form = try await FormData.read(request, context: context)
            do {
                let valid = try MembershipInput(personID: form["personID"], role: form["role"]).validate()
                if valid.role == .executiveSponsor || valid.role == .allianceManager {
                    throw DomainError.invalid("role", "Sponsors and alliance managers are set on the alliance form.")
                }
                guard let person = try await services.store.people.find(valid.personID) else {
                    throw DomainError.invalid("personID", "Person is not a known person.")
                }
                let ours = try await services.store.organizations.ours()
                let side = try MembershipInput.side(of: person, alliance: alliance, ourOrganizationID: ours?.id)
                _ = try await services.store.alliances.addMember(
                    id, personID: person.id, side: side, role: valid.role, by: services.actor(user))
                return redirect(Site.alliance.path(id) + "?notice=member-added#team")
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await AlliancesController(services: services).show(
                    context, id: id, notice: nil, memberError: error.fieldErrors.map(\.message).joined(separator: " "),
                    status: .unprocessableContent)
            }
        }
        router.post(RouterPath(Site.removeMember.pattern)) { request, context in
            let user = try context.requireUser()
            let id = try context.id("id")
            try AccessPolicy.require(user.principal, .viewAlliance(id))
            try AccessPolicy.require(user.principal, .manageTeam(id))
            _ = try await FormData.read(request, context: context)
            try await services.store.alliances.removeMember(try context.id("member"), from: id, by: services.actor(user))
            return redirect(Site.alliance.path(id) + "?notice=member-removed#team")
        }
    }
}
