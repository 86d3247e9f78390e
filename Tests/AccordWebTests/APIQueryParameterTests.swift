import AccordCore
import AccordStore
import AccordWeb
import Foundation
import Testing

/// Every API route takes exactly the query parameters the OpenAPI document declares for it.
@Suite struct APIQueryParameterTests {
    @Test func unknownQueryParametersAreA400NamingThem() async throws {
        try await WebHarness.run(fixture: .accounts) { h in
            let api = try await APIClient.forUser(h, "admin@accord.example")
            let misspelt = try await api.get("/api/v1/people?function=legal")
            #expect(misspelt.status == .badRequest && misspelt.errorFields == ["function"])
            #expect(String(buffer: misspelt.body).contains("function is not a parameter of this operation"))
            let two = try await api.get("/api/v1/alliances?sort=name&colour=red&size=9")
            #expect(two.status == .badRequest && two.errorFields == ["colour", "size"])
            #expect(try await api.get("/api/v1/alliances?sort=name&dir=desc&per_page=5").status == .ok)
            #expect(try await api.get("/api/v1/people?organization=\(UUID().uuidString)&q=ana").status == .ok)
            let alliance = try await h.makeAlliance("Query parameters alliance")
            let none = try await api.get("/api/v1/alliances/\(alliance.id.uuidString.lowercased())?verbose=1")
            #expect(none.status == .badRequest && String(buffer: none.body).contains("takes no query parameters"))
            // Every list route in the document refuses an unknown one; none answers 200 with it.
            let document = try JSONSerialization.jsonObject(with: Data(buffer: try await api.get("/api/v1/openapi.json").body))
            let paths = ((document as? [String: Any])?["paths"] as? [String: [String: Any]] ?? [:])
            var checked = 0
            for (path, item) in paths where item["get"] != nil && !path.contains("{") && path != "/api/v1/openapi.json" {
                let answer = try await api.get(path + "?unknown_parameter=1")
                #expect(answer.status == .badRequest && answer.errorFields == ["unknown_parameter"], "\(path)")
                checked += 1
            }
            #expect(checked >= 5)
        }
    }
}
