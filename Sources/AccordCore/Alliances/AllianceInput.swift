import AccordMemberwise
import Foundation

/// What a form or API request submits for an alliance, as typed.
public struct AllianceInput: Sendable, Equatable, Codable {
    public var name: String?
    public var partnerID: String?
    public var type: String?
    public var status: String?
    public var phase: String?
    public var transition: String?
    public var tier: String?
    public var ourSponsorID: String?
    public var ourManagerID: String?
    public var partnerSponsorID: String?
    public var partnerManagerID: String?
    public var products: String?
    public var territories: String?
    public var effectiveDate: String?
    public var termEndDate: String?
    public var renewalNoticeDate: String?
    public var valueAmount: String?
    public var valueCurrency: String?
    public var description: String?
    public var internalNotes: String?

    public init() {}

    public init(_ a: Alliance) {
        name = a.name
        partnerID = a.partnerID.canonicalText
        type = a.type.rawValue
        status = a.status.rawValue
        phase = a.phase.rawValue
        transition = a.transition?.rawValue
        tier = a.tier.rawValue
        ourSponsorID = a.ourSponsorID?.canonicalText
        ourManagerID = a.ourManagerID?.canonicalText
        partnerSponsorID = a.partnerSponsorID?.canonicalText
        partnerManagerID = a.partnerManagerID?.canonicalText
        products = a.products
        territories = a.territories
        effectiveDate = a.effectiveDate?.description
        termEndDate = a.termEndDate?.description
        renewalNoticeDate = a.renewalNoticeDate?.description
        valueAmount = a.value?.amountText
        valueCurrency = a.value?.currency
        description = a.description
        internalNotes = a.internalNotes
    }

    @Memberwise
    public struct Valid: Sendable, Equatable {
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
        public var internalNotes: String?
    }

    /// Checks every field on its own and the rules between fields.
    public func validate() throws(DomainError) -> Valid {
        var v = Validator()
        let name = v.text(name, "name", "Name", max: 160)
        let partner = v.id(partnerID, "partnerID", "Partner")
        let type = v.choice(type, "type", "Type", as: AllianceType.self)
        let status = v.choice(status, "status", "Status", as: OperationalStatus.self)
        let phase = v.choice(phase, "phase", "Phase", as: LifecyclePhase.self)
        let transition = v.optionalChoice(transition, "transition", "Transition", as: LifecycleTransition.self)
        let tier = v.choice(tier, "tier", "Strategic tier", as: StrategicTier.self)
        let ourSponsor = v.optionalID(ourSponsorID, "ourSponsorID", "Our executive sponsor")
        let ourManager = v.optionalID(ourManagerID, "ourManagerID", "Our alliance manager")
        let partnerSponsor = v.optionalID(partnerSponsorID, "partnerSponsorID", "Partner executive sponsor")
        let partnerManager = v.optionalID(partnerManagerID, "partnerManagerID", "Partner alliance manager")
        let products = v.optionalText(products, "products", "Products and assets", max: 500)
        let territories = v.optionalText(territories, "territories", "Territories", max: 500)
        let effective = v.optionalDate(effectiveDate, "effectiveDate", "Effective date")
        let termEnd = v.optionalDate(termEndDate, "termEndDate", "Term end")
        let renewal = v.optionalDate(renewalNoticeDate, "renewalNoticeDate", "Renewal notice date")
        let amount = v.optionalAmount(valueAmount, "valueAmount", "Value")
        let currency = (valueCurrency ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        let description = v.optionalText(description, "description", "Description", max: 4000)
        let notes = v.optionalText(internalNotes, "internalNotes", "Internal notes", max: 4000)

        if let effective, let termEnd, termEnd < effective {
            v.add("termEndDate", "Term end must be on or after the effective date (\(effective)).")
        }
        if let renewal, let termEnd, renewal > termEnd {
            v.add("renewalNoticeDate", "Renewal notice date must be on or before the term end (\(termEnd)).")
        }
        if !currency.isEmpty, !Currency.isKnown(currency) {
            v.add("valueCurrency", "Currency must be an ISO 4217 code Accord knows: \(Currency.codes.joined(separator: ", ")).")
        } else if amount != nil, currency.isEmpty {
            v.add("valueCurrency", "Currency is required when a value is given.")
        } else if amount == nil, !currency.isEmpty, (valueAmount ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            v.add("valueAmount", "Value is required when a currency is chosen.")
        }
        try v.check()
        return Valid(
            name: name, partnerID: partner!, type: type!, status: status!, phase: phase!, transition: transition,
            tier: tier!, ourSponsorID: ourSponsor, ourManagerID: ourManager, partnerSponsorID: partnerSponsor,
            partnerManagerID: partnerManager, products: products, territories: territories,
            effectiveDate: effective, termEndDate: termEnd, renewalNoticeDate: renewal,
            value: amount.map { Money(hundredths: $0, currency: currency) }, description: description,
            internalNotes: notes)
    }
}

/// Rules that need other records: the partner must be a partner organisation, and each named
/// person must work for the organisation on their side.
public enum AllianceRules {
    public static func checkReferences(
        _ valid: AllianceInput.Valid, partner: Organization?, people: [UUID: Person], ourOrganizationID: UUID?
    ) throws(DomainError) {
        var v = Validator()
        if partner == nil {
            v.add("partnerID", "Partner is not a known organisation.")
        } else if partner?.kind != .partner {
            v.add("partnerID", "Partner must be a partner organisation, not our own company.")
        }
        let slots: [(UUID?, String, String, Side)] = [
            (valid.ourSponsorID, "ourSponsorID", "Our executive sponsor", .ours),
            (valid.ourManagerID, "ourManagerID", "Our alliance manager", .ours),
            (valid.partnerSponsorID, "partnerSponsorID", "Partner executive sponsor", .partner),
            (valid.partnerManagerID, "partnerManagerID", "Partner alliance manager", .partner),
        ]
        for (id, field, label, side) in slots {
            guard let id else { continue }
            guard let person = people[id] else {
                v.add(field, "\(label) is not a known person.")
                continue
            }
            let expected = side == .ours ? ourOrganizationID : valid.partnerID
            if person.organizationID != expected {
                v.add(field, side == .ours ? "\(label) must work for our company." : "\(label) must work for the partner.")
            }
        }
        try v.check()
    }
}
