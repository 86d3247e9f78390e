import AccordCore
import Foundation

/// Form fragments of the typed view layer, shared by the pages written in it.
extension OptionModel {
    /// `<option>`s of a select list.
    static func html(_ options: [OptionModel]) -> HTML {
        "\(each: options, { "<option value=\"\($0.value)\"\(if: $0.selected, " selected")>\($0.label)</option>" })"
    }
}

extension ChoiceField {
    /// A filter field of a GET form: a select list of every record, or with many records a search field that
    /// JavaScript completes from `suggest` (at most ten names) and that the server resolves when submitted; what
    /// the typed name matched is said below it, with the matches as links (`choices`).
    func filterHTML(id: String, name: String, label: String, suggest: String, placeholder: String, choices: [AllianceListPage.PageLink])
        -> HTML
    {
        guard isSearch else {
            return """
                <div class="field">
                    <label for="\(id)">\(label)</label>
                    <select id="\(id)" name="\(name)">\(OptionModel.html(options ?? []))</select>
                  </div>
                """
        }
        return """
            <div class="field">
                <label for="\(id)">\(label)</label>
                <input type="search" id="\(id)" name="\(name)_name" value="\(text)" list="\(id)-matches" maxlength="200" placeholder="\(placeholder)" data-suggest="\(suggest)"\(if: message != nil, " aria-describedby=\"\(id)-note\"")>
                <datalist id="\(id)-matches"></datalist>
                \(some: message, { "<p class=\"choice-note\" id=\"\(id)-note\" role=\"status\">\($0)</p>" })\(if: !choices.isEmpty, "<ul class=\"choice-matches\">\(each: choices, { "<li><a href=\"\($0.href)\">\($0.label)</a></li>" })</ul>")
              </div>
            """
    }
}
