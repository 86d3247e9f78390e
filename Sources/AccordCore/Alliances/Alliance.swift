import Foundation

/// One relationship with a partner company.
public struct Alliance: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var name: String
    public var partnerID: UUID
    public var type: AllianceType
    public var status: OperationalStatus
    public var phase: LifecyclePhase
    public var transition: LifecycleTransition?
    public var tier: StrategicTier
    public var ourSponsorID: UUID?
    public var ourManagerID: UUID?
    public var partnerSponsorID: UUID?
    public var partnerManagerID: UUID?
    public var products: String?
    public var territories: String?
    public var effectiveDate: LocalDate?
    public var termEndDate: LocalDate?
    public var renewalNoticeDate: LocalDate?
    public var value: Money?
    public var description: String?
    /// Never shown to partner users.
    public var internalNotes: String?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, valid: AllianceInput.Valid, version: Int = 1, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.name = valid.name
        self.partnerID = valid.partnerID
        self.type = valid.type
        self.status = valid.status
        self.phase = valid.phase
        self.tier = valid.tier
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        apply(valid)
    }

    public mutating func apply(_ v: AllianceInput.Valid) {
        name = v.name
        partnerID = v.partnerID
        type = v.type
        status = v.status
        phase = v.phase
        transition = v.transition
        tier = v.tier
        ourSponsorID = v.ourSponsorID
        ourManagerID = v.ourManagerID
        partnerSponsorID = v.partnerSponsorID
        partnerManagerID = v.partnerManagerID
        products = v.products
        territories = v.territories
        effectiveDate = v.effectiveDate
        termEndDate = v.termEndDate
        renewalNoticeDate = v.renewalNoticeDate
        value = v.value
        description = v.description
        internalNotes = v.internalNotes
    }

    /// The named people and the side and role each holds.
    public var namedPeople: [(personID: UUID, side: Side, role: MembershipRole)] {
        [
            (ourSponsorID, Side.ours, MembershipRole.executiveSponsor),
            (ourManagerID, .ours, .allianceManager),
            (partnerSponsorID, .partner, .executiveSponsor),
            (partnerManagerID, .partner, .allianceManager),
        ].compactMap { id, side, role in id.map { ($0, side, role) } }
    }
}
