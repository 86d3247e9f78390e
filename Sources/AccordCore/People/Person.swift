import Foundation

/// Someone at our company or at a partner.
public struct Person: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var name: String
    public var email: String
    public var title: String?
    public var function: BusinessFunction
    public var level: Level
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, organizationID: UUID, name: String, email: String, title: String?, function: BusinessFunction,
        level: Level, version: Int = 1, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.email = email
        self.title = title
        self.function = function
        self.level = level
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public mutating func apply(_ valid: PersonInput.Valid) {
        organizationID = valid.organizationID
        name = valid.name
        email = valid.email
        title = valid.title
        function = valid.function
        level = valid.level
    }
}

public struct PersonInput: Sendable, Equatable, Codable {
    public var organizationID: String?
    public var name: String?
    public var email: String?
    public var title: String?
    public var function: String?
    public var level: String?

    public init(
        organizationID: String? = nil, name: String? = nil, email: String? = nil, title: String? = nil,
        function: String? = nil, level: String? = nil
    ) {
        self.organizationID = organizationID
        self.name = name
        self.email = email
        self.title = title
        self.function = function
        self.level = level
    }

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
