import AccordCore
import Foundation

/// What the API returns. These are their own types, converted explicitly from domain records.
enum APIModels {
    struct Organization: Encodable {
        let id: UUID
        let name: String
        let kind: String
        let country: String?
        let website: String?
        let notes: String?
        let version: Int
        let createdAt: Date
        let updatedAt: Date

        init(_ o: AccordCore.Organization) {
            (id, name, kind, country, website, notes) = (o.id, o.name, o.kind.rawValue, o.country, o.website, o.notes)
            (version, createdAt, updatedAt) = (o.version, o.createdAt, o.updatedAt)
        }
    }

    struct Person: Encodable {
        let id: UUID
        let organizationId: UUID
        let name: String
        let email: String
        let title: String?
        let function: String
        let level: String
        let version: Int
        let createdAt: Date
        let updatedAt: Date

        init(_ p: AccordCore.Person) {
            (id, organizationId, name, email, title) = (p.id, p.organizationID, p.name, p.email, p.title)
            (function, level, version, createdAt, updatedAt) = (p.function.rawValue, p.level.rawValue, p.version, p.createdAt, p.updatedAt)
        }
    }

    struct Alliance: Encodable {
        let id: UUID
        let name: String
        let partnerId: UUID
        let partnerName: String?
        let type: String
        let status: String
        let phase: String
        let transition: String?
        /// Our internal assessment of the alliance: null for partner users.
        let tier: String?
        let ourSponsorId: UUID?
        let ourManagerId: UUID?
        let partnerSponsorId: UUID?
        let partnerManagerId: UUID?
        let products: String?
        let territories: String?
        let effectiveDate: String?
        let termEndDate: String?
        let renewalNoticeDate: String?
        let valueAmount: String?
        let valueCurrency: String?
        let description: String?
        /// Present only for users allowed to see internal notes; never for partner users.
        let internalNotes: String?
        let version: Int
        let createdAt: Date
        let updatedAt: Date

        init(_ a: AccordCore.Alliance, partnerName: String?, showInternal: Bool) {
            (id, name, partnerId, self.partnerName, type, status) = (
                a.id, a.name, a.partnerID, partnerName, a.type.rawValue, a.status.rawValue
            )
            (phase, transition, tier) = (a.phase.rawValue, a.transition?.rawValue, showInternal ? a.tier.rawValue : nil)
            (ourSponsorId, ourManagerId, partnerSponsorId, partnerManagerId) = (
                a.ourSponsorID, a.ourManagerID, a.partnerSponsorID, a.partnerManagerID
            )
            (products, territories) = (a.products, a.territories)
            (effectiveDate, termEndDate, renewalNoticeDate) = (
                a.effectiveDate?.description, a.termEndDate?.description, a.renewalNoticeDate?.description
            )
            valueAmount = a.value.map { Money.plain($0.hundredths) }
            valueCurrency = a.value?.currency
            description = a.description
            internalNotes = showInternal ? a.internalNotes : nil
            (version, createdAt, updatedAt) = (a.version, a.createdAt, a.updatedAt)
        }

        enum CodingKeys: String, CodingKey {
            case id, name, partnerId, partnerName, type, status, phase, transition, tier, ourSponsorId, ourManagerId
            case partnerSponsorId, partnerManagerId, products, territories, effectiveDate, termEndDate, renewalNoticeDate
            case valueAmount, valueCurrency, description, internalNotes, version, createdAt, updatedAt
        }

        /// Writes nulls explicitly, so every documented field is always present.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(partnerId, forKey: .partnerId)
            try c.encode(partnerName, forKey: .partnerName)
            try c.encode(type, forKey: .type)
            try c.encode(status, forKey: .status)
            try c.encode(phase, forKey: .phase)
            try c.encode(transition, forKey: .transition)
            try c.encode(tier, forKey: .tier)
            try c.encode(ourSponsorId, forKey: .ourSponsorId)
            try c.encode(ourManagerId, forKey: .ourManagerId)
            try c.encode(partnerSponsorId, forKey: .partnerSponsorId)
            try c.encode(partnerManagerId, forKey: .partnerManagerId)
            try c.encode(products, forKey: .products)
            try c.encode(territories, forKey: .territories)
            try c.encode(effectiveDate, forKey: .effectiveDate)
            try c.encode(termEndDate, forKey: .termEndDate)
            try c.encode(renewalNoticeDate, forKey: .renewalNoticeDate)
            try c.encode(valueAmount, forKey: .valueAmount)
            try c.encode(valueCurrency, forKey: .valueCurrency)
            try c.encode(description, forKey: .description)
            try c.encode(internalNotes, forKey: .internalNotes)
            try c.encode(version, forKey: .version)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(updatedAt, forKey: .updatedAt)
        }
    }

    struct Membership: Encodable {
        let id: UUID
        let allianceId: UUID
        let personId: UUID
        let side: String
        let role: String
        let createdAt: Date

        init(_ m: AccordCore.Membership) {
            (id, allianceId, personId, side, role, createdAt) = (
                m.id, m.allianceID, m.personID, m.side.rawValue, m.role.rawValue, m.createdAt
            )
        }
    }

    struct List<Item: Encodable>: Encodable {
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

    struct Me: Encodable {
        let id: UUID
        let email: String
        let name: String
        let role: String
        let personId: UUID?
    }
}
