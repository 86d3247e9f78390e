import AccordMemberwise
import Foundation

public enum OrganizationKind: String, Labeled {
    case ours, partner

    public var label: String {
        switch self {
        case .ours: "Our company"
        case .partner: "Partner"
        }
    }
}

/// Our company or a partner company.
@Memberwise
public struct Organization: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var name: String
    public var kind: OrganizationKind
    public var country: String?
    public var website: String?
    public var notes: String?
    public var version: Int = 1
    public var createdAt: Date
    public var updatedAt: Date
}

/// What a form or API request submits for an organisation, as typed.
@Memberwise
public struct OrganizationInput: Sendable, Equatable, Codable {
    public var name: String?
    public var kind: String?
    public var country: String?
    public var website: String?
    public var notes: String?

    public init(_ org: Organization) {
        self.init(name: org.name, kind: org.kind.rawValue, country: org.country, website: org.website, notes: org.notes)
    }

    /// The validated fields, ready to store.
    public struct Valid: Sendable, Equatable {
        public var name: String
        public var kind: OrganizationKind
        public var country: String?
        public var website: String?
        public var notes: String?
    }

    public func validate() throws(DomainError) -> Valid {
        var v = Validator()
        let name = v.text(name, "name", "Name", max: 120)
        let kind = v.choice(kind, "kind", "Kind", as: OrganizationKind.self)
        let country = v.optionalText(country, "country", "Country", max: 80)
        let website = v.optionalText(website, "website", "Website", max: 200)
        if let website, !(website.hasPrefix("https://") || website.hasPrefix("http://")) {
            v.add("website", "Website must start with https:// or http://.")
        }
        let notes = v.optionalText(notes, "notes", "Notes", max: 4000)
        try v.check()
        return Valid(name: name, kind: kind!, country: country, website: website, notes: notes)
    }
}

extension Organization {
    public mutating func apply(_ valid: OrganizationInput.Valid) {
        name = valid.name
        kind = valid.kind
        country = valid.country
        website = valid.website
        notes = valid.notes
    }
}
