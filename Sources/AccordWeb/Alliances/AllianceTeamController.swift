import AccordCore
import Foundation
import Hummingbird

/// Adding and removing people on an alliance's team.
struct AllianceTeamController {
    let team: TeamService
    let access: AllianceAccess
    /// Re-renders the alliance page when an addition is refused.
    let alliancePages: AlliancesController

    func register(_ router: Router<AppContext>) {
        router.get(Site.teamCandidates) { request, context in
            let (user, alliance) = try await access.page(context)
            try AccessPolicy.require(user.principal, .manageTeam(alliance.id))
            let people = try await team.candidates(alliance, matching: try ChoiceJSON.text(request), limit: ChoiceField.matchLimit)
            return try ChoiceJSON.response(people.map { ($0.id, TeamPicker.label($0)) })
        }
        router.post(Site.allianceMembers) { request, context in
            let user = try context.requireUser()
            let alliance = try await access.alliance(try Site.allianceID(in: context), user, may: Permission.manageTeam)
            let form = try await FormData.read(request, context: context)
            do {
                _ = try await team.add(MembershipInput(personID: form["personID"], role: form["role"]), to: alliance, by: user)
                return redirect(Site.alliance.path(alliance.id), .memberAdded, fragment: "team")
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await alliancePages.show(
                    context, id: alliance.id, notice: nil, memberError: error.fieldErrors.map(\.message).joined(separator: " "),
                    status: .unprocessableContent)
            }
        }
        router.post(Site.removeMember) { request, context, ids in
            let user = try context.requireUser()
            let alliance = try await access.alliance(try Site.allianceID(in: context), user, may: Permission.manageTeam)
            _ = try await FormData.read(request, context: context)
            try await team.remove(ids.1, from: alliance, by: user)
            return redirect(Site.alliance.path(alliance.id), .memberRemoved, fragment: "team")
        }
    }
}
