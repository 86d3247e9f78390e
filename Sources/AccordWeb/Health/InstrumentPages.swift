import AccordCore
import Foundation

/// Turns an instrument into form fields and back. Blank rows are how a question or dimension is added;
/// clearing every field of one removes it.
enum InstrumentEditor {
    static let maxDimensions = 20
    static let maxQuestions = 20

    static func fields(_ instrument: Instrument) -> [String: String] {
        var values = ["name": instrument.name, "key": instrument.key, "open": instrument.openQuestions.joined(separator: "\n")]
        for (i, dimension) in instrument.dimensions.enumerated() {
            values["d.\(i).key"] = dimension.key
            values["d.\(i).name"] = dimension.name
            for (j, question) in dimension.questions.enumerated() {
                values["d.\(i).q.\(j).key"] = question.key
                values["d.\(i).q.\(j).text"] = question.text
                for (k, anchor) in question.anchors.enumerated() { values["d.\(i).q.\(j).a.\(k + 1)"] = anchor }
            }
        }
        return values
    }

    /// `field` reads one submitted field by name (`d.0.name`, `d.0.q.1.a.3`).
    static func instrument(from field: (String) -> String?, key: String) -> Instrument {
        func text(_ name: String) -> String { (field(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var dimensions: [AccordCore.Dimension] = []
        var usedKeys: Set<String> = []
        for i in 0..<maxDimensions {
            var questions: [Question] = []
            let name = text("d.\(i).name")
            var dimensionKey = text("d.\(i).key")
            if dimensionKey.isEmpty { dimensionKey = slug(name) }
            for j in 0..<maxQuestions {
                let prefix = "d.\(i).q.\(j)."
                let anchors = (1...5).map { text(prefix + "a.\($0)") }
                let statement = text(prefix + "text")
                var questionKey = text(prefix + "key")
                if statement.isEmpty && anchors.allSatisfy(\.isEmpty) { continue }
                if questionKey.isEmpty {
                    var n = j + 1
                    repeat {
                        questionKey = "\(dimensionKey).q\(n)"
                        n += 1
                    } while usedKeys.contains(questionKey)
                }
                usedKeys.insert(questionKey)
                questions.append(Question(key: questionKey, text: statement, anchors: anchors))
            }
            if name.isEmpty && questions.isEmpty { continue }
            dimensions.append(AccordCore.Dimension(key: dimensionKey, name: name, questions: questions))
        }
        let open = (field("open") ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return Instrument(
            key: key.trimmingCharacters(in: .whitespaces), name: text("name"), version: 1, dimensions: dimensions, openQuestions: open)
    }

    /// A key from a name: lower-case letters and digits, other runs turned into one dash.
    static func slug(_ name: String) -> String {
        var out = ""
        for character in name.lowercased() {
            if ("a"..."z").contains(character) || ("0"..."9").contains(character) {
                out.append(character)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(60))
    }
}

struct InstrumentListPage: PageModel {
    struct Version: Sendable {
        let version: Int
        let waves: Int
        let dimensions: Int
        let questions: Int
    }
    struct Item: Sendable {
        let name: String
        let key: String
        let href: String
        let versions: [Version]
        let locked: Bool
    }
    let layout: LayoutModel
    let items: [Item]
    let newHref: String

    init(layout: LayoutModel, versions: [InstrumentVersion]) {
        self.layout = layout
        let byKey = Dictionary(grouping: versions, by: \.instrument.key)
        items = byKey.values.compactMap { list -> Item? in
            guard let latest = list.first else { return nil }
            return Item(
                name: latest.instrument.name, key: latest.instrument.key, href: Site.instrument.path(latest.instrument.key),
                versions: list.map {
                    Version(
                        version: $0.instrument.version, waves: $0.waves, dimensions: $0.instrument.dimensions.count,
                        questions: $0.instrument.questions.count)
                }, locked: latest.waves > 0)
        }.sorted { $0.name < $1.name }
        newHref = Site.instrument.path("new")
    }
}

struct InstrumentEditPage: PageModel {

    /// Where the breadcrumb or form leads (the route table, not a path written in the template).

    let instrumentsHref = Site.instruments.pattern
    struct QuestionRow: Sendable {
        let prefix: String
        let number: Int
        let key: String
        let text: String
        let anchors: [Anchor]
        let isBlank: Bool
    }
    struct Anchor: Sendable {
        let name: String
        let score: Int
        let value: String
        let id: String
    }
    struct DimensionBlock: Sendable {
        let prefix: String
        let key: String
        let name: String
        let questions: [QuestionRow]
        let isBlank: Bool
        let id: String
    }
    let layout: LayoutModel
    let isNew: Bool
    let name: String
    let key: String
    let open: String
    let action: String
    let dimensions: [DimensionBlock]
    let errors: [FieldError]
    let hasErrors: Bool
    let versionNote: String?

    init(layout: LayoutModel, values: [String: String], isNew: Bool, errors: [FieldError], versionNote: String?) {
        self.layout = layout
        self.versionNote = versionNote
        self.isNew = isNew
        name = values["name"] ?? ""
        key = values["key"] ?? ""
        open = values["open"] ?? ""
        action = Site.instrument.path(isNew ? "new" : key)
        var blocks: [DimensionBlock] = []
        var i = 0
        var blankDimensionShown = false
        while i < InstrumentEditor.maxDimensions {
            let prefix = "d.\(i)."
            let isBlank = (values[prefix + "name"] ?? "").isEmpty && (values[prefix + "q.0.text"] ?? "").isEmpty
            if isBlank && blankDimensionShown { break }
            blankDimensionShown = blankDimensionShown || isBlank
            var questions: [QuestionRow] = []
            var j = 0
            while j < InstrumentEditor.maxQuestions {
                let q = prefix + "q.\(j)."
                let blank = (values[q + "text"] ?? "").isEmpty && (1...5).allSatisfy { (values[q + "a.\($0)"] ?? "").isEmpty }
                let id = "d\(i)-q\(j)"
                questions.append(
                    QuestionRow(
                        prefix: q, number: j + 1, key: values[q + "key"] ?? "", text: values[q + "text"] ?? "",
                        anchors: (1...5).map {
                            Anchor(name: q + "a.\($0)", score: $0, value: values[q + "a.\($0)"] ?? "", id: "\(id)-a\($0)")
                        },
                        isBlank: blank))
                if blank { break }
                j += 1
            }
            blocks.append(
                DimensionBlock(
                    prefix: prefix, key: values[prefix + "key"] ?? "", name: values[prefix + "name"] ?? "", questions: questions,
                    isBlank: isBlank, id: "d\(i)"))
            i += 1
        }
        dimensions = blocks
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
