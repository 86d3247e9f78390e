import AccordCore
import Foundation

/// What the API returns. These are their own types, converted explicitly from domain records.
enum APIModels {
    struct Organization: Encodable, APIShaped {
        static let schemaName: String? = "Organization"
        static let fieldNotes: [String: APIFieldNote] = ["website": .about("Starts with https:// or http://")]
        let id: UUID
        let name: String
        let kind: OrganizationKind
        let country: String?
        let website: String?
        let notes: String?
        let version: Int
        let createdAt: Date
        let updatedAt: Date

        init(_ o: AccordCore.Organization) {
            (id, name, kind, country, website, notes) = (o.id, o.name, o.kind, o.country, o.website, o.notes)
            (version, createdAt, updatedAt) = (o.version, o.createdAt, o.updatedAt)
        }
    }

    struct Person: Encodable, APIShaped {
        static let schemaName: String? = "Person"
        let id: UUID
        let organizationId: UUID
        let name: String
        let email: String
        let title: String?
        let function: BusinessFunction
        let level: Level
        let version: Int
        let createdAt: Date
        let updatedAt: Date

        init(_ p: AccordCore.Person) {
            (id, organizationId, name, email, title) = (p.id, p.organizationID, p.name, p.email, p.title)
            (function, level, version, createdAt, updatedAt) = (p.function, p.level, p.version, p.createdAt, p.updatedAt)
        }
    }

    struct Alliance: Encodable, APIShaped {
        static let schemaName: String? = "Alliance"
        static let fieldNotes: [String: APIFieldNote] = [
            "tier": .about("Our internal assessment: null for partner users"),
            "valueAmount": .about("Non-negative, at most two decimals, e.g. 1250000.00"), "valueCurrency": .about("ISO 4217 code"),
            "description": .about("Shared with partner users"), "internalNotes": .about("Never shown to partner users"),
        ]
        let id: UUID
        let name: String
        let partnerId: UUID
        @Null var partnerName: String?
        let type: AllianceType
        let status: OperationalStatus
        let phase: LifecyclePhase
        @Null var transition: LifecycleTransition?
        /// Our internal assessment of the alliance: null for partner users.
        @Null var tier: StrategicTier?
        @Null var ourSponsorId: UUID?
        @Null var ourManagerId: UUID?
        @Null var partnerSponsorId: UUID?
        @Null var partnerManagerId: UUID?
        @Null var products: String?
        @Null var territories: String?
        @Null var effectiveDate: LocalDate?
        @Null var termEndDate: LocalDate?
        @Null var renewalNoticeDate: LocalDate?
        @Null var valueAmount: String?
        @Null var valueCurrency: String?
        @Null var description: String?
        /// Present only for users allowed to see internal notes; never for partner users.
        @Null var internalNotes: String?
        let version: Int
        let createdAt: Date
        let updatedAt: Date

        init(_ a: AccordCore.Alliance, partnerName: String?, showInternal: Bool) {
            (id, name, partnerId, self.partnerName, type, status) = (
                a.id, a.name, a.partnerID, partnerName, a.type, a.status
            )
            (phase, transition, tier) = (a.phase, a.transition, showInternal ? a.tier : nil)
            (ourSponsorId, ourManagerId, partnerSponsorId, partnerManagerId) = (
                a.ourSponsorID, a.ourManagerID, a.partnerSponsorID, a.partnerManagerID
            )
            (products, territories) = (a.products, a.territories)
            (effectiveDate, termEndDate, renewalNoticeDate) = (
                a.effectiveDate, a.termEndDate, a.renewalNoticeDate
            )
            valueAmount = a.value.map { Money.plain($0.hundredths) }
            valueCurrency = a.value?.currency
            description = a.description
            internalNotes = showInternal ? a.internalNotes : nil
            (version, createdAt, updatedAt) = (a.version, a.createdAt, a.updatedAt)
        }
    }

    struct Membership: Encodable, APIShaped {
        static let schemaName: String? = "Membership"
        let id: UUID
        let allianceId: UUID
        let personId: UUID
        let side: Side
        let role: MembershipRole
        let createdAt: Date

        init(_ m: AccordCore.Membership) {
            (id, allianceId, personId, side, role, createdAt) = (
                m.id, m.allianceID, m.personID, m.side, m.role, m.createdAt
            )
        }
    }

    struct List<Item: Codable>: Codable {
        let items: [Item]
        let page: Int
        let perPage: Int
        let total: Int
        let pageCount: Int

        init<T>(_ page: Page<T>, _ transform: (T) -> Item) {
            items = page.items.map(transform)
            (self.page, perPage, total, pageCount) = (page.page, page.perPage, page.total, page.pageCount)
        }
    }

    struct Me: Encodable, APIShaped {
        static let schemaName: String? = "Me"
        let id: UUID
        let email: String
        let name: String
        let role: Role
        let personId: UUID?
    }
}

extension APIModels.List: APIShaped where Item: APIShaped {
    /// `OrganizationList` for a page of `Organization`s.
    static var schemaName: String? { Item.schemaName.map { $0 + "List" } }
}
