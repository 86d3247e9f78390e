import Foundation

/// The playbooks Accord ships: a starting point per alliance type that an administrator can edit.
/// The reasoning behind each matrix is in docs/LIFECYCLE.md.
public enum DefaultPlaybooks {
    public static func playbook(_ type: AllianceType) -> Playbook {
        Playbook(type: type, cells: matrix(type), checklists: checklists)
    }

    private typealias Row = [BusinessFunction: Involvement]

    private static func matrix(_ type: AllianceType) -> [LifecyclePhase: Row] {
        switch type {
        case .researchCollaboration, .licensingIn, .licensingOut, .coDevelopment, .other:
            return [
                .initiation: [
                    .research: .accountable, .legal: .responsible, .finance: .consulted, .commercial: .consulted,
                    .regulatory: .consulted, .clinical: .consulted, .cmc: .informed,
                ],
                .development: [
                    .clinical: .accountable, .regulatory: .accountable, .research: .responsible, .cmc: .responsible,
                    .quality: .consulted, .medical: .consulted, .commercial: .consulted, .legal: .consulted, .finance: .informed,
                    .supplyChain: .informed, .manufacturing: .informed,
                ],
                .commercialization: [
                    .commercial: .accountable, .finance: .accountable, .supplyChain: .accountable, .medical: .responsible,
                    .manufacturing: .responsible, .quality: .responsible, .regulatory: .consulted, .legal: .consulted,
                    .procurement: .consulted, .clinical: .informed,
                ],
            ]
        case .coCommercialization, .distribution:
            return [
                .initiation: [
                    .commercial: .accountable, .legal: .responsible, .finance: .consulted, .medical: .consulted,
                    .regulatory: .consulted, .supplyChain: .consulted,
                ],
                .development: [
                    .commercial: .accountable, .medical: .responsible, .regulatory: .responsible, .supplyChain: .responsible,
                    .finance: .consulted, .quality: .consulted, .legal: .consulted,
                ],
                .commercialization: [
                    .commercial: .accountable, .finance: .accountable, .supplyChain: .accountable, .medical: .responsible,
                    .quality: .consulted, .regulatory: .consulted, .legal: .informed, .procurement: .informed,
                ],
            ]
        case .supplyManufacturing:
            return [
                .initiation: [
                    .procurement: .accountable, .quality: .responsible, .manufacturing: .responsible, .legal: .responsible,
                    .supplyChain: .consulted, .cmc: .consulted, .finance: .consulted,
                ],
                .development: [
                    .cmc: .accountable, .quality: .accountable, .manufacturing: .responsible, .supplyChain: .consulted,
                    .regulatory: .consulted, .procurement: .consulted, .finance: .informed,
                ],
                .commercialization: [
                    .supplyChain: .accountable, .quality: .accountable, .manufacturing: .responsible, .procurement: .responsible,
                    .finance: .consulted, .regulatory: .consulted, .cmc: .consulted, .legal: .informed,
                ],
            ]
        case .qualityAgreement:
            return [
                .initiation: [.quality: .accountable, .legal: .responsible, .manufacturing: .consulted, .procurement: .consulted],
                .development: [.quality: .accountable, .manufacturing: .responsible, .regulatory: .consulted, .cmc: .consulted],
                .commercialization: [
                    .quality: .accountable, .manufacturing: .responsible, .supplyChain: .consulted, .regulatory: .consulted,
                    .procurement: .informed,
                ],
            ]
        case .clinicalServices:
            return [
                .initiation: [
                    .clinical: .accountable, .procurement: .responsible, .legal: .responsible, .quality: .consulted,
                    .finance: .consulted,
                ],
                .development: [
                    .clinical: .accountable, .regulatory: .responsible, .quality: .responsible, .medical: .consulted,
                    .finance: .consulted, .procurement: .consulted,
                ],
                .commercialization: [
                    .medical: .accountable, .clinical: .responsible, .quality: .consulted, .regulatory: .consulted,
                    .finance: .informed,
                ],
            ]
        }
    }

    private static let checklists: [LifecycleGate: [String]] = [
        .phase(.initiation): [
            "Agreement signed and its key terms summarised for the team",
            "Alliance managers named on both sides",
            "Governance charter agreed",
        ],
        .phase(.development): [
            "Development plan approved by the steering committee",
            "Development and regulatory leads named on both sides",
            "Budget and cost sharing for development agreed",
            "Data sharing and publication rules confirmed",
        ],
        .phase(.commercialization): [
            "Launch decision or marketing authorisation recorded",
            "Commercial, finance and supply chain leads named on both sides",
            "Steering committee membership updated for commercialization",
            "Royalty and sales reporting set up",
            "Supply forecasting process agreed",
        ],
        .transition(.startUp): [
            "Kick-off meeting held",
            "Joint team contact list shared",
            "First governance meetings scheduled",
            "Plan for the first 100 days agreed",
            "Baseline health check planned",
        ],
        .transition(.reset): [
            "Root causes of the reset written down",
            "Executive sponsors of both sides agree to the reset",
            "Team and governance changes decided",
            "Follow-up health check scheduled",
        ],
        .transition(.windDown): [
            "Remaining obligations listed with owners",
            "Transfer of data, materials and know-how planned",
            "Communication to both organisations agreed",
        ],
        .transition(.exit): [
            "All obligations executed or released",
            "Exit review held and key learnings recorded",
            "Partner users' access ended",
            "Final audit trail exported",
        ],
    ]
}
