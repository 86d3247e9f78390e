import AccordCore

/// The enumerations the JSON API publishes, each taken from its domain type, so no value is written a second time:
/// `OpenAPIWriter` writes the document's enum schemas from them, and `OpenAPITests` checks the committed document
/// against this list. The order is the order of the schemas in the document.
enum APIEnums {
    static let all: [APIEnum] = [
        .of("OrganizationKind", OrganizationKind.self), .of("BusinessFunction", BusinessFunction.self), .of("Level", Level.self),
        .of("AllianceType", AllianceType.self), .of("OperationalStatus", OperationalStatus.self),
        .of("LifecyclePhase", LifecyclePhase.self),
        .of("LifecycleTransition", LifecycleTransition.self), .of("StrategicTier", StrategicTier.self), .of("Side", Side.self),
        .of("MembershipRole", MembershipRole.self), .subset("TeamRole", MembershipRole.teamRoles.map(\.rawValue)), .of("Role", Role.self),
        .of("AllianceSort", AllianceSort.self), .of("WaveStatus", WaveStatus.self), .of("ActionStatus", ActionStatus.self),
        .of("HealthBand", HealthBand.self), .of("Visibility", Visibility.self), .of("BodyKind", BodyKind.self),
        .of("DecisionRule", DecisionRule.self), .of("BodyRole", BodyRole.self), .of("MinutesStatus", MinutesStatus.self),
        .of("DecisionStatus", DecisionStatus.self), .subset("DecisionMove", DecisionFlow.moves.map(\.rawValue)), .of("Vote", Vote.self),
        .of("GovernanceWarningKind", GovernanceWarning.Kind.self), .of("ObligationKind", ObligationKind.self),
        .of("ObligationDirection", ObligationDirection.self), .of("ExecutionState", ExecutionState.self),
        .of("Recurrence", Recurrence.self),
        .of("GoalTerm", GoalTerm.self), .of("GoalStatus", GoalStatus.self), .of("KPICategory", KPICategory.self),
        .of("KPIDirection", KPIDirection.self), .of("KPIStatus", KPIStatus.self), .of("Involvement", Involvement.self),
        .subset("LifecycleGate", LifecycleGate.all.map(\.description)), .of("LifecycleChangeStatus", LifecycleChangeStatus.self),
        .of("ProposalAction", ProposalAction.self), .of("IssueSeverity", IssueSeverity.self), .of("IssueStatus", IssueStatus.self),
        .of("EscalationLevel", EscalationLevel.self), .of("ContactCadence", ContactCadence.self), .of("CultureScale", CultureScale.self),
        .of("DifferenceStatus", DifferenceStatus.self),
    ]

    /// How `JSONText` writes a published enumeration's value, and an `@Null` one, found by the type's identity: the
    /// code, or nil for null (no cast and no encoder on the way).
    static let writers: [ObjectIdentifier: JSONCodeWriter] = Dictionary(
        all.flatMap(\.writers), uniquingKeysWith: { first, _ in first })

    /// The schema name of a domain enumeration the API writes whole (nil for a type it does not publish).
    static func name(of type: Any.Type) -> String? {
        all.first { $0.type.map(ObjectIdentifier.init) == ObjectIdentifier(type) }?.name
    }
}

/// Reads the code of the value at a pointer (nil: an empty `@Null`).
typealias JSONCodeWriter = @Sendable (UnsafeRawPointer) -> String?

/// One published enumeration: a domain type's codes, or a named subset of them (`TeamRole`, `DecisionMove`).
struct APIEnum: Sendable {
    let name: String
    let values: [String]
    let type: (any CaseIterable.Type)?
    let writers: [(ObjectIdentifier, JSONCodeWriter)]

    static func of<E: CaseIterable & RawRepresentable & Codable & Sendable>(_ name: String, _ type: E.Type) -> APIEnum
    where E.RawValue == String {
        APIEnum(
            name: name, values: E.allCases.map(\.rawValue), type: type,
            writers: [
                (ObjectIdentifier(E.self), { @Sendable pointer in pointer.load(as: E.self).rawValue }),
                (ObjectIdentifier(Null<E>.self), { @Sendable pointer in pointer.load(as: Null<E>.self).wrappedValue?.rawValue }),
            ])
    }

    static func subset(_ name: String, _ values: [String]) -> APIEnum { APIEnum(name: name, values: values, type: nil, writers: []) }
}
