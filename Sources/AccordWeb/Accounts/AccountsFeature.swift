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
            APIRoute(method: .get, path: APIRoutes.prefix + "/me") { _, context in
                let user = try context.requireUser().user
                return try APIResponse.json(
                    APIModels.Me(id: user.id, email: user.email, name: user.name, role: user.role.rawValue, personId: user.personID))
            }
        ]
    }

    func loadDemo(_ demo: DemoContext) async throws { try await DemoPortfolio.loadAccounts(demo) }
}
