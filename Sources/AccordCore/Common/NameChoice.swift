import Foundation

/// What a name typed into a choice field picks out of the records that contain it (any case): the one record whose
/// name it is, the only record that contains it, nothing, or several to choose from.
public enum NameChoice: Equatable, Sendable {
    case chosen(NamedID)
    case nothing
    case several([NamedID])

    /// `matches` are the records whose name contains `text`, by name (as the repositories' `matching:` returns them).
    public static func resolve(_ text: String, matches: [NamedID]) -> NameChoice {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        let exact = matches.filter { $0.name.lowercased() == wanted }
        if exact.count == 1 { return .chosen(exact[0]) }
        if matches.count == 1 { return .chosen(matches[0]) }
        return matches.isEmpty ? .nothing : .several(matches)
    }

    /// The records of `all` whose name contains `text`, in their order (for lists already in memory).
    public static func matching(_ text: String, in all: [NamedID]) -> [NamedID] {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        return all.filter { $0.name.lowercased().contains(wanted) }
    }
}

/// Whose people a choice of a person is made among.
public enum PeopleScope: Sendable, Equatable {
    /// The people of one organisation.
    case organization(UUID)
    /// The people of every organisation of one kind (ours, or all partners).
    case kind(OrganizationKind)
    /// Everyone in the directory.
    case everyone
}
