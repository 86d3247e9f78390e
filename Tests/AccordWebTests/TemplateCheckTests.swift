import AccordCore
import AccordWeb
import Foundation
import Testing

/// Page models are checked against their templates in every web test (`Views.checksTemplates`); this shows the
/// check finds a name the model lacks and accepts nil optionals.
@Suite struct TemplateCheckTests {
    struct WithoutEmail: Sendable {
        let action = "/signin"
        let next = ""
        let error: String? = nil
        let throttled = false
    }

    @Test func aNameTheModelLacksIsReported() async throws {
        let views = try await Views.load()
        let problems = views.modelLacks(WithoutEmail(), template: "signin")
        #expect(problems.contains { $0.contains("{{email}}") }, "\(problems)")
        #expect(!problems.contains { $0.contains("{{error}}") }, "a nil optional is a present property")
    }
}
