import AccordCore
import Foundation
import Hummingbird

extension AllianceAccess {
    /// The signed-in user and the alliance a page's path names (`:id`), if they may see it.
    func page(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        let user = try context.requireUser()
        return (user, try await visibleAlliance(Site.allianceID(in: context), user))
    }

    /// The signed-in user and the alliance an API path names (`{id}`), if they may see it.
    func api(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        let user = try context.requireUser()
        return (user, try await visibleAlliance(context.apiID("id"), user))
    }

    /// A change posted from one of an alliance's pages: the alliance must be visible and the permission allowed, the
    /// form is read (CSRF checked), `apply` writes; field errors re-render the page through `failed` (422), success
    /// redirects back with a notice code.
    func formChange(
        _ request: Request, _ context: AppContext, _ permission: (UUID) -> Permission, back route: SiteRoute<UUID>, notice: Notice,
        _ apply: (FormData, Alliance, SignedIn) async throws -> Void,
        failed: (FormData, Alliance, SignedIn, [FieldError]) async throws -> Response
    ) async throws -> Response {
        let (user, alliance) = try await page(context)
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
