import AccordCore
import AccordStore
import Foundation

/// Alliance steps shared by the portfolio, the alliance page, the alliance form and the JSON API: every read scoped to
/// the user (the portfolio query by `AccessPolicy.scoped`, one alliance by `AllianceAccess`), every change with its
/// permission. Partner users see their own alliances only, without our internal assessment.
struct AlliancesService: Sendable {
    private let repository: any AllianceRepository
    private let organizations: any OrganizationRepository
    private let people: any PersonRepository
    private let audit: any AuditRepository
    let access: AllianceAccess
    let team: TeamService
    private let choices: DirectoryChoices

    init(_ store: Store) {
        repository = store.alliances
        organizations = store.organizations
        people = store.people
        audit = store.audit
        access = AllianceAccess(store)
        team = TeamService(store)
        choices = DirectoryChoices(store)
    }

    // MARK: The portfolio

    /// One page of the portfolio as the user may see it: the query is narrowed to their alliances (partner users may
    /// not sort by our tier).
    func list(_ query: AllianceQuery, _ user: SignedIn) async throws -> Page<AllianceSummary> {
        try AccessPolicy.require(user.principal, .viewPortfolio)
        return try await repository.list(try AccessPolicy.scoped(query, for: user.principal))
    }

    /// The partner filter: a select list while partners are few, a search field once they are many.
    func partnerFilter(id: UUID?, typed: String?) async throws -> ChoiceField {
        try await ChoiceField.resolve(id: id, typed: typed, choices.partners(blank: "All partners"))
    }

    /// The alliance manager filter, among the people who manage an alliance.
    func managerFilter(id: UUID?, typed: String?) async throws -> ChoiceField {
        let (repository, people) = (repository, people)
        let managers = ChoiceSource(
            noun: "alliance manager", blank: "All managers", suggest: Site.managerChoices.pattern,
            count: { try await repository.managerCount(upTo: $0) },
            lookup: { try await repository.managerChoices(matching: $0, limit: $1) }, name: { try await people.find($0)?.name })
        return try await ChoiceField.resolve(id: id, typed: typed, managers)
    }

    /// Completion for the portfolio's filters: partners, or people who manage an alliance, whose names contain `text`.
    func filterChoices(_ kind: FilterKind, matching text: String?, _ user: SignedIn) async throws -> [NamedID] {
        try AccessPolicy.require(user.principal, .viewPortfolio)
        guard user.principal.role.isInternal else { throw DomainError.forbidden("Only your own organisation's users filter by partner.") }
        switch kind {
        case .partner: return try await organizations.names(kind: .partner, matching: text, limit: ChoiceField.matchLimit)
        case .manager: return try await repository.managerChoices(matching: text, limit: ChoiceField.matchLimit)
        }
    }

    enum FilterKind { case partner, manager }

    // MARK: One alliance

    /// What the alliance page shows besides the alliance: the partner, the team with the people it names, and (for
    /// those who may read it) the alliance's history with the names it refers to.
    struct Overview {
        let partner: Organization
        let members: [Membership]
        let people: [UUID: Person]
        let history: [AuditRecord]
        let historyNames: [UUID: String]
    }

    func overview(_ alliance: Alliance, _ user: SignedIn) async throws -> Overview {
        guard let partner = try await organizations.find(alliance.partnerID) else { throw DomainError.notFound("No such partner.") }
        let members = try await repository.members(of: alliance.id)
        let named = [alliance.ourSponsorID, alliance.ourManagerID, alliance.partnerSponsorID, alliance.partnerManagerID].compactMap { $0 }
        let people = try await people.find(ids: members.map(\.personID) + named)
        let history =
            AccessPolicy.allows(user.principal, .viewAllianceHistory(alliance.id))
            ? try await audit.history(allianceID: alliance.id, limit: 100) : []
        let referenced = AllianceHistory.referencedIDs(history)
        var names = try await self.people.find(ids: referenced).mapValues(\.name)
        names.merge(try await organizations.names(ids: referenced)) { person, _ in person }
        return Overview(partner: partner, members: members, people: people, history: history, historyNames: names)
    }

    /// The partner's name, for API answers.
    func partnerName(_ alliance: Alliance) async throws -> String? { try await organizations.find(alliance.partnerID)?.name }

    func members(_ alliance: Alliance) async throws -> [Membership] { try await repository.members(of: alliance.id) }

    /// The alliance form's choices of records, resolved from a posted form or (with none) from the ids `input` holds,
    /// which get what was chosen; with the messages of names that picked nothing or several. The partner comes first:
    /// the partner's sponsor and manager are chosen among that partner's people (every partner's until one is chosen).
    func formChoices(_ form: FormData?, _ input: inout AllianceInput) async throws -> (AllianceFormPage, [FieldError]) {
        let partner = try await FormChoice.resolve(
            form, "partnerID", label: "Partner", current: input.partnerID, choices.partners(blank: "Choose a partner"))
        input.partnerID = partner.value
        let chosenPartner = try await partner.field.chosen.asyncMap { try await organizations.find($0) } ?? nil
        let ours = choices.people(.kind(.ours), blank: "Not named yet")
        let partnerPeople: PeopleScope = chosenPartner.flatMap { $0.kind == .partner ? .organization($0.id) : nil } ?? .kind(.partner)
        let theirs = choices.people(partnerPeople, blank: "Not named yet")
        let named: [(String, String, WritableKeyPath<AllianceInput, String?>, ChoiceSource)] = [
            ("ourSponsorID", "Our executive sponsor", \.ourSponsorID, ours), ("ourManagerID", "Our alliance manager", \.ourManagerID, ours),
            ("partnerSponsorID", "Partner executive sponsor", \.partnerSponsorID, theirs),
            ("partnerManagerID", "Partner alliance manager", \.partnerManagerID, theirs),
        ]
        var fields = [partner.field]
        var errors = partner.error.map { [$0] } ?? []
        for (key, label, path, source) in named {
            let resolved = try await FormChoice.resolve(form, key, label: label, current: input[keyPath: path], source)
            input[keyPath: path] = resolved.value
            fields.append(try await choices.labelled(resolved.field))
            errors += resolved.error.map { [$0] } ?? []
        }
        let page = AllianceFormPage(
            partner: fields[0], ourSponsor: fields[1], ourManager: fields[2], partnerSponsor: fields[3], partnerManager: fields[4])
        return (page, errors)
    }

    // MARK: Changes

    func create(_ valid: AllianceInput.Valid, by user: SignedIn) async throws -> Alliance {
        try AccessPolicy.require(user.principal, .createAlliance)
        return try await repository.create(valid, by: user.actor)
    }

    func update(_ alliance: Alliance, _ valid: AllianceInput.Valid, expectedVersion: Int?, by user: SignedIn) async throws -> Alliance {
        try AccessPolicy.require(user.principal, .editAlliance(alliance.id))
        return try await repository.update(alliance.id, valid, expectedVersion: expectedVersion, by: user.actor)
    }

    func delete(_ alliance: Alliance, by user: SignedIn) async throws {
        try AccessPolicy.require(user.principal, .deleteAlliance(alliance.id))
        try await repository.delete(alliance.id, by: user.actor)
    }
}
