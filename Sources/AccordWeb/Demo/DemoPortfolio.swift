import AccordCore
import AccordStore
import Foundation

/// A realistic portfolio to explore: our company, nine partners, people in every function and level on
/// both sides, and alliances of every type, phase and status.
public enum DemoPortfolio {
    public static let password = "accord-demo-2026"

    public struct Account: Sendable {
        public let email: String
        public let role: Role
        public let note: String
    }

    public static let accounts: [Account] = [
        Account(email: "admin@accord.example", role: .administrator, note: "sees and edits everything, manages users"),
        Account(email: "exec@accord.example", role: .executive, note: "executive sponsor, sees the whole portfolio"),
        Account(email: "manager@accord.example", role: .allianceManager, note: "runs several alliances"),
        Account(email: "member@accord.example", role: .member, note: "R&D lead on two alliance teams"),
        Account(email: "partner@accord.example", role: .partner, note: "Norvik Biologics; sees only shared alliances"),
    ]

    /// Loads the portfolio unless our company is already recorded: each feature's part in the order of
    /// `Features.all`. Returns false when it skipped.
    public static func load(into store: Store, bcryptCost: UInt8 = 12) async throws -> Bool {
        if try await store.organizations.ours() != nil { return false }
        let demo = DemoContext(store: store, bcryptCost: bcryptCost)
        for feature in Features.all { try await feature.loadDemo(demo) }
        return true
    }

    /// Our company and the nine partners, each with one person per function.
    static func loadDirectory(_ demo: DemoContext) async throws {
        let (store, actor) = (demo.store, demo.actor)
        let ours = try await store.organizations.create(
            try OrganizationInput(
                name: "Helix Therapeutics", kind: "ours", country: "United States", website: "https://helix.example",
                notes: "Midsize biopharma; oncology, immunology and rare disease."
            ).validate(), by: actor)
        demo.ours = ours
        demo.people[ours.name] = try await staff(ours, names: DemoNames.ours, domain: "helix.example", store: store, actor: actor)
        for (index, partner) in DemoNames.partners.enumerated() {
            let org = try await store.organizations.create(
                try OrganizationInput(
                    name: partner.name, kind: "partner", country: partner.country, website: "https://\(partner.domain)",
                    notes: partner.notes
                ).validate(), by: actor)
            demo.people[org.name] = try await staff(
                org, names: DemoNames.partnerStaff(index), domain: partner.domain, store: store, actor: actor)
        }
    }

    /// The alliances of `DemoNames.alliances`, each with its sponsors, managers and functional leads on both sides.
    static func loadAlliances(_ demo: DemoContext) async throws {
        let (store, actor) = (demo.store, demo.actor)
        let partners = Dictionary(
            try await store.organizations.list().filter { $0.kind == .partner }.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for deal in DemoNames.alliances {
            guard let partner = partners[deal.partner], let theirs = demo.people[deal.partner], let ours = demo.ours,
                let mine = demo.people[ours.name]
            else { continue }
            var input = AllianceInput()
            input.name = deal.name
            input.partnerID = partner.id.canonicalText
            input.type = deal.type.rawValue
            input.status = deal.status.rawValue
            input.phase = deal.phase.rawValue
            input.transition = deal.transition?.rawValue
            input.tier = deal.tier.rawValue
            input.ourSponsorID = mine[.commercial]?.id.canonicalText
            input.ourManagerID = mine[.allianceManagement]?.id.canonicalText
            input.partnerSponsorID = theirs[.research]?.id.canonicalText
            input.partnerManagerID = theirs[.allianceManagement]?.id.canonicalText
            input.products = deal.products
            input.territories = deal.territories
            input.effectiveDate = deal.effective
            input.termEndDate = deal.termEnd
            input.renewalNoticeDate = deal.renewal
            input.valueAmount = deal.value
            input.valueCurrency = deal.currency
            input.description = deal.description
            input.internalNotes = deal.internalNotes
            let alliance = try await store.alliances.create(try input.validate(), by: actor)
            for function in deal.functions {
                if let p = mine[function] {
                    _ = try await store.alliances.addMember(alliance.id, personID: p.id, side: .ours, role: .functionalLead, by: actor)
                }
                if let p = theirs[function] {
                    _ = try await store.alliances.addMember(alliance.id, personID: p.id, side: .partner, role: .functionalLead, by: actor)
                }
            }
        }
    }

    /// One user per role (see `accounts`), linked to the person they are, all with the demo password.
    static func loadAccounts(_ demo: DemoContext) async throws {
        let hash = try await Passwords.hash(password, cost: demo.bcryptCost)
        let links: [Role: Person?] = [
            .allianceManager: demo.ourPerson(.allianceManagement), .member: demo.ourPerson(.research),
            .executive: demo.ourPerson(.commercial), .partner: demo.people["Norvik Biologics"]?[.allianceManagement],
        ]
        for account in accounts {
            let person = links[account.role] ?? nil
            _ = try await demo.store.users.create(
                try UserInput(
                    email: account.email, name: person?.name ?? "Avery Admin", role: account.role.rawValue,
                    personID: person?.id.canonicalText, active: "true"
                ).validate(), passwordHash: hash, by: demo.actor)
        }
    }

    /// One person per function, with levels spread so every level appears.
    static func staff(_ org: Organization, names: [String], domain: String, store: Store, actor: AuditActor) async throws
        -> [BusinessFunction: Person]
    {
        var result: [BusinessFunction: Person] = [:]
        for (index, function) in BusinessFunction.allCases.enumerated() {
            let name = names[index % names.count]
            let level: Level =
                switch function {
                case .research, .commercial: .executive
                case .allianceManagement, .clinical, .quality: .seniorManagement
                case .regulatory, .finance, .legal, .medical: .management
                default: .operational
                }
            let local = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
                .replacingOccurrences(of: " ", with: ".").replacingOccurrences(of: "'", with: "")
            let email = local + "@" + domain
            let person = try await store.people.create(
                try PersonInput(
                    organizationID: org.id.canonicalText, name: name, email: email, title: DemoNames.title(function, level),
                    function: function.rawValue, level: level.rawValue
                ).validate(), by: actor)
            result[function] = person
        }
        return result
    }
}
