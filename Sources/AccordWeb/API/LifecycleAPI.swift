import AccordCore
import Foundation
import Hummingbird

/// /api/v1 lifecycle: coverage against the playbook, the pending change with its proposals, the phase history;
/// starting, completing and cancelling a change; reading and replacing playbooks.
struct LifecycleAPI {
    let lifecycle: LifecycleService

    func state(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        let state = try await lifecycle.lifecycleState(alliance, user)
        return try APIResponse.json(APIModels.LifecycleModel(alliance, state))
    }

    func propose(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        try AccessPolicy.require(user.principal, .changeLifecycle(alliance.id))
        var json = try await JSONBody.read(request, context: context, body: Self.lifecycleChangeCreate)
        let input = LifecycleChangeInput(
            toPhase: json.string("toPhase"), toTransition: json.string("toTransition"), effectiveOn: json.string("effectiveOn"),
            reason: json.string("reason"))
        try json.check()
        let change = try await lifecycle.proposeLifecycleChange(input, in: alliance, by: user)
        return try APIResponse.json(APIModels.LifecycleChangeModel(change), status: .created, etag: change.version)
    }

    func complete(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        try AccessPolicy.require(user.principal, .changeLifecycle(alliance.id))
        let change = try await lifecycle.lifecycleChange(try context.apiID("changeId"), of: alliance)
        var json = try await JSONBody.read(request, context: context, body: Self.lifecycleCompletion)
        let done = json.optionalDecode("done", as: [Int].self, description: "a list of checklist indexes") ?? []
        let waivers = json.optionalDecode("waivers", as: [String: String].self, description: "an object of index to reason") ?? [:]
        let accepted = json.strings("accepted") ?? []
        var keyed: [Int: String] = [:]
        var bad: [FieldError] = []
        for (key, reason) in waivers {
            if let i = Int(key) {
                keyed[i] = reason
            } else {
                bad.append(FieldError(field: "waivers.\(key)", message: "Waiver keys are checklist indexes, such as \"0\"."))
            }
        }
        try json.check(adding: bad)
        let input = CompletionInput(done: Set(done), waivers: keyed, accepted: Set(accepted))
        let completed = try await lifecycle.completeLifecycleChange(change, input, in: alliance, by: user)
        return try APIResponse.json(APIModels.LifecycleChangeModel(completed), etag: completed.version)
    }

    func cancel(_ request: Request, _ context: AppContext) async throws -> Response {
        let (user, alliance) = try await allowed(context)
        try AccessPolicy.require(user.principal, .changeLifecycle(alliance.id))
        let change = try await lifecycle.lifecycleChange(try context.apiID("changeId"), of: alliance)
        let cancelled = try await lifecycle.cancelLifecycleChange(change, in: alliance, by: user)
        return try APIResponse.json(APIModels.LifecycleChangeModel(cancelled), etag: cancelled.version)
    }

    func playbooks(_ request: Request, _ context: AppContext) async throws -> Response {
        try AccessPolicy.require(try context.requireUser().principal, .viewDirectory)
        return try APIResponse.whole(try await lifecycle.allPlaybooks().map(APIModels.PlaybookModel.init))
    }

    func playbook(_ request: Request, _ context: AppContext) async throws -> Response {
        try AccessPolicy.require(try context.requireUser().principal, .viewDirectory)
        let playbook = try await lifecycle.playbook(try PlaybooksController.type(context))
        return try APIResponse.json(APIModels.PlaybookModel(playbook), etag: playbook.version)
    }

    func replacePlaybook(_ request: Request, _ context: AppContext) async throws -> Response {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .managePlaybooks)
        let type = try PlaybooksController.type(context)
        var json = try await JSONBody.read(request, context: context, body: Self.playbookReplace)
        let cells = json.decode("cells", as: [String: [String: String]].self, description: "an object of phase to {function: involvement}")
        let lists = json.optionalDecode("checklists", as: [String: [String]].self, description: "an object of gate to a list of items")
        let limits = json.optionalDecode("limits", as: [String: Int].self, description: "an object of escalation level to days")
        let version = json.integer("version", required: true)
        try json.check()
        var input = PlaybookInput()
        for (level, days) in limits ?? [:] { input.limits[level] = String(days) }
        for (phase, row) in cells ?? [:] { for (function, value) in row { input.cells["\(phase).\(function)"] = value } }
        for (gate, items) in lists ?? [:] { input.checklists[gate] = items.joined(separator: "\n") }
        let saved = try await lifecycle.savePlaybook(type, input, expectedVersion: version, by: user)
        return try APIResponse.json(APIModels.PlaybookModel(saved), etag: saved.version)
    }

    func allowed(_ context: AppContext) async throws -> (SignedIn, Alliance) {
        let user = try context.requireUser()
        return (user, try await lifecycle.access.visibleAlliance(context.apiID("id"), user))
    }
}

extension APIModels {
    struct ChecklistItemModel: Encodable, APIShaped {
        static let fieldNotes: [String: APIFieldNote] = ["gate": .schema(.ref("LifecycleGate"))]
        let gate: String
        let text: String
        let done: Bool
        @Null var waiver: String?

        init(_ item: ChecklistItem) {
            (gate, text, done) = (item.gate, item.text, item.done)
            waiver = item.waiver
        }
    }

    struct LifecycleChangeModel: Encodable, APIShaped {
        static let schemaName: String? = "LifecycleChange"
        let id: UUID
        let allianceId: UUID
        let fromPhase: LifecyclePhase
        let toPhase: LifecyclePhase
        @Null var fromTransition: LifecycleTransition?
        @Null var toTransition: LifecycleTransition?
        let effectiveOn: LocalDate
        let reason: String
        let status: LifecycleChangeStatus
        let checklist: [ChecklistItemModel]
        let proposedBy: String
        @Null var decidedBy: String?
        @Null var decidedAt: Date?
        let version: Int
        let createdAt: Date

        init(_ c: LifecycleChange) {
            (id, allianceId, fromPhase, toPhase) = (c.id, c.allianceID, c.fromPhase, c.toPhase)
            (fromTransition, toTransition) = (c.fromTransition, c.toTransition)
            (effectiveOn, reason, status) = (c.effectiveOn, c.reason, c.status)
            checklist = c.checklist.map(ChecklistItemModel.init)
            (proposedBy, decidedBy, decidedAt) = (c.proposedBy, c.decidedBy, c.decidedAt)
            (version, createdAt) = (c.version, c.createdAt)
        }
    }

    struct CoverageModel: Encodable, APIShaped {
        let function: BusinessFunction
        @Null var involvement: Involvement?
        let ours: [UUID]
        let partner: [UUID]
        let gapOurs: Bool
        let gapPartner: Bool

        init(_ row: Coverage.Row) {
            function = row.function
            involvement = row.involvement
            (ours, partner) = (row.ours.map(\.id), row.partner.map(\.id))
            (gapOurs, gapPartner) = (row.isGap(.ours), row.isGap(.partner))
        }
    }

    struct ProposalModel: Encodable, APIShaped {
        let key: String
        let action: ProposalAction
        let personId: UUID
        let personName: String
        let side: Side
        let function: BusinessFunction
        @Null var bodyId: UUID?
        let needsTeamJoin: Bool
        let reason: String

        init(_ p: TeamProposal) {
            (key, action, personId, personName, side, function) = (
                p.key, p.action, p.personID, p.personName, p.side, p.function
            )
            (bodyId, needsTeamJoin, reason) = (p.bodyID, p.needsTeamJoin, p.reason)
        }
    }

    struct LifecycleModel: Encodable, APIShaped {
        static let schemaName: String? = "Lifecycle"
        let phase: LifecyclePhase
        @Null var transition: LifecycleTransition?
        let playbookVersion: Int
        let coverage: [CoverageModel]
        @Null var pending: LifecycleChangeModel?
        let proposals: [ProposalModel]
        let history: [LifecycleChangeModel]

        init(_ alliance: AccordCore.Alliance, _ state: LifecycleService.LifecycleState) {
            (phase, transition, playbookVersion) = (alliance.phase, alliance.transition, state.playbook.version)
            coverage = state.coverage.rows.map(CoverageModel.init)
            pending = state.pending.map(LifecycleChangeModel.init)
            proposals = state.proposals.map(ProposalModel.init)
            history = state.history.map(LifecycleChangeModel.init)
        }
    }

    struct PlaybookModel: Encodable, APIShaped {
        static let schemaName: String? = "Playbook"
        static let fieldNotes: [String: APIFieldNote] = [
            "version": .about("0 while the shipped default is in force"),
            "cells": .schema(LifecycleAPI.cells), "checklists": .schema(LifecycleAPI.checklists),
            "limits": .schema(LifecycleAPI.limits),
        ]
        let type: AllianceType
        let version: Int
        let isDefault: Bool
        let cells: [String: [String: String]]
        let checklists: [String: [String]]
        let limits: [String: Int]

        init(_ p: Playbook) {
            let document = PlaybookDocument(p)
            (type, version, isDefault, cells, checklists) = (p.type, p.version, p.isDefault, document.cells, document.checklists)
            limits = document.limits
        }
    }
}

/// The request bodies of its operations.
extension LifecycleAPI {
    static let lifecycleChangeCreate = APIBody(
        "LifecycleChangeCreate",
        [
            .required("toPhase", .code(LifecyclePhase.self)),
            .optional("toTransition", .code(LifecycleTransition.self).nullable),
            .required("effectiveOn", .date),
            .required("reason", .text(max: 2_000)),
        ])
    static let lifecycleCompletion = APIBody(
        "LifecycleCompletion",
        [
            .optional("done", APISchema.array(of: .integer.with("minimum", 0)).described("Indexes of the checklist items done")),
            .optional(
                "waivers",
                APISchema(["type": "object", "additionalProperties": APISchema.text(max: 500).json]).described(
                    "Checklist index (as a string) -> the reason the item is waived")),
            .optional("accepted", APISchema.array(of: .string).described("Keys of the proposals to apply")),
        ])
    static let playbookReplace = APIBody(
        "PlaybookReplace",
        [
            .required("cells", cells), .optional("checklists", checklists), .optional("limits", limits),
            .required("version", .integer),
        ])

    /// A playbook's parts, as it is read and as it is written.
    static let cells = APISchema([
        "type": "object",
        "additionalProperties": APISchema(["type": "object", "additionalProperties": APISchema.code(Involvement.self).json]).json,
    ]).described("phase -> function -> involvement; a function left out has no part in that phase")
    static let checklists = APISchema([
        "type": "object", "additionalProperties": APISchema.array(of: .text(max: 200)).with("maxItems", 20).json,
    ]).described("gate (phase entered or transition started) -> checklist items")
    static let limits = APISchema.object(EscalationLevel.allCases.map { ($0.rawValue, .integer(min: 1, max: 365)) })
        .described("Days an open issue may stay at each escalation level")
}
