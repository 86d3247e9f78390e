import AccordMemberwise
import Foundation

/// Someone at our company or at a partner.
@Memberwise
public struct Person: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var name: String
    public var email: String
    public var title: String?
    public var function: BusinessFunction
    public var level: Level
    public var version: Int = 1
    public var createdAt: Date
    public var updatedAt: Date

    public mutating func apply(_ valid: PersonInput.Valid) {
        organizationID = valid.organizationID
        name = valid.name
        email = valid.email
        title = valid.title
        function = valid.function
        level = valid.level
    }
}

@Memberwise
public struct PersonInput: Sendable, Equatable, Codable {
    public var organizationID: String?
    public var name: String?
    public var email: String?
    public var title: String?
    public var function: String?
    public var level: String?

    public init(_ p: Person) {
        self.init(
            organizationID: p.organizationID.canonicalText, name: p.name, email: p.email, title: p.title,
            function: p.function.rawValue, level: p.level.rawValue)
    }

    public struct Valid: Sendable, Equatable {
        public var organizationID: UUID
        public var name: String
        public var email: String
        public var title: String?
        public var function: BusinessFunction
        public var level: Level
    }

    public func validate() throws(DomainError) -> Valid {
        var v = Validator()
        let org = v.id(organizationID, "organizationID", "Organisation")
        let name = v.text(name, "name", "Name", max: 120)
        let email = v.email(email, "email")
        let title = v.optionalText(title, "title", "Title", max: 120)
        let function = v.choice(function, "function", "Function", as: BusinessFunction.self)
        let level = v.choice(level, "level", "Level", as: Level.self)
        try v.check()
        return Valid(organizationID: org!, name: name, email: email, title: title, function: function!, level: level!)
    }
}
