import AccordCore
import Foundation
import Hummingbird
import Logging

/// Turns every error into a page: domain errors into 4xx with their message, a missing sign-in into a
/// redirect, anything unexpected into a logged 500 that reveals nothing.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let views: Views

    struct ErrorModel: PageModel {
        let layout: LayoutModel
        let status: Int
        let heading: String
        let message: String
        let details: [String]
        let hasDetails: Bool
        let home = Site.alliances.pattern
    }

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix(APIRoutes.prefix + "/") || request.uri.path == APIRoutes.prefix {
            return await problem(request, context, next)
        }
        do {
            return try await next(request, context)
        } catch is AuthRequired {
            let target =
                request.method == .get
                ? "?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") : ""
            return redirect(Site.signIn.pattern + target)
        } catch let error as DomainError {
            switch error {
            case .notFound(let message):
                return try render(context, .notFound, "Not found", message)
            case .forbidden(let message):
                return try render(context, .forbidden, "Not allowed", message)
            case .conflict(let message):
                return try render(context, .conflict, "Conflict", message)
            case .validation(let errors):
                return try render(context, .badRequest, "Invalid request", "Please correct the following.", errors.map(\.message))
            }
        } catch let error as HTTPError {
            let heading = error.status == .notFound ? "Page not found" : error.status.reasonPhrase
            let message =
                error.body ?? (error.status == .notFound ? "There is no page at this address." : "The request could not be handled.")
            return try render(context, error.status, heading, message)
        } catch {
            context.logger.error(
                "unhandled error", metadata: ["error": .string(String(reflecting: error)), "path": .string(request.uri.path)])
            return try render(context, .internalServerError, "Something went wrong", "The error was logged. Please try again in a moment.")
        }
    }

    /// The same mapping for the JSON API, as RFC 9457 problem details.
    func problem(_ request: Request, _ context: AppContext, _ next: (Request, AppContext) async throws -> Response) async -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response
        } catch is AuthRequired {
            return Problem.unauthorized.response
        } catch let error as DomainError {
            return Problem.from(error).response
        } catch let error as HTTPError {
            let detail = error.body ?? (error.status == .notFound ? "There is no such API route." : error.status.reasonPhrase)
            return Problem(error.status, detail).response
        } catch {
            context.logger.error(
                "unhandled error", metadata: ["error": .string(String(reflecting: error)), "path": .string(request.uri.path)])
            return Problem(.internalServerError, "The error was logged. Please try again in a moment.").response
        }
    }

    func render(_ context: AppContext, _ status: HTTPResponse.Status, _ heading: String, _ message: String, _ details: [String] = [])
        throws -> Response
    {
        let model = ErrorModel(
            layout: LayoutModel(title: heading, context: context, section: ""), status: status.code, heading: heading, message: message,
            details: details, hasDetails: !details.isEmpty)
        return try views.page(model, .error, status: status)
    }
}
