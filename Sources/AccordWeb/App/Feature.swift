import AccordCore
import AccordStore
import Foundation
import Hummingbird

/// One capability of Accord as the web layer sees it: the pages and form targets it adds to the router, the JSON
/// API operations it adds under /api/v1, and its part of the demo portfolio. `Feature.all` lists every feature; the
/// router, the API table, the demo, the notices and the templates iterate over that list, so a new feature adds its
/// own folder and one line there (and one in `StoreFeature.all` for its tables). Its routes (`extension Site`),
/// notices (`extension Notice`) and templates (`extension Template`) are declared in its `XFeature.swift`. docs/ARCHITECTURE.md "Adding a feature" is the recipe.
protocol Feature: Sendable {
    /// Registers the feature's pages and form targets.
    func registerPages(on router: Router<AppContext>, _ services: Services)
    /// The feature's JSON API operations, with paths in OpenAPI form under `APIRoutes.prefix`.
    func apiRoutes(_ services: Services) -> [APIRoute]
    /// Adds the feature's part of the demo portfolio; the features before it in `Feature.all` have loaded theirs.
    func loadDemo(_ demo: DemoContext) async throws
    /// The one-time messages its handlers redirect with (`redirect(path, .issueLogged)`).
    var notices: [Notice] { get }
    /// The mustache templates its pages render; start-up refuses to run without each of them.
    var templates: [Template] { get }
}

extension Feature {
    func apiRoutes(_ services: Services) -> [APIRoute] { [] }
    func loadDemo(_ demo: DemoContext) async throws {}
    var notices: [Notice] { [] }
    var templates: [Template] { [] }
}

/// Every feature, in the order their demo data loads (the directory and alliances first; the rest build on them).
enum Features {
    static let all: [any Feature] = [
        OperationsFeature(), DirectoryFeature(), AlliancesFeature(), AccountsFeature(), LifecycleFeature(), HealthFeature(),
        GovernanceFeature(), ObligationsFeature(), GoalsFeature(), IssuesFeature(), RelationshipsFeature(), CultureFeature(),
    ]
}
