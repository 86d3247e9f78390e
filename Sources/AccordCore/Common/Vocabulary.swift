import Foundation

/// The functions people work in, on either side of an alliance.
public enum BusinessFunction: String, Labeled {
    case research, clinical, regulatory, cmc, manufacturing
    case supplyChain = "supply_chain"
    case quality, commercial, medical, finance, legal, procurement
    case allianceManagement = "alliance_management"

    public var label: String {
        switch self {
        case .research: "R&D"
        case .clinical: "Clinical"
        case .regulatory: "Regulatory"
        case .cmc: "CMC / Technical"
        case .manufacturing: "Manufacturing"
        case .supplyChain: "Supply chain"
        case .quality: "Quality"
        case .commercial: "Commercial"
        case .medical: "Medical"
        case .finance: "Finance"
        case .legal: "Legal"
        case .procurement: "Procurement"
        case .allianceManagement: "Alliance management"
        }
    }
}

/// Seniority of a person, used for the relationship map's levels.
public enum Level: String, Labeled {
    case executive
    case seniorManagement = "senior_management"
    case management, operational

    public var label: String {
        switch self {
        case .executive: "Executive"
        case .seniorManagement: "Senior management"
        case .management: "Management"
        case .operational: "Operational"
        }
    }
}

/// Which party of an alliance a person stands on.
public enum Side: String, Labeled {
    case ours, partner

    public var label: String {
        switch self {
        case .ours: "Our company"
        case .partner: "Partner"
        }
    }
}
