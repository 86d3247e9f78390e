import AccordMacros
import SwiftSyntaxMacroExpansion
import SwiftSyntaxMacrosGenericTestSupport
import Testing

@Suite struct MemberwiseMacroTests {
    let macros: [String: MacroSpec] = ["Memberwise": MacroSpec(type: MemberwiseMacro.self)]

    func expand(_ source: String, _ expanded: String, diagnostics: [DiagnosticSpec] = []) {
        assertMacroExpansion(
            source, expandedSource: expanded, diagnostics: diagnostics, macroSpecs: macros,
            failureHandler: { Issue.record(Comment(rawValue: $0.message)) })
    }

    @Test func everyStoredPropertyInOrderWithVarDefaults() {
        expand(
            """
            @Memberwise
            public struct Wave {
                public static let shared = 1
                public var title: String
                public let opensOn: Date, closesOn: Date?
                public var version: Int = 1
                public let kind = "wave"
                public var label: String { title }
                public var note: String? { didSet {} }
            }
            """,
            """
            public struct Wave {
                public static let shared = 1
                public var title: String
                public let opensOn: Date, closesOn: Date?
                public var version: Int = 1
                public let kind = "wave"
                public var label: String { title }
                public var note: String? { didSet {} }

                public init(title: String, opensOn: Date, closesOn: Date?, version: Int = 1, note: String? = nil) {
                    self.title = title
                    self.opensOn = opensOn
                    self.closesOn = closesOn
                    self.version = version
                    self.note = note
                }
            }
            """)
    }

    @Test func aClosurePropertyIsEscaping() {
        expand(
            """
            @Memberwise
            struct Clock {
                let now: () -> Int
            }
            """,
            """
            struct Clock {
                let now: () -> Int

                public init(now: @escaping () -> Int) {
                    self.now = now
                }
            }
            """)
    }

    @Test func refusesAnythingButAStructAndAnUntypedProperty() {
        expand(
            "@Memberwise\nenum Kind {\n    case a\n}", "enum Kind {\n    case a\n}",
            diagnostics: [DiagnosticSpec(message: "@Memberwise applies to a struct", line: 1, column: 1)])
        expand(
            "@Memberwise\nstruct Row {\n    var count = 0\n}", "struct Row {\n    var count = 0\n}",
            diagnostics: [DiagnosticSpec(message: "@Memberwise needs the type of 'count' written out", line: 1, column: 1)])
    }
}
