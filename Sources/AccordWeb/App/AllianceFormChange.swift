import AccordCore
import Foundation
import Hummingbird

extension Services {
    /// A change posted from one of an alliance's pages: the alliance must be visible and the permission allowed, the
    /// form is read (CSRF checked), `apply` writes; field errors re-render the page through `failed` (422), success
    /// redirects back with a notice code.
    func allianceFormChange(
        _ request: Request, _ context: AppContext, _ permission: (UUID) -> Permission, back route: SiteRoute, notice: Notice,
        _ apply: (FormData, Alliance, SignedIn) async throws -> Void,
        failed: (FormData, Alliance, SignedIn, [FieldError]) async throws -> Response
    ) async throws -> Response {
        let user = try context.requireUser()
        let alliance = try await visibleAlliance(context.id("id"), user)
        try AccessPolicy.require(user.principal, permission(alliance.id))
        let form = try await FormData.read(request, context: context)
        do {
            try await apply(form, alliance, user)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await failed(form, alliance, user, error.fieldErrors)
        }
        return redirect(route.path(alliance.id), notice)
    }
}
