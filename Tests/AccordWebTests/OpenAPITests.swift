import AccordCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import AccordWeb

/// The OpenAPI document and the code must agree: every registered route documented, every documented
/// route registered, one committed copy (the one served), and the enums the same.
@Suite struct OpenAPITests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func document() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text().utf8)) as! [String: Any]
    }

    @Test func documentedAndRegisteredRoutesAreTheSame() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let services = Services(store: h.store, views: try await Views.load(), config: AppConfig())
            let registered = Set(APIRoutes.table(services).map { "\($0.method.rawValue) \($0.path)" })
            let paths = try Self.document()["paths"] as! [String: [String: Any]]
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            #expect(
                registered == documented,
                "only registered: \(registered.subtracting(documented)); only documented: \(documented.subtracting(registered))")
            // And each documented route answers (not the router's 404) when called with a token.
            let api = try await APIClient.forUser(h, "admin@accord.example")
            for route in documented where route.hasPrefix("GET ") && !route.contains("{") {
                let response = try await api.get(String(route.dropFirst(4)))
                #expect(response.status == .ok, "\(route)")
            }
        }
    }

    @Test func theDocumentIsCommittedOnceAndServedAsCommitted() throws {
        let committed = try String(
            contentsOf: Self.repository.appendingPathComponent("Sources/AccordWeb/Resources/openapi.json"), encoding: .utf8)
        #expect(committed == (try OpenAPIDocument.text()))
        let copies = FileManager.default.enumerator(atPath: Self.repository.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix("openapi.json") && !$0.hasPrefix(".build") && !$0.hasPrefix(".git/") }
        #expect(copies == ["Sources/AccordWeb/Resources/openapi.json"], "one committed copy")
    }

    /// The committed document is the one the code declares: the operations (`APIRoute.doc`), the enumerations
    /// (`APIEnums`), the response types (`APIShaped`) and the request bodies (`APIBody`), as `accord openapi` writes it.
    @Test func theCommittedDocumentIsTheDeclaredOne() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let services = Services(store: h.store, views: try await Views.load(), config: AppConfig())
            let generated = try OpenAPIDocument.generate(services).pretty
            #expect(
                generated == (try OpenAPIDocument.text()),
                "the committed document is stale: swift run accord openapi --output Sources/AccordWeb/Resources/openapi.json")
        }
    }

    /// Each operation documents exactly the path parameters its path names, in order, and is listed under a tag.
    @Test func everyPathParameterIsDocumented() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let services = Services(store: h.store, views: try await Views.load(), config: AppConfig())
            for route in APIRoutes.table(services) {
                let named = route.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
                let documented = route.doc.parameters.filter(\.inPath).map(\.name)
                #expect(named == documented, "\(route.method) \(route.path)")
                #expect(!route.doc.tag.isEmpty, "\(route.method) \(route.path) is listed under a tag")
            }
        }
    }

    /// Every field a handler reads from a JSON body by name is declared by a request body (`APIBody`), so a misspelt
    /// read cannot pass unnoticed on a path the API tests do not take (`JSONBody` also asserts it when a read runs).
    @Test func everyFieldAHandlerReadsIsDeclared() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let services = Services(store: h.store, views: try await Views.load(), config: AppConfig())
            let declared = Set(APIRoutes.table(services).compactMap(\.doc.body).flatMap(\.fields).map(\.name))
            let folder = Self.repository.appendingPathComponent("Sources/AccordWeb/API")
            let read = try #require(try? Regex(#"(json|body)\.(string|integer|strings|bool|decode|optionalDecode)\("([A-Za-z]+)""#))
            var (reads, undeclared) = (0, [String]())
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for match in text.matches(of: read) {
                    let key = String(match.output[3].substring ?? "")
                    reads += 1
                    if !declared.contains(key) { undeclared.append("\(file): \(key)") }
                }
            }
            #expect(undeclared.isEmpty, "read but declared by no request body: \(undeclared)")
            #expect(reads > 100, "the scan found the handlers' reads (\(reads))")
        }
    }

    @Test func enumsMatchTheDomain() throws {
        let schemas = (try Self.document()["components"] as! [String: Any])["schemas"] as! [String: [String: Any]]
        for published in APIEnums.all {
            #expect(schemas[published.name]?["enum"] as? [String] == published.values, "\(published.name)")
        }
        #expect(MembershipRole.teamRoles.map(\.rawValue) == ["functional_lead", "member"])
    }

    @Test func everyOperationDocumentsItsErrorsAsProblems() throws {
        let paths = try Self.document()["paths"] as! [String: [String: [String: Any]]]
        for (path, operations) in paths where path != "/api/v1/openapi.json" {
            for (method, operation) in operations {
                let responses = operation["responses"] as! [String: [String: Any]]
                #expect(responses["401"] != nil, "\(method) \(path) documents 401")
                for (code, response) in responses where code.hasPrefix("4") {
                    let content = response["content"] as? [String: Any]
                    #expect(content?["application/problem+json"] != nil, "\(method) \(path) \(code)")
                }
            }
        }
    }
}
