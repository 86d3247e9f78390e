import AccordCore

/// The enumerations the JSON API publishes, each taken from its domain type, so no value is written a second time:
/// `OpenAPIWriter` writes the document's enum schemas from them, and `OpenAPITests` checks the committed document
/// against this list. The order is the order of the schemas in the document.
public enum APIEnums {
    public static let all: [(name: String, values: [String])] = [
        ("OrganizationKind", OrganizationKind.codes), ("BusinessFunction", BusinessFunction.codes), ("Level", Level.codes),
        ("AllianceType", AllianceType.codes), ("OperationalStatus", OperationalStatus.codes), ("LifecyclePhase", LifecyclePhase.codes),
        ("LifecycleTransition", LifecycleTransition.codes), ("StrategicTier", StrategicTier.codes), ("Side", Side.codes),
        ("MembershipRole", MembershipRole.codes), ("TeamRole", MembershipRole.teamRoles.map(\.rawValue)), ("Role", Role.codes),
        ("AllianceSort", AllianceSort.codes), ("WaveStatus", WaveStatus.codes), ("ActionStatus", ActionStatus.codes),
        ("HealthBand", HealthBand.codes), ("Visibility", Visibility.codes), ("BodyKind", BodyKind.codes),
        ("DecisionRule", DecisionRule.codes), ("BodyRole", BodyRole.codes), ("MinutesStatus", MinutesStatus.codes),
        ("DecisionStatus", DecisionStatus.codes), ("DecisionMove", DecisionFlow.moves.map(\.rawValue)), ("Vote", Vote.codes),
        ("GovernanceWarningKind", GovernanceWarning.Kind.allCases.map(\.rawValue)), ("ObligationKind", ObligationKind.codes),
        ("ObligationDirection", ObligationDirection.codes), ("ExecutionState", ExecutionState.codes), ("Recurrence", Recurrence.codes),
        ("GoalTerm", GoalTerm.codes), ("GoalStatus", GoalStatus.codes), ("KPICategory", KPICategory.codes),
        ("KPIDirection", KPIDirection.codes), ("KPIStatus", KPIStatus.codes), ("Involvement", Involvement.codes),
        ("LifecycleGate", LifecycleGate.all.map(\.description)), ("LifecycleChangeStatus", LifecycleChangeStatus.codes),
        ("ProposalAction", ProposalAction.codes), ("IssueSeverity", IssueSeverity.codes), ("IssueStatus", IssueStatus.codes),
        ("EscalationLevel", EscalationLevel.codes), ("ContactCadence", ContactCadence.codes), ("CultureScale", CultureScale.codes),
        ("DifferenceStatus", DifferenceStatus.codes),
    ]
}
