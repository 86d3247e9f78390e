import AccordMemberwise
import Foundation

/// How often a pair is meant to be in touch.
public enum ContactCadence: String, Labeled {
    case adHoc = "ad_hoc"
    case weekly, monthly, quarterly
    case twiceAYear = "twice_a_year"

    public var label: String {
        switch self {
        case .adHoc: "Ad hoc"
        case .weekly: "Weekly"
        case .monthly: "Monthly"
        case .quarterly: "Quarterly"
        case .twiceAYear: "Twice a year"
        }
    }

    /// The longest gap between contacts before the pair is overdue; ad hoc pairs never are.
    public var days: Int? {
        switch self {
        case .adHoc: nil
        case .weekly: 7
        case .monthly: 31
        case .quarterly: 92
        case .twiceAYear: 183
        }
    }
}

/// Our person and theirs, at one level and for one function, with how the relationship stands.
public struct CounterpartPair: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var allianceID: UUID
    public var ourPersonID: UUID
    public var partnerPersonID: UUID
    public var level: Level
    public var function: BusinessFunction
    public var cadence: ContactCadence
    public var lastContact: LocalDate?
    /// 1 (weak) to 5 (strong).
    public var strength: Int
    public var notes: String?
    public var version: Int
    public var createdAt: Date

    public init(id: UUID, allianceID: UUID, valid: CounterpartInput.Valid, version: Int = 1, createdAt: Date) {
        self.id = id
        self.allianceID = allianceID
        self.ourPersonID = valid.ourPersonID
        self.partnerPersonID = valid.partnerPersonID
        self.level = valid.level
        self.function = valid.function
        self.cadence = valid.cadence
        self.lastContact = valid.lastContact
        self.strength = valid.strength
        self.notes = valid.notes
        self.version = version
        self.createdAt = createdAt
    }

    public mutating func apply(_ v: CounterpartInput.Valid) {
        (ourPersonID, partnerPersonID, level, function, cadence) = (v.ourPersonID, v.partnerPersonID, v.level, v.function, v.cadence)
        (lastContact, strength, notes) = (v.lastContact, v.strength, v.notes)
    }

    /// In touch less often than the cadence asks (never contacted counts as overdue).
    public func isContactOverdue(today: LocalDate) -> Bool {
        guard let days = cadence.days else { return false }
        guard let last = lastContact else { return true }
        return today.dayNumber - last.dayNumber > days
    }
}

@Memberwise
public struct CounterpartInput: Sendable, Equatable {
    public var ourPersonID: String?
    public var partnerPersonID: String?
    public var level: String?
    public var function: String?
    public var cadence: String?
    public var lastContact: String?
    public var strength: String?
    public var notes: String?

    public init(_ p: CounterpartPair) {
        self.init(
            ourPersonID: p.ourPersonID.canonicalText, partnerPersonID: p.partnerPersonID.canonicalText, level: p.level.rawValue,
            function: p.function.rawValue, cadence: p.cadence.rawValue, lastContact: p.lastContact?.description,
            strength: String(p.strength), notes: p.notes)
    }

    @Memberwise
    public struct Valid: Sendable, Equatable {
        public var ourPersonID: UUID
        public var partnerPersonID: UUID
        public var level: Level
        public var function: BusinessFunction
        public var cadence: ContactCadence
        public var lastContact: LocalDate?
        public var strength: Int
        public var notes: String?
    }

    /// `people` resolves the two ids; the first must work for our company, the second for the alliance's partner.
    /// Level and function default to our person's.
    public func validate(
        people: [UUID: Person], ourOrganizationID: UUID?, partnerID: UUID, today: LocalDate
    ) throws(DomainError) -> Valid {
        var v = Validator()
        let ours = v.id(ourPersonID, "ourPersonID", "Our person")
        let theirs = v.id(partnerPersonID, "partnerPersonID", "Their person")
        let our = ours.flatMap { people[$0] }
        let their = theirs.flatMap { people[$0] }
        if ours != nil, our == nil { v.add("ourPersonID", "Our person is not a known person.") }
        if theirs != nil, their == nil { v.add("partnerPersonID", "Their person is not a known person.") }
        if let our, let their, our.organizationID == their.organizationID {
            let side =
                our.organizationID == partnerID
                ? "the partner" : our.organizationID == ourOrganizationID ? "our company" : "the same organisation"
            v.add("partnerPersonID", "Both people work for \(side): a pair joins one person of our company with one of the partner.")
        } else {
            if let our, our.organizationID != ourOrganizationID {
                v.add("ourPersonID", "\(our.name) does not work for our company.")
            }
            if let their, their.organizationID != partnerID {
                v.add("partnerPersonID", "\(their.name) does not work for this alliance's partner.")
            }
        }
        let level = (level ?? "").isEmpty ? our?.level : v.choice(level, "level", "Level", as: Level.self)
        let function = (function ?? "").isEmpty ? our?.function : v.choice(function, "function", "Function", as: BusinessFunction.self)
        let cadence: ContactCadence? = (cadence ?? "").isEmpty ? .quarterly : v.choice(cadence, "cadence", "Cadence")
        let last = v.optionalDate(lastContact, "lastContact", "Last contact")
        if let last, last > today { v.add("lastContact", "Last contact cannot be in the future.") }
        let strengthText = (strength ?? "").trimmingCharacters(in: .whitespaces)
        let strength = Int(strengthText)
        if strength == nil || !(1...5).contains(strength!) { v.add("strength", "Strength is a whole number from 1 (weak) to 5 (strong).") }
        let notes = v.optionalText(notes, "notes", "Notes", max: 1000)
        try v.check()
        return Valid(
            ourPersonID: ours!, partnerPersonID: theirs!, level: level ?? .management, function: function ?? .allianceManagement,
            cadence: cadence!, lastContact: last, strength: strength!, notes: notes)
    }
}

public protocol RelationshipRepository: Sendable {
    /// Pairs of the alliance, by level (executive first) then function.
    func pairs(allianceID: UUID) async throws -> [CounterpartPair]
    func pair(id: UUID) async throws -> CounterpartPair?
    /// Refused when the same two people are already paired in the alliance.
    func create(allianceID: UUID, _ valid: CounterpartInput.Valid, by actor: AuditActor) async throws -> CounterpartPair
    func update(_ id: UUID, _ valid: CounterpartInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> CounterpartPair
    func recordContact(_ id: UUID, on day: LocalDate, by actor: AuditActor) async throws -> CounterpartPair
    func delete(_ id: UUID, by actor: AuditActor) async throws
}
