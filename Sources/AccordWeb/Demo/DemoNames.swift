import AccordCore
import Foundation

/// The names, partners and deals of the demo portfolio.
enum DemoNames {
    static let ours = [
        "Priya Raman", "Marcus Oyelaran", "Elena Vasquez", "Tom Brennan", "Hannah Lindqvist", "Samuel Okafor", "Grace Whitmore",
        "Victor Chen", "Isabel Moreau", "Daniel Kowalski", "Amara Nwosu", "Oliver Hartmann", "Dana Whitfield",
    ]

    static let first = [
        "Lars", "Ingrid", "Kenji", "Yuki", "Aisha", "Rafael", "Chloé", "Matteo", "Sofia", "Anders", "Mei", "Jonas", "Fatima", "Pedro",
        "Clara", "Emil", "Nadia", "Hugo", "Leila", "Ravi", "Sara", "Felix", "Noor", "Tobias", "Ana", "Mikhail", "Eva",
    ]
    static let last = [
        "Nilsson", "Tanaka", "Haddad", "Costa", "Rossi", "Berg", "Wang", "Schmidt", "Dubois", "Patel", "Andersen", "Silva",
        "Müller", "Kim", "Novak", "Larsen", "Fischer", "Moretti", "Sato", "Ibrahim", "Jensen", "Garcia", "Weber",
    ]

    static func partnerStaff(_ index: Int) -> [String] {
        (0..<BusinessFunction.allCases.count).map { j in
            first[(index * 5 + j * 2) % first.count] + " " + last[(index * 7 + j * 3) % last.count]
        }
    }

    static func title(_ function: BusinessFunction, _ level: Level) -> String {
        let prefix: String =
            switch level {
            case .executive: "Chief"
            case .seniorManagement: "VP"
            case .management: "Director"
            case .operational: "Manager"
            }
        let area: String =
            switch function {
            case .research: "Scientific Officer"
            case .commercial: "Commercial Officer"
            default: function.label
            }
        return level == .executive ? "\(prefix) \(area)" : "\(prefix), \(area)"
    }

    struct Partner {
        let name: String
        let country: String
        let domain: String
        let notes: String
    }

    static let partners = [
        Partner(
            name: "Norvik Biologics", country: "Norway", domain: "norvik.example",
            notes: "Antibody discovery platform; consensus-driven culture."),
        Partner(name: "Kanto Pharma", country: "Japan", domain: "kanto.example", notes: "Commercial leader in Japan; formal governance."),
        Partner(name: "Meridian CDMO", country: "Ireland", domain: "meridian.example", notes: "Biologics drug substance and fill-finish."),
        Partner(
            name: "Aurelia Clinical", country: "United States", domain: "aurelia.example",
            notes: "Global CRO for phase II-III oncology trials."),
        Partner(
            name: "Basilea Genomics", country: "Switzerland", domain: "basilea.example",
            notes: "Companion diagnostics and biomarker discovery."),
        Partner(name: "Solent Health", country: "United Kingdom", domain: "solent.example", notes: "Specialty distributor across EMEA."),
        Partner(name: "Pampas Biotech", country: "Argentina", domain: "pampas.example", notes: "Rare-disease gene therapy start-up."),
        Partner(
            name: "Rheinwerk Pharma", country: "Germany", domain: "rheinwerk.example",
            notes: "Co-promotion partner in DACH; hierarchical decisions."),
        Partner(
            name: "Lotus API", country: "India", domain: "lotus.example", notes: "Small-molecule API supplier; quality agreement in place."),
    ]

    struct Deal {
        let name: String
        let partner: String
        let type: AllianceType
        let status: OperationalStatus
        let phase: LifecyclePhase
        let transition: LifecycleTransition?
        let tier: StrategicTier
        let products: String
        let territories: String
        let effective: String
        let termEnd: String
        let renewal: String?
        let value: String?
        let currency: String?
        let description: String
        let internalNotes: String?
        let functions: [BusinessFunction]
    }

    static let alliances: [Deal] = [
        Deal(
            name: "HX-201 antibody discovery", partner: "Norvik Biologics", type: .researchCollaboration, status: .active,
            phase: .development,
            transition: nil, tier: .tier1, products: "HX-201 (anti-TIGIT)", territories: "Worldwide", effective: "2023-03-01",
            termEnd: "2030-02-28", renewal: "2029-08-31", value: "180000000", currency: "USD",
            description: "Joint discovery of bispecific antibodies against TIGIT on Norvik's platform.",
            internalNotes: "Watch Norvik's platform exclusivity; overlaps with the Basilea diagnostics deal.",
            functions: [.research, .cmc, .regulatory, .legal]),
        Deal(
            name: "Kanto Japan co-commercialization", partner: "Kanto Pharma", type: .coCommercialization, status: .active,
            phase: .development,
            transition: nil, tier: .tier1, products: "Velorin (oncology)", territories: "Japan", effective: "2021-07-01",
            termEnd: "2031-06-30",
            renewal: "2030-12-31", value: "95000000", currency: "JPY",
            description: "Co-promotion of Velorin in Japan with shared field force.",
            internalNotes: "Kanto escalates through their executive committee; allow time.",
            functions: [.commercial, .medical, .supplyChain, .finance]),
        Deal(
            name: "Meridian biologics supply", partner: "Meridian CDMO", type: .supplyManufacturing, status: .active,
            phase: .commercialization,
            transition: nil, tier: .tier2, products: "Velorin drug substance", territories: "Global supply", effective: "2020-01-15",
            termEnd: "2027-01-14", renewal: "2026-07-14", value: "42000000", currency: "EUR",
            description: "Clinical and commercial drug substance manufacture with fill-finish.", internalNotes: nil,
            functions: [.manufacturing, .quality, .supplyChain, .procurement]),
        Deal(
            name: "Meridian quality agreement", partner: "Meridian CDMO", type: .qualityAgreement, status: .active,
            phase: .commercialization,
            transition: nil, tier: .tier2, products: "Velorin drug substance", territories: "Ireland site", effective: "2020-01-15",
            termEnd: "2027-01-14", renewal: nil, value: nil, currency: nil,
            description: "Responsibilities of each quality unit, change control and audits.", internalNotes: nil,
            functions: [.quality, .regulatory]),
        Deal(
            name: "ORION phase III trials", partner: "Aurelia Clinical", type: .clinicalServices, status: .active, phase: .development,
            transition: nil, tier: .tier2, products: "HX-114", territories: "US, EU, Japan", effective: "2024-02-01", termEnd: "2027-12-31",
            renewal: nil, value: "61000000", currency: "USD", description: "Full-service CRO for the ORION-3 phase III programme.",
            internalNotes: "Enrolment is 8% behind plan.", functions: [.clinical, .medical, .regulatory, .finance]),
        Deal(
            name: "Basilea companion diagnostic", partner: "Basilea Genomics", type: .coDevelopment, status: .launching, phase: .initiation,
            transition: nil, tier: .tier2, products: "TIGIT-high CDx", territories: "US, EU", effective: "2026-09-01",
            termEnd: "2032-08-31",
            renewal: nil, value: "24000000", currency: "CHF", description: "Co-development of a companion diagnostic for HX-201.",
            internalNotes: nil, functions: [.research, .regulatory, .clinical]),
        Deal(
            name: "EMEA specialty distribution", partner: "Solent Health", type: .distribution, status: .active, phase: .commercialization,
            transition: nil, tier: .tier3, products: "Velorin, Corvanta", territories: "UK, Ireland, Nordics", effective: "2022-04-01",
            termEnd: "2026-03-31", renewal: "2025-09-30", value: "12500000", currency: "GBP",
            description: "Distribution and pharmacovigilance support in selected EMEA markets.", internalNotes: nil,
            functions: [.commercial, .supplyChain, .legal]),
        Deal(
            name: "Pampas gene therapy in-license", partner: "Pampas Biotech", type: .licensingIn, status: .active, phase: .development,
            transition: nil, tier: .tier1, products: "PB-07 (AAV, rare disease)", territories: "Worldwide ex-Latin America",
            effective: "2022-11-01", termEnd: "2037-10-31", renewal: nil, value: "310000000", currency: "USD",
            description: "Exclusive licence to PB-07 with development milestones and royalties.",
            internalNotes: "Governance reset after the 2025 deadlock on CMC scale-up.",
            functions: [.research, .cmc, .clinical, .regulatory]),
        Deal(
            name: "Rheinwerk DACH co-promotion", partner: "Rheinwerk Pharma", type: .coCommercialization, status: .terminating,
            phase: .commercialization, transition: .windDown, tier: .tier2, products: "Corvanta",
            territories: "Germany, Austria, Switzerland",
            effective: "2019-05-01", termEnd: "2026-12-31", renewal: nil, value: "38000000", currency: "EUR",
            description: "Joint promotion of Corvanta; winding down at term end.", internalNotes: "Exit review scheduled for Q1.",
            functions: [.commercial, .medical, .finance]),
        Deal(
            name: "Lotus API supply", partner: "Lotus API", type: .supplyManufacturing, status: .active, phase: .commercialization,
            transition: nil, tier: .tier3, products: "HX-114 API", territories: "Global supply", effective: "2021-02-01",
            termEnd: "2028-01-31",
            renewal: "2027-07-31", value: "8800000", currency: "USD", description: "Second-source API supply for HX-114.",
            internalNotes: nil,
            functions: [.manufacturing, .procurement, .quality]),
        Deal(
            name: "Lotus quality agreement", partner: "Lotus API", type: .qualityAgreement, status: .active, phase: .commercialization,
            transition: nil, tier: .tier3, products: "HX-114 API", territories: "Hyderabad site", effective: "2021-02-01",
            termEnd: "2028-01-31",
            renewal: nil, value: nil, currency: nil, description: "GMP responsibilities and audit programme for the API site.",
            internalNotes: nil, functions: [.quality]),
        Deal(
            name: "Velorin out-license China", partner: "Kanto Pharma", type: .licensingOut, status: .launching, phase: .initiation,
            transition: .startUp, tier: .tier2, products: "Velorin", territories: "Greater China", effective: "2026-10-15",
            termEnd: "2036-10-14",
            renewal: nil, value: "55000000", currency: "USD", description: "Out-licence of Velorin rights in Greater China.",
            internalNotes: nil, functions: [.legal, .regulatory, .commercial]),
        Deal(
            name: "Norvik platform access (closed)", partner: "Norvik Biologics", type: .other, status: .closed, phase: .commercialization,
            transition: .exit, tier: .tier3, products: "Discovery platform licence", territories: "Worldwide", effective: "2018-01-01",
            termEnd: "2022-12-31", renewal: nil, value: "5000000", currency: "USD", description: "Earlier platform-access deal, completed.",
            internalNotes: "Lessons fed into HX-201 governance charter.", functions: [.research]),
        Deal(
            name: "Aurelia real-world evidence", partner: "Aurelia Clinical", type: .clinicalServices, status: .active, phase: .initiation,
            transition: nil, tier: .tier3, products: "Velorin", territories: "United States", effective: "2025-06-01",
            termEnd: "2027-05-31",
            renewal: nil, value: "3400000", currency: "USD", description: "Registry study to support label expansion.", internalNotes: nil,
            functions: [.medical, .clinical]),
    ]
}
