import Foundation

/// The POST forms of a page as a browser reads them: where each goes, every field it names, and what it would send.
struct HTMLForm: Sendable {
    let action: String
    /// Every control's name, checked or not.
    let names: Set<String>
    /// What a browser submits unchanged: text and hidden inputs, checked boxes, the selected option, textareas.
    let values: [String: String]

    /// The action with its ids written as `:id`, so the same form on two records counts once.
    var shape: String { action.replacing(/[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}/, with: ":id") }

    static func all(in page: String) -> [HTMLForm] {
        page.matches(of: /(?s)<form\b([^>]*)>(.*?)<\/form>/).compactMap { match in
            let attributes = String(match.output.1)
            guard attribute("method", in: attributes)?.lowercased() == "post", let action = attribute("action", in: attributes)
            else { return nil }
            return form(action: unescape(action), body: String(match.output.2))
        }
    }

    private static func form(action: String, body: String) -> HTMLForm {
        var names: Set<String> = []
        var values: [String: String] = [:]
        for match in body.matches(of: /<(input|button)\b([^>]*)>/) {
            let attributes = String(match.output.2)
            guard let name = attribute("name", in: attributes) else { continue }
            names.insert(name)
            let type = attribute("type", in: attributes)?.lowercased() ?? (match.output.1 == "button" ? "submit" : "text")
            if ["checkbox", "radio"].contains(type), !attributes.contains("checked") { continue }
            if ["submit", "button"].contains(type) { continue }
            values[name] = unescape(attribute("value", in: attributes) ?? (type == "checkbox" ? "on" : ""))
        }
        for match in body.matches(of: /(?s)<select\b([^>]*)>(.*?)<\/select>/) {
            guard let name = attribute("name", in: String(match.output.1)) else { continue }
            names.insert(name)
            let options = match.output.2.matches(of: /<option\b([^>]*)>/).map { String($0.output.1) }
            if let chosen = options.first(where: { $0.contains("selected") }) ?? options.first {
                values[name] = unescape(attribute("value", in: chosen) ?? "")
            }
        }
        for match in body.matches(of: /(?s)<textarea\b([^>]*)>(.*?)<\/textarea>/) {
            guard let name = attribute("name", in: String(match.output.1)) else { continue }
            names.insert(name)
            values[name] = unescape(String(match.output.2))
        }
        return HTMLForm(action: action, names: names, values: values)
    }

    private static func attribute(_ name: String, in attributes: String) -> String? {
        for match in attributes.matches(of: /([a-zA-Z-]+)(?:="([^"]*)")?/) where match.output.1 == name {
            return match.output.2.map(String.init) ?? ""
        }
        return nil
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The same-site links of a page, without fragments.
    static func links(in page: String) -> [String] {
        page.matches(of: /href="(\/[^"#]*)/).map { unescape(String($0.output.1)) }
    }
}
