import AccordCore
import AccordStore
import Foundation

/// Choices of a partner or a person on the forms that name one (the alliance form, a user's linked person): a select
/// list while there are few, a search field completed from `/people/choices` (or the portfolio's partner
/// completion) once there are many.
struct DirectoryChoices: Sendable {
    private let organizations: any OrganizationRepository
    private let people: any PersonRepository

    init(_ store: Store) {
        organizations = store.organizations
        people = store.people
    }

    func partners(blank: String) -> ChoiceSource { organizations(.partner, noun: "partner", blank: blank, suggest: Site.partnerChoices) }

    /// Organisations of one kind, or (nil) all of them.
    func organizations(_ kind: OrganizationKind?, noun: String, blank: String, suggest: SiteRoute<Void>) -> ChoiceSource {
        let organizations = organizations
        return ChoiceSource(
            noun: noun, blank: blank, suggest: suggest.pattern,
            count: { try await organizations.count(kind: kind, upTo: $0) },
            lookup: { try await organizations.names(kind: kind, matching: $0, limit: $1) },
            name: { try await organizations.find($0)?.name })
    }

    func people(_ scope: PeopleScope, blank: String) -> ChoiceSource {
        let people = people
        return ChoiceSource(
            noun: "person", blank: blank, suggest: Site.peopleChoices.pattern + "?among=" + Self.among(scope),
            count: { try await people.count(in: scope, upTo: $0) },
            lookup: { try await people.names(in: scope, matching: $0, limit: $1) },
            name: { try await people.find($0)?.name })
    }

    /// The people of `source` while they are few enough for a select list (by name), nil beyond.
    func listed(_ source: ChoiceSource) async throws -> [Person]? {
        guard try await source.count(ChoiceField.listLimit + 1) <= ChoiceField.listLimit else { return nil }
        let found = try await people.find(ids: try await source.lookup(nil, nil).map(\.id))
        return found.values.sorted { ($0.name.lowercased(), $0.id.canonicalText) < ($1.name.lowercased(), $1.id.canonicalText) }
    }

    /// A short select list of people labelled with what tells them apart: their function (our people) or their
    /// organisation (anyone else's).
    func labelled(_ field: ChoiceField) async throws -> ChoiceField {
        guard let options = field.options else { return field }
        let details = try await self.details(options.compactMap { UUID(canonical: $0.value) })
        return field.relabeled(details.mapValues { $0.ours ? "\($0.name) (\($0.detail))" : "\($0.name), \($0.detail)" })
    }

    /// At most ten people in `scope` whose name contains `text`, with what tells them apart.
    func suggestions(_ scope: PeopleScope, matching text: String?) async throws -> [ChoiceJSON.Item] {
        let matches = try await people.names(in: scope, matching: text, limit: ChoiceField.matchLimit)
        let details = try await self.details(matches.map(\.id))
        return matches.map { ChoiceJSON.Item(id: $0.id.lowercaseText, label: $0.name, detail: details[$0.id]?.detail) }
    }

    /// Each person's name and what tells them apart: their function if they are ours, else their organisation's name.
    private func details(_ ids: [UUID]) async throws -> [UUID: (name: String, detail: String, ours: Bool)] {
        let found = try await people.find(ids: ids)
        let ours = try await organizations.ours()?.id
        let names = try await organizations.names(ids: Array(Set(found.values.map(\.organizationID))))
        return found.mapValues { person in
            let isOurs = person.organizationID == ours
            return (person.name, isOurs ? person.function.label : names[person.organizationID] ?? "", isOurs)
        }
    }

    /// The `among` parameter of `/people/choices`: `ours`, `partners`, `everyone` or an organisation's id.
    static func among(_ scope: PeopleScope) -> String {
        switch scope {
        case .kind(.ours): "ours"
        case .kind(.partner): "partners"
        case .everyone: "everyone"
        case .organization(let id): id.lowercaseText
        }
    }

    static func scope(among text: String?) throws -> PeopleScope {
        switch text {
        case "ours": return .kind(.ours)
        case "partners": return .kind(.partner)
        case "everyone", nil, "": return .everyone
        default:
            guard let id = text.flatMap(UUID.init(canonical:)) else {
                throw DomainError.invalid("among", "among must be ours, partners, everyone or an organisation's id.")
            }
            return .organization(id)
        }
    }
}
