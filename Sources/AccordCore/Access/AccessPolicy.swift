import AccordMemberwise
import Foundation

/// Who is asking: the signed-in user, with the alliances they belong to.
@Memberwise
public struct Principal: Sendable, Equatable {
    public var userID: UUID
    public var role: Role
    public var personID: UUID?
    /// Alliances where the user's person is on the team.
    public var allianceIDs: Set<UUID>

    public func belongs(to alliance: UUID) -> Bool { allianceIDs.contains(alliance) }
}

/// Everything a user can ask to do. Every route names one of these.
public enum Permission: Sendable, Equatable {
    case viewPortfolio
    case viewAlliance(UUID)
    case viewAllianceHistory(UUID)
    case viewInternalNotes(UUID)
    case createAlliance
    case editAlliance(UUID)
    case deleteAlliance(UUID)
    case manageTeam(UUID)
    /// Open health waves for the alliance and see their aggregated results.
    case runHealthChecks(UUID)
    /// Create and edit the alliance's governance bodies and their membership.
    case manageGovernance(UUID)
    /// Record the alliance's obligations, trigger events and what was executed.
    case manageObligations(UUID)
    /// The health heat map across the portfolio and the health column of the alliance list.
    case viewHealthPortfolio
    /// Edit health survey instruments (a new version once a wave has used one).
    case manageInstruments
    /// See the alliance's phase history, stage gates and involvement coverage (internal).
    case viewLifecycle(UUID)
    /// Start, complete or cancel a phase change or transition.
    case changeLifecycle(UUID)
    /// Edit the involvement playbooks of every alliance type.
    case managePlaybooks
    /// Log, update and escalate the alliance's issues.
    case manageIssues(UUID)
    /// See the relationship map (counterpart pairs and their strength): internal.
    case viewRelationships(UUID)
    /// Add, edit and remove counterpart pairs and record contacts.
    case manageRelationships(UUID)
    case viewDirectory
    case editDirectory
    case manageUsers
}

/// Whether an item inside an alliance is shared with the partner or kept internal.
public enum Visibility: String, Labeled {
    case shared
    case `internal`

    public var label: String { self == .shared ? "Shared with partner" : "Internal only" }
}

/// The one place that decides access. Documented in docs/ACCESS.md and tested as a matrix.
public enum AccessPolicy {
    public enum Decision: Sendable, Equatable {
        case allow
        /// The user may not know the record exists: answer 404.
        case hidden
        /// The user may see the record but not do this: answer 403.
        case forbidden
    }

    public static func decide(_ p: Principal, _ permission: Permission) -> Decision {
        switch p.role {
        case .administrator:
            return .allow
        case .partner:
            return decidePartner(p, permission)
        case .executive, .allianceManager, .member:
            return decideInternal(p, permission)
        }
    }

    private static func decidePartner(_ p: Principal, _ permission: Permission) -> Decision {
        switch permission {
        case .viewPortfolio:
            return .allow
        case .viewAlliance(let id):
            return p.belongs(to: id) ? .allow : .hidden
        case .viewAllianceHistory(let id), .viewInternalNotes(let id), .editAlliance(let id), .deleteAlliance(let id),
            .manageTeam(let id), .runHealthChecks(let id), .manageGovernance(let id), .manageObligations(let id),
            .viewLifecycle(let id), .changeLifecycle(let id), .manageIssues(let id), .viewRelationships(let id),
            .manageRelationships(let id):
            return p.belongs(to: id) ? .forbidden : .hidden
        case .createAlliance, .viewDirectory, .editDirectory, .manageUsers, .manageInstruments, .viewHealthPortfolio,
            .managePlaybooks:
            return .forbidden
        }
    }

    private static func decideInternal(_ p: Principal, _ permission: Permission) -> Decision {
        let manages = p.role == .executive || p.role == .allianceManager
        switch permission {
        case .viewPortfolio, .viewAlliance, .viewAllianceHistory, .viewInternalNotes, .viewDirectory, .viewHealthPortfolio,
            .viewLifecycle, .viewRelationships:
            return .allow
        case .createAlliance, .editDirectory:
            return manages ? .allow : .forbidden
        case .editAlliance(let id), .manageTeam(let id), .runHealthChecks(let id), .manageGovernance(let id), .manageObligations(let id),
            .manageIssues(let id), .manageRelationships(let id):
            return p.belongs(to: id) ? .allow : .forbidden
        case .deleteAlliance(let id):
            return p.role == .allianceManager && p.belongs(to: id) ? .allow : .forbidden
        case .changeLifecycle(let id):
            return manages && p.belongs(to: id) ? .allow : .forbidden
        case .manageUsers, .manageInstruments, .managePlaybooks:
            return .forbidden
        }
    }

    public static func allows(_ p: Principal, _ permission: Permission) -> Bool {
        decide(p, permission) == .allow
    }

    /// Throws the error the web layer turns into 404 or 403.
    public static func require(_ p: Principal, _ permission: Permission) throws(DomainError) {
        switch decide(p, permission) {
        case .allow: return
        case .hidden: throw .notFound("No such record.")
        case .forbidden: throw .forbidden("Your role does not allow this.")
        }
    }

    /// Which alliances a list may show: all of them, or only the user's own.
    public static func allianceScope(_ p: Principal) -> AllianceScope {
        p.role == .partner ? .only(p.allianceIDs) : .all
    }

    /// The portfolio query as the principal may run it: partner users list only their alliances and may not sort
    /// by our internal strategic tier (the order would reveal it).
    public static func scoped(_ query: AllianceQuery, for p: Principal) throws(DomainError) -> AllianceQuery {
        var scoped = query
        scoped.scope = allianceScope(p)
        if !p.role.isInternal, query.sort == .tier {
            throw .invalid("sort", "Sort must be one of the columns you can see; the tier is internal.")
        }
        return scoped
    }

    /// Whether the principal sees our internal judgements on an alliance (strategic tier, internal notes).
    public static func seesInternalAssessment(_ p: Principal, _ allianceID: UUID) -> Bool {
        allows(p, .viewInternalNotes(allianceID))
    }

    /// Whether the principal sees shared items only (partner users): what scoped reads put into their SQL.
    public static func seesSharedOnly(_ p: Principal) -> Bool { !p.role.isInternal }

    /// Whether an item with this visibility may be shown to the user.
    public static func canSee(_ visibility: Visibility, _ p: Principal) -> Bool {
        visibility == .shared || !seesSharedOnly(p)
    }
}

public enum AllianceScope: Sendable, Equatable {
    case all
    case only(Set<UUID>)
}

extension Principal {
    /// The items this principal may see: every one for internal users, the shared ones for partner users.
    public func visible<T>(_ items: [T], _ visibility: (T) -> Visibility) -> [T] {
        AccessPolicy.seesSharedOnly(self) ? items.filter { AccessPolicy.canSee(visibility($0), self) } : items
    }
}
