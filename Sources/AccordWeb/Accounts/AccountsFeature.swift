import AccordCore
import Foundation
import Hummingbird

/// Signing in and out, users (administered), API tokens and who the caller is.
struct AccountsFeature: Feature {
    func registerPages(on router: Router<AppContext>, _ services: Services) {
        let accounts = AccountsService(services)
        AuthController(views: services.views, signIn: SignInService(services), secureCookies: services.config.secureCookies)
            .register(router)
        UsersController(views: services.views, accounts: accounts).register(router)
        TokensController(views: services.views, accounts: accounts).register(router)
    }

    func apiRoutes(_ services: Services) -> [APIRoute] {
        [
            APIRoute(
                method: .get, path: APIRoutes.prefix + "/me",
                doc: APIDoc("getMe", "The token's user", replies: [.json(200, APIModels.Me.self, "The user")], errors: [401])
            ) { _, context in
                let user = try context.requireUser().user
                return try APIResponse.json(
                    APIModels.Me(id: user.id, email: user.email, name: user.name, role: user.role, personId: user.personID))
            }
        ].tagged("Meta")
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoPortfolio.loadAccounts(demo) }

    var notices: [Notice] { [.password, .signedOut, .tokenRevoked] }

    var templates: [Template] { [.accountTokens, .adminUsers, .signin] }
}

extension Site {
    public static let signIn = SiteRoute<Void>("/signin")
    public static let signOut = SiteRoute<Void>("/signout")
    public static let users = SiteRoute<Void>("/admin/users")
    public static let newUser = SiteRoute<Void>("/admin/users/new")
    public static let editUser = SiteRoute<UUID>("/admin/users/:id/edit")
    public static let userPassword = SiteRoute<UUID>("/admin/users/:id/password")
    public static let tokens = SiteRoute<Void>("/account/tokens")
    public static let revokeToken = SiteRoute<UUID>("/account/tokens/:id/revoke")
}

extension Notice {
    public static let password = Notice("password", "Password changed; the user's sessions were signed out.")
    public static let signedOut = Notice("signed-out", "You are signed out.")
    public static let tokenRevoked = Notice("token-revoked", "Token revoked. Requests with it now get 401.")
}

extension Template {
    static let accountTokens = Template("account/tokens")
    static let adminUsers = Template("admin/users")
    static let signin = Template("signin")
}
