import Foundation

/// A page template, by name. `Views.page` takes one of these, so a page cannot name a template that does not exist,
/// and `Views.load` refuses to start unless each of `Template.all` is in the bundle. The shared ones are here; each
/// feature declares its own in an extension in its `XFeature.swift` and lists them in `Feature.templates`.
struct Template: Sendable, Hashable {
    let rawValue: String

    init(_ name: String) { rawValue = name }

    static let error = Template("error")
    static let form = Template("form")

    static var all: [Template] { [error, form] + Features.all.flatMap(\.templates) }
}
