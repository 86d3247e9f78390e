import AccordCore
import Foundation
import Hummingbird

/// Imports obligations from CSV pasted into a form: every row is checked, the problems are listed by row and
/// column, and nothing is written unless every row is valid.
struct ObligationImportController {
    let views: Views
    let obligations: ObligationsService

    func register(_ router: Router<AppContext>) {
        router.get(Site.importObligations) { _, context in
            let (_, alliance) = try await ObligationsController(views: views, obligations: obligations).managed(context)
            return try views.page(
                ObligationImportPage(layout: layout(context), alliance: alliance, csv: "", problems: []),
                .obligationsImport)
        }
        router.post(Site.importObligations) { request, context in
            let (user, alliance) = try await ObligationsController(views: views, obligations: obligations).managed(context)
            let form = try await FormData.read(request, context: context)
            let text = form["csv"] ?? ""
            let count = try await obligations.importObligations(text, into: alliance, by: user)
            switch count {
            case .success(let imported):
                return redirect(Site.obligations.path(alliance.id), .obligationsImported(imported))
            case .failure(let problems):
                return try views.page(
                    ObligationImportPage(layout: layout(context), alliance: alliance, csv: text, problems: problems.problems),
                    .obligationsImport, status: .unprocessableContent)
            }
        }
    }

    func layout(_ context: AppContext) -> LayoutModel {
        LayoutModel(title: "Import obligations", context: context, section: "alliances")
    }
}

struct ObligationImportPage: PageModel {

    /// Where the breadcrumb or form leads (the route table, not a path written in the template).

    let portfolioHref = Site.alliances.pattern
    struct Problem: Sendable {
        let row: Int
        let field: String
        let message: String
    }
    static let example = """
        title,kind,direction,due_on,trigger,offset_days,recurrence,recurs_until,open_ended,amount,currency,notes,visibility
        Upfront payment,upfront,incoming,2027-01-15,,,once,,,5000000,USD,,shared
        Annual report,report,joint,2027-03-31,,,yearly,2030-03-31,,,,,shared
        """
    let layout: LayoutModel
    let allianceName: String
    let obligationsHref: String
    let action: String
    let csv: String
    let example = ObligationImportPage.example
    let problems: [Problem]
    let hasProblems: Bool
    let problemCount: String
    let columns: String

    init(layout: LayoutModel, alliance: Alliance, csv: String, problems: [ImportProblem]) {
        self.layout = layout
        allianceName = alliance.name
        obligationsHref = Site.obligations.path(alliance.id)
        action = Site.importObligations.path(alliance.id)
        self.csv = csv
        self.problems = problems.map { Problem(row: $0.row, field: $0.field, message: $0.message) }
        hasProblems = !problems.isEmpty
        problemCount = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        columns = ObligationImport.columns.joined(separator: ", ")
    }
}
