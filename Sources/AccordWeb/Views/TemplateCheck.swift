import Foundation
import Mustache

/// Checks a page model against its template: every name the template shows must be a property of the model (or
/// of a value around it, as mustache looks names up), so a renamed property fails the test that renders the page
/// instead of rendering empty. Nil optionals count as present: the property exists. Sections over empty lists,
/// false or nil are not entered (nothing there can be checked from this model). Partials, parents and blocks are
/// followed. Tests turn it on (`Views.checksTemplates`); production renders without it.
struct TemplateCheck {
    let sources: [String: String]

    /// The template files' text by name, read from the templates folder.
    static func load(_ directory: URL) -> [String: String] {
        var sources: [String: String] = [:]
        let root = directory.standardizedFileURL.path + "/"
        guard let files = FileManager.default.enumerator(atPath: root) else { return [:] }
        for case let path as String in files where path.hasSuffix(".mustache") {
            sources[String(path.dropLast(".mustache".count))] = try? String(contentsOfFile: root + path, encoding: .utf8)
        }
        return sources
    }

    /// The names in `template` that `model` cannot answer, with the template they are in.
    func missing(_ model: Any, in template: String) -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        check(template, stack: [model], problems: &problems, depth: 0, seen: &seen)
        return problems
    }

    private struct Tag {
        enum Kind { case variable, section, inverted, close, partial, parent, block, other }
        let kind: Kind
        let name: String
        let end: String.Index
    }

    private func check(_ name: String, stack: [Any], problems: inout [String], depth: Int, seen: inout Set<String>) {
        guard depth < 12, let text = sources[name] else { return }
        var index = text.startIndex
        walk(text, &index, until: nil, template: name, stack: stack, problems: &problems, depth: depth, seen: &seen)
    }

    /// Walks tags from `index` to the close tag of `until` (or the end), checking names against `stack`.
    private func walk(
        _ text: String, _ index: inout String.Index, until closing: String?, template: String, stack: [Any],
        problems: inout [String], depth: Int, seen: inout Set<String>
    ) {
        while let tag = nextTag(text, from: index) {
            index = tag.end
            switch tag.kind {
            case .close:
                if tag.name == closing { return }
            case .variable:
                if tag.name != ".", resolve(tag.name, in: stack) == nil {
                    report(tag.name, template, stack, &problems, &seen)
                }
            case .section, .inverted:
                let found = tag.name == "." ? stack.last : resolve(tag.name, in: stack)
                if found == nil { report(tag.name, template, stack, &problems, &seen) }
                var inner = index
                if tag.kind == .section, let value = found.flatMap(present) {
                    let frames: [Any] = (value as? [Any]).map { $0.isEmpty ? [] : [$0[0]] } ?? [value]
                    if frames.isEmpty || (value as? Bool) == false {
                        skip(text, &inner, to: tag.name)
                    } else {
                        let frame = frames[0]
                        walk(
                            text, &inner, until: tag.name, template: template, stack: frame is Bool ? stack : stack + [frame],
                            problems: &problems, depth: depth, seen: &seen)
                    }
                } else if tag.kind == .inverted {
                    walk(text, &inner, until: tag.name, template: template, stack: stack, problems: &problems, depth: depth, seen: &seen)
                } else {
                    skip(text, &inner, to: tag.name)
                }
                index = inner
            case .partial, .parent:
                check(tag.name, stack: stack, problems: &problems, depth: depth + 1, seen: &seen)
            case .block, .other:
                continue
            }
        }
        index = text.endIndex
    }

    private func skip(_ text: String, _ index: inout String.Index, to name: String) {
        var open = 1
        while let tag = nextTag(text, from: index) {
            index = tag.end
            if tag.kind == .section || tag.kind == .inverted || tag.kind == .parent || tag.kind == .block, tag.name == name { open += 1 }
            if tag.kind == .close, tag.name == name {
                open -= 1
                if open == 0 { return }
            }
        }
        index = text.endIndex
    }

    private func nextTag(_ text: String, from index: String.Index) -> Tag? {
        guard let start = text.range(of: "{{", range: index..<text.endIndex) else { return nil }
        let triple = text[start.upperBound...].hasPrefix("{")
        let closer = triple ? "}}}" : "}}"
        guard let end = text.range(of: closer, range: start.upperBound..<text.endIndex) else { return nil }
        var body = text[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
        if triple { body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces) }
        let sigil = body.first
        let name = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
        let kind: Tag.Kind
        switch sigil {
        case "#": kind = .section
        case "^": kind = .inverted
        case "/": kind = .close
        case ">": kind = .partial
        case "<": kind = .parent
        case "$": kind = .block
        case "!", "=": kind = .other
        case "&": return Tag(kind: .variable, name: name, end: end.upperBound)
        default: return Tag(kind: .variable, name: body, end: end.upperBound)
        }
        return Tag(kind: kind, name: name, end: end.upperBound)
    }

    private func report(_ name: String, _ template: String, _ stack: [Any], _ problems: inout [String], _ seen: inout Set<String>) {
        let key = template + ":" + name
        guard seen.insert(key).inserted else { return }
        let owner = stack.last.map { String(describing: type(of: $0)) } ?? "nothing"
        problems.append("\(template).mustache shows {{\(name)}}, which \(owner) (and the values around it) does not have")
    }

    /// The value a dotted name resolves to, looking up the stack for its first part as mustache does; `.some(nil)`
    /// style absence (a nil optional property) counts as found.
    private func resolve(_ name: String, in stack: [Any]) -> Any? {
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        for frame in stack.reversed() {
            guard var value = child(first, of: frame) else { continue }
            for part in parts.dropFirst() {
                guard let inner = present(value).flatMap({ child(part, of: $0) }) else { return nil }
                value = inner
            }
            return value
        }
        return nil
    }

    /// A named child of a model value: a stored property (even when nil), a dictionary key, or a MustacheParent's answer.
    private func child(_ name: String, of value: Any) -> Any? {
        if let parent = value as? any MustacheParent { return parent.child(named: name) }
        if let dictionary = value as? [String: Any] { return dictionary[name] }
        guard let unwrapped = present(value) else { return nil }
        let mirror = Mirror(reflecting: unwrapped)
        guard mirror.displayStyle == .struct || mirror.displayStyle == .class else { return nil }
        for item in mirror.children where item.label == name { return item.value }
        return nil
    }

    /// The value inside optionals; nil when empty.
    private func present(_ value: Any) -> Any? { TemplateTree.unwrap(value) }
}
