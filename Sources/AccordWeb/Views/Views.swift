import Foundation
import Hummingbird
import Mustache

/// The page templates, loaded once from the module bundle at start-up.
public struct Views: Sendable {
    let library: MustacheLibrary
    let stylesheet: String

    /// Every template a page renders; start-up fails if one is missing.
    static let required = [
        "layout", "signin", "error", "form", "alliances/index", "alliances/show", "organizations/index",
        "organizations/show", "people/index", "people/show", "admin/users", "account/tokens", "health/index", "health/results",
        "health/survey",
    ]

    public static func load() async throws -> Views {
        guard let root = Bundle.module.resourceURL else { throw ViewError.missing("the resource bundle") }
        let library = try await MustacheLibrary(directory: root.appendingPathComponent("templates").path)
        for name in required where library.getTemplate(named: name) == nil {
            throw ViewError.missing("template \(name).mustache")
        }
        let css = try String(contentsOf: root.appendingPathComponent("public/accord.css"), encoding: .utf8)
        return Views(library: library, stylesheet: css)
    }

    /// Renders a page model with its template into an HTML response.
    func page(_ model: some Sendable, _ template: String, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = library.render(TemplateTree.convert(model), withTemplate: template) else {
            throw ViewError.missing("template \(template)")
        }
        return Self.html(html, status: status)
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

enum ViewError: Error, CustomStringConvertible {
    case missing(String)
    var description: String {
        switch self {
        case .missing(let what): "missing \(what)"
        }
    }
}

/// A 303 redirect, the answer to every successful form post.
/// A 303 to `path` that shows `notice` there once, optionally scrolled to `fragment`.
func redirect(_ path: String, _ notice: Notice, fragment: String? = nil) -> Response {
    redirect(path + "?notice=" + notice.code + (fragment.map { "#" + $0 } ?? ""))
}

func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}
