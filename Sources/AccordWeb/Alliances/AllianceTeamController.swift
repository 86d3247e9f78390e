import AccordCore
import Foundation
import Hummingbird

/// Adding and removing people on an alliance's team.
struct AllianceTeamController {
    let services: Services

    func register(_ router: Router<AppContext>) {
        router.get(RouterPath(Site.teamCandidates.pattern)) { request, context in
            let user = try context.requireUser()
            let alliance = try await services.visibleAlliance(context.id("id"), user)
            try AccessPolicy.require(user.principal, .manageTeam(alliance.id))
            let people = try await candidates(alliance, matching: try ChoiceJSON.text(request), limit: ChoiceField.matchLimit)
            return try ChoiceJSON.response(people.map { ($0.id, TeamPicker.label($0)) })
        }
        router.post(RouterPath(Site.allianceMembers.pattern)) { request, context in
            let user = try context.requireUser()
            let id = try context.id("id")
            let alliance = try await services.visibleAlliance(id, user)
            try AccessPolicy.require(user.principal, .manageTeam(id))
            let form = try await FormData.read(request, context: context)
            do {
                _ = try await TeamService(services.store).add(
                    MembershipInput(personID: form["personID"], role: form["role"]), to: alliance, by: user)
                return redirect(Site.alliance.path(id), .memberAdded, fragment: "team")
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await AlliancesController(services: services).show(
                    context, id: id, notice: nil, memberError: error.fieldErrors.map(\.message).joined(separator: " "),
                    status: .unprocessableContent)
            }
        }
        router.post(RouterPath(Site.removeMember.pattern)) { request, context in
            let user = try context.requireUser()
            let id = try await services.visibleAlliance(context.id("id"), user).id
            try AccessPolicy.require(user.principal, .manageTeam(id))
            _ = try await FormData.read(request, context: context)
            try await services.store.alliances.removeMember(try context.id("member"), from: id, by: services.actor(user))
            return redirect(Site.alliance.path(id), .memberRemoved, fragment: "team")
        }
    }

    /// People of our organisation and the partner who are not on the team yet, by name.
    func candidates(_ alliance: Alliance, matching text: String?, limit: Int) async throws -> [Person] {
        try await services.store.people.teamCandidates(
            allianceID: alliance.id, organizationIDs: try await sides(alliance), matching: text, limit: limit)
    }

    /// How many candidates there are, counted up to `limit`.
    func candidateCount(_ alliance: Alliance, upTo limit: Int) async throws -> Int {
        try await services.store.people.teamCandidateCount(allianceID: alliance.id, organizationIDs: try await sides(alliance), upTo: limit)
    }

    private func sides(_ alliance: Alliance) async throws -> [UUID] {
        [try await services.store.organizations.ours()?.id, alliance.partnerID].compactMap { $0 }
    }
}
