import Foundation
import Hummingbird
import Mustache

/// The page templates, loaded once from the module bundle at start-up.
public struct Views: Sendable {
    let library: MustacheLibrary
    let stylesheet: String
    /// The one script: search as you type for choice fields (every page works without it).
    let script: String
    let check: TemplateCheck
    /// Check each page model against its template before rendering (tests turn this on): a name the template
    /// shows that the model lacks is an error instead of an empty spot on the page.
    public var checksTemplates = false

    public static func load() async throws -> Views {
        guard let root = Bundle.module.resourceURL else { throw ViewError.missing("the resource bundle") }
        let library = try await MustacheLibrary(directory: root.appendingPathComponent("templates").path)
        for template in Template.all where library.getTemplate(named: template.rawValue) == nil {
            throw ViewError.missing("template \(template.rawValue).mustache")
        }
        let css = try String(contentsOf: root.appendingPathComponent("public/accord.css"), encoding: .utf8)
        let script = try String(contentsOf: root.appendingPathComponent("public/accord.js"), encoding: .utf8)
        return Views(
            library: library, stylesheet: css, script: script,
            check: TemplateCheck(sources: TemplateCheck.load(root.appendingPathComponent("templates"))))
    }

    /// The names `template` shows that `model` lacks (see `TemplateCheck`).
    public func modelLacks(_ model: some Sendable, template: String) -> [String] { check.missing(model, in: template) }

    /// Renders a page model with its template (the page's content) inside the shared layout into an HTML response.
    func page(_ model: some PageModel, _ template: Template, status: HTTPResponse.Status = .ok) throws -> Response {
        if checksTemplates {
            let missing = check.missing(model, in: template.rawValue)
            if !missing.isEmpty {
                // Only tests check templates; say what is missing where the test run shows it.
                FileHandle.standardError.write(Data(("template check: " + missing.joined(separator: "; ") + "\n").utf8))
                throw ViewError.modelLacks(missing)
            }
        }
        guard let content = library.render(TemplateTree.convert(model), withTemplate: template.rawValue) else {
            throw ViewError.missing("template \(template.rawValue)")
        }
        return Self.html(model.layout.page(HTML(trusted: content)).text, status: status)
    }

    /// Renders a typed page inside the shared layout into an HTML response.
    func page(_ page: some HTMLPage, status: HTTPResponse.Status = .ok) -> Response {
        Self.html(page.layout.page(page.content).text, status: status)
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
    case modelLacks([String])
    var description: String {
        switch self {
        case .missing(let what): "missing \(what)"
        case .modelLacks(let names): names.joined(separator: "; ")
        }
    }
}

/// A 303 to `path` that shows `notice` there once, optionally scrolled to `fragment`.
func redirect(_ path: String, _ notice: Notice, fragment: String? = nil) -> Response {
    redirect(path + "?notice=" + notice.code + (fragment.map { "#" + $0 } ?? ""))
}

/// A 303 redirect, the answer to every successful form post.
func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}
