import AccordCore
import Foundation
import Testing

/// The policy as a matrix: every role, every permission, member and non-member.
@Suite struct AccessPolicyTests {
    static let alliance = UUID()

    static func principal(_ role: Role, member: Bool) -> Principal {
        Principal(userID: UUID(), role: role, personID: UUID(), allianceIDs: member ? [alliance] : [])
    }

    typealias D = AccessPolicy.Decision

    /// Expected decisions: [role: (member, non-member)] per permission.
    static let matrix: [(String, Permission, [Role: (D, D)])] = [
        (
            "view portfolio", .viewPortfolio,
            [
                .administrator: (.allow, .allow), .executive: (.allow, .allow), .allianceManager: (.allow, .allow),
                .member: (.allow, .allow), .partner: (.allow, .allow),
            ]
        ),
        (
            "view alliance", .viewAlliance(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .allow), .allianceManager: (.allow, .allow),
                .member: (.allow, .allow), .partner: (.allow, .hidden),
            ]
        ),
        (
            "view history", .viewAllianceHistory(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .allow), .allianceManager: (.allow, .allow),
                .member: (.allow, .allow), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "view internal notes", .viewInternalNotes(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .allow), .allianceManager: (.allow, .allow),
                .member: (.allow, .allow), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "create alliance", .createAlliance,
            [
                .administrator: (.allow, .allow), .executive: (.allow, .allow), .allianceManager: (.allow, .allow),
                .member: (.forbidden, .forbidden), .partner: (.forbidden, .forbidden),
            ]
        ),
        (
            "edit alliance", .editAlliance(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .forbidden), .allianceManager: (.allow, .forbidden),
                .member: (.allow, .forbidden), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "delete alliance", .deleteAlliance(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.forbidden, .forbidden), .allianceManager: (.allow, .forbidden),
                .member: (.forbidden, .forbidden), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "manage team", .manageTeam(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .forbidden), .allianceManager: (.allow, .forbidden),
                .member: (.allow, .forbidden), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "view lifecycle", .viewLifecycle(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .allow), .allianceManager: (.allow, .allow),
                .member: (.allow, .allow), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "change lifecycle", .changeLifecycle(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .forbidden), .allianceManager: (.allow, .forbidden),
                .member: (.forbidden, .forbidden), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "manage playbooks", .managePlaybooks,
            [
                .administrator: (.allow, .allow), .executive: (.forbidden, .forbidden), .allianceManager: (.forbidden, .forbidden),
                .member: (.forbidden, .forbidden), .partner: (.forbidden, .forbidden),
            ]
        ),
        (
            "manage issues", .manageIssues(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .forbidden), .allianceManager: (.allow, .forbidden),
                .member: (.allow, .forbidden), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "view relationships", .viewRelationships(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .allow), .allianceManager: (.allow, .allow),
                .member: (.allow, .allow), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "manage relationships", .manageRelationships(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .forbidden), .allianceManager: (.allow, .forbidden),
                .member: (.allow, .forbidden), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "run health checks", .runHealthChecks(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .forbidden), .allianceManager: (.allow, .forbidden),
                .member: (.allow, .forbidden), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "manage governance", .manageGovernance(alliance),
            [
                .administrator: (.allow, .allow), .executive: (.allow, .forbidden), .allianceManager: (.allow, .forbidden),
                .member: (.allow, .forbidden), .partner: (.forbidden, .hidden),
            ]
        ),
        (
            "health heat map", .viewHealthPortfolio,
            [
                .administrator: (.allow, .allow), .executive: (.allow, .allow), .allianceManager: (.allow, .allow),
                .member: (.allow, .allow), .partner: (.forbidden, .forbidden),
            ]
        ),
        (
            "manage instruments", .manageInstruments,
            [
                .administrator: (.allow, .allow), .executive: (.forbidden, .forbidden), .allianceManager: (.forbidden, .forbidden),
                .member: (.forbidden, .forbidden), .partner: (.forbidden, .forbidden),
            ]
        ),
        (
            "view directory", .viewDirectory,
            [
                .administrator: (.allow, .allow), .executive: (.allow, .allow), .allianceManager: (.allow, .allow),
                .member: (.allow, .allow), .partner: (.forbidden, .forbidden),
            ]
        ),
        (
            "edit directory", .editDirectory,
            [
                .administrator: (.allow, .allow), .executive: (.allow, .allow), .allianceManager: (.allow, .allow),
                .member: (.forbidden, .forbidden), .partner: (.forbidden, .forbidden),
            ]
        ),
        (
            "manage users", .manageUsers,
            [
                .administrator: (.allow, .allow), .executive: (.forbidden, .forbidden), .allianceManager: (.forbidden, .forbidden),
                .member: (.forbidden, .forbidden), .partner: (.forbidden, .forbidden),
            ]
        ),
    ]

    @Test(arguments: Role.allCases)
    func everyPermissionForRole(_ role: Role) {
        for (name, permission, expected) in Self.matrix {
            let (asMember, asOutsider) = expected[role]!
            #expect(AccessPolicy.decide(Self.principal(role, member: true), permission) == asMember, "\(role) member: \(name)")
            #expect(AccessPolicy.decide(Self.principal(role, member: false), permission) == asOutsider, "\(role) non-member: \(name)")
        }
    }

    @Test func partnersListOnlyTheirAlliances() {
        #expect(AccessPolicy.allianceScope(Self.principal(.partner, member: true)) == .only([Self.alliance]))
        #expect(AccessPolicy.allianceScope(Self.principal(.member, member: false)) == .all)
    }

    @Test func partnersSeeOnlySharedItems() {
        #expect(AccessPolicy.canSee(.shared, Self.principal(.partner, member: true)))
        #expect(!AccessPolicy.canSee(.internal, Self.principal(.partner, member: true)))
        #expect(AccessPolicy.canSee(.internal, Self.principal(.member, member: false)))
    }

    @Test func requireMapsHiddenToNotFoundAndForbiddenToForbidden() {
        #expect(throws: DomainError.notFound("No such record.")) {
            try AccessPolicy.require(Self.principal(.partner, member: false), .viewAlliance(Self.alliance))
        }
        #expect(throws: DomainError.forbidden("Your role does not allow this.")) {
            try AccessPolicy.require(Self.principal(.member, member: false), .editAlliance(Self.alliance))
        }
    }
}
