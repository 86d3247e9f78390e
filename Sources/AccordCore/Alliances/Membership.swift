import AccordMemberwise
import Foundation

/// A person on an alliance's team, on one side, in one role.
@Memberwise
public struct Membership: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var allianceID: UUID
    public var personID: UUID
    public var side: Side
    public var role: MembershipRole
    public var createdAt: Date
}

@Memberwise
public struct MembershipInput: Sendable, Equatable, Codable {
    public var personID: String?
    public var role: String?

    public struct Valid: Sendable, Equatable {
        public var personID: UUID
        public var role: MembershipRole
    }

    public func validate() throws(DomainError) -> Valid {
        var v = Validator()
        let person = v.id(personID, "personID", "Person")
        let role = v.choice(role, "role", "Role", as: MembershipRole.self)
        try v.check()
        return Valid(personID: person!, role: role!)
    }

    /// The side follows from the person's organisation; anyone else cannot join.
    public static func side(of person: Person, alliance: Alliance, ourOrganizationID: UUID?) throws(DomainError) -> Side {
        if person.organizationID == alliance.partnerID { return .partner }
        if person.organizationID == ourOrganizationID { return .ours }
        throw .invalid("personID", "Person must work for our company or for this alliance's partner.")
    }
}
