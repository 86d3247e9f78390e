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
        @Null var partnerName: String?
        let type: String
        let status: String
        let phase: String
        @Null var transition: String?
        /// Our internal assessment of the alliance: null for partner users.
        @Null var tier: String?
        @Null var ourSponsorId: UUID?
        @Null var ourManagerId: UUID?
        @Null var partnerSponsorId: UUID?
        @Null var partnerManagerId: UUID?
        @Null var products: String?
        @Null var territories: String?
        @Null var effectiveDate: String?
        @Null var termEndDate: String?
        @Null var renewalNoticeDate: String?
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
