import AccordCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import AccordWeb

/// The OpenAPI document and the code must agree: every registered route documented, every documented
/// route registered, the served copy identical to docs/openapi.json, and the enums the same.
@Suite struct OpenAPITests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func document() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text().utf8)) as! [String: Any]
    }

    @Test func documentedAndRegisteredRoutesAreTheSame() async throws {
        try await WebHarness.run { h in
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

    @Test func theServedCopyIsDocsOpenAPIJSON() throws {
        let docs = try String(contentsOf: Self.repository.appendingPathComponent("docs/openapi.json"), encoding: .utf8)
        #expect(docs == (try OpenAPIDocument.text()))
    }

    @Test func enumsMatchTheDomain() throws {
        let schemas = (try Self.document()["components"] as! [String: Any])["schemas"] as! [String: [String: Any]]
        func values(_ name: String) -> [String] { schemas[name]?["enum"] as? [String] ?? [] }
        #expect(values("AllianceType") == AllianceType.codes)
        #expect(values("OperationalStatus") == OperationalStatus.codes)
        #expect(values("LifecyclePhase") == LifecyclePhase.codes)
        #expect(values("LifecycleTransition") == LifecycleTransition.codes)
        #expect(values("StrategicTier") == StrategicTier.codes)
        #expect(values("BusinessFunction") == BusinessFunction.codes)
        #expect(values("Level") == Level.codes)
        #expect(values("MembershipRole") == MembershipRole.codes)
        #expect(values("Role") == Role.codes)
        #expect(values("OrganizationKind") == OrganizationKind.codes)
        #expect(values("AllianceSort") == AllianceSort.codes)
        #expect(values("Side") == Side.codes)
        #expect(values("WaveStatus") == WaveStatus.codes)
        #expect(values("ActionStatus") == ActionStatus.codes)
        #expect(values("HealthBand") == HealthBand.codes)
        #expect(values("Visibility") == Visibility.codes)
        #expect(values("BodyKind") == BodyKind.codes)
        #expect(values("DecisionRule") == DecisionRule.codes)
        #expect(values("BodyRole") == BodyRole.codes)
        #expect(values("MinutesStatus") == MinutesStatus.codes)
        #expect(values("DecisionStatus") == DecisionStatus.codes)
        #expect(values("Vote") == Vote.codes)
        #expect(values("ObligationKind") == ObligationKind.codes)
        #expect(values("ObligationDirection") == ObligationDirection.codes)
        #expect(values("ExecutionState") == ExecutionState.codes)
        #expect(values("Recurrence") == Recurrence.codes)
        #expect(values("GoalTerm") == GoalTerm.codes)
        #expect(values("GoalStatus") == GoalStatus.codes)
        #expect(values("KPICategory") == KPICategory.codes)
        #expect(values("KPIDirection") == KPIDirection.codes)
        #expect(values("KPIStatus") == KPIStatus.codes)
        #expect(values("Involvement") == Involvement.codes)
        #expect(values("LifecycleGate") == LifecycleGate.all.map(\.description))
        #expect(values("LifecycleChangeStatus") == LifecycleChangeStatus.codes)
        #expect(values("ProposalAction") == ProposalAction.codes)
        #expect(values("IssueSeverity") == IssueSeverity.codes)
        #expect(values("IssueStatus") == IssueStatus.codes)
        #expect(values("EscalationLevel") == EscalationLevel.codes)
        #expect(values("ContactCadence") == ContactCadence.codes)
        #expect(values("CultureScale") == CultureScale.codes)
        #expect(values("DifferenceStatus") == DifferenceStatus.codes)
        #expect(values("GovernanceWarningKind") == GovernanceWarning.Kind.allCases.map(\.rawValue))
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
