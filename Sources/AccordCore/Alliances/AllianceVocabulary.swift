import Foundation

public enum AllianceType: String, Labeled {
    case researchCollaboration = "research_collaboration"
    case licensingIn = "licensing_in"
    case licensingOut = "licensing_out"
    case coDevelopment = "co_development"
    case coCommercialization = "co_commercialization"
    case supplyManufacturing = "supply_manufacturing"
    case qualityAgreement = "quality_agreement"
    case clinicalServices = "clinical_services"
    case distribution
    case other

    public var label: String {
        switch self {
        case .researchCollaboration: "Research collaboration"
        case .licensingIn: "Licensing in"
        case .licensingOut: "Licensing out"
        case .coDevelopment: "Co-development"
        case .coCommercialization: "Co-commercialization / co-promotion"
        case .supplyManufacturing: "Supply / contract manufacturing"
        case .qualityAgreement: "Quality agreement"
        case .clinicalServices: "Clinical services"
        case .distribution: "Distribution"
        case .other: "Other"
        }
    }
}

public enum OperationalStatus: String, Labeled {
    case launching, active, terminating, closed

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

public enum LifecyclePhase: String, Labeled {
    case initiation, development, commercialization

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A transition the alliance is going through on top of its phase.
public enum LifecycleTransition: String, Labeled {
    case startUp = "start_up"
    case reset
    case windDown = "wind_down"
    case exit

    public var label: String {
        switch self {
        case .startUp: "Start-up (first 100 days)"
        case .reset: "Reset"
        case .windDown: "Wind-down"
        case .exit: "Exit"
        }
    }
}

public enum StrategicTier: String, Labeled {
    case tier1 = "tier_1"
    case tier2 = "tier_2"
    case tier3 = "tier_3"

    public var label: String {
        switch self {
        case .tier1: "Tier 1 (strategic)"
        case .tier2: "Tier 2 (important)"
        case .tier3: "Tier 3 (transactional)"
        }
    }
}

/// A person's role in one alliance's team.
public enum MembershipRole: String, Labeled {
    case executiveSponsor = "executive_sponsor"
    case allianceManager = "alliance_manager"
    case functionalLead = "functional_lead"
    case member

    public var label: String {
        switch self {
        case .executiveSponsor: "Executive sponsor"
        case .allianceManager: "Alliance manager"
        case .functionalLead: "Functional lead"
        case .member: "Team member"
        }
    }

    /// The roles a person is added to the team with; sponsors and managers come from the alliance's own fields.
    public static let teamRoles: [MembershipRole] = [.functionalLead, .member]
}
