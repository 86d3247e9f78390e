import AccordMemberwise
import Foundation

public enum Role: String, Labeled {
    case administrator, executive
    case allianceManager = "alliance_manager"
    case member, partner

    public var label: String {
        switch self {
        case .administrator: "Administrator"
        case .executive: "Executive"
        case .allianceManager: "Alliance manager"
        case .member: "Functional member"
        case .partner: "Partner user"
        }
    }

    public var isInternal: Bool { self != .partner }
}

/// A person who signs in. Partner users are always linked to a person at a partner.
@Memberwise
public struct User: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var email: String
    public var name: String
    public var role: Role
    public var personID: UUID?
    public var active: Bool = true
    public var version: Int = 1
    public var createdAt: Date
    public var updatedAt: Date
}

@Memberwise
public struct UserInput: Sendable, Equatable, Codable {
    public var email: String?
    public var name: String?
    public var role: String?
    public var personID: String?
    public var active: String?

    public struct Valid: Sendable, Equatable {
        public var email: String
        public var name: String
        public var role: Role
        public var personID: UUID?
        public var active: Bool
    }

    public func validate() throws(DomainError) -> Valid {
        var v = Validator()
        let email = v.email(email, "email")
        let name = v.text(name, "name", "Name", max: 120)
        let role = v.choice(role, "role", "Role", as: Role.self)
        let person = v.optionalID(personID, "personID", "Person")
        if role == .partner, person == nil, (personID ?? "").isEmpty {
            v.add("personID", "Partner users must be linked to a person at a partner organisation.")
        }
        try v.check()
        let isActive = !["false", "0", "off", "no"].contains((active ?? "true").lowercased())
        return Valid(email: email, name: name, role: role!, personID: person, active: isActive)
    }
}
