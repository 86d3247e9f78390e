import AccordCore
import Foundation
import SQLKit

extension SQLGovernanceRepository {
    static func decodeDecision(_ row: any SQLRow) throws -> Decision {
        let escalation = try row.optionalString("escalation").map {
            try JSONDecoder().decode(EscalationState.self, from: Data($0.utf8))
        }
        return Decision(
            id: try row.uuid("id"), bodyID: try row.uuid("body_id"), allianceID: try row.uuid("alliance_id"),
            meetingID: try row.optionalUUID("meeting_id"), title: try row.string("title"), details: try row.optionalString("details"),
            status: try row.choice("status"), escalation: escalation, supersededBy: try row.optionalUUID("superseded_by"),
            version: try row.int("version"), createdAt: try row.date("created_at"))
    }

    public func decisions(bodyIDs: [UUID]) async throws -> [Decision] {
        guard !bodyIDs.isEmpty else { return [] }
        return try await database.read { db in
            try await db.raw(
                "SELECT * FROM decisions WHERE body_id IN \(bindList(bodyIDs.map(\.canonicalText))) ORDER BY created_at DESC, id"
            ).all().map(Self.decodeDecision)
        }
    }

    public func overdueEscalations(allianceIDs: [UUID]?, on day: LocalDate, sharedOnly: Bool, limit: Int?) async throws -> Page<Decision> {
        if allianceIDs?.isEmpty == true { return Page(items: [], total: 0, page: 1, perPage: limit ?? 1) }
        var from = SQLQueryString(
            """
            FROM decisions d\(unsafeRaw: sharedOnly ? " JOIN governance_bodies b ON b.id = d.body_id AND b.visibility = 'shared'" : "")
            WHERE d.status = \(bind: DecisionStatus.escalated.rawValue) AND d.escalation_deadline < \(bind: day.description)
            """)
        from = from + Self.allianceFilter(allianceIDs, where: false, column: "d.alliance_id")
        return try await database.read { [from] db in
            try await Self.first(
                limit, select: "d.*", from, order: "d.escalation_deadline, d.created_at, d.id", in: db, Self.decodeDecision)
        }
    }

    public func decision(id: UUID) async throws -> Decision? {
        try await database.read { db in
            try await db.raw("SELECT * FROM decisions WHERE id = \(bind: id.canonicalText)").first().map(Self.decodeDecision)
        }
    }

    public func proposeDecision(
        _ body: GovernanceBody, title: String, details: String?, proposedAt: Date?, by actor: AuditActor
    ) async throws -> Decision {
        try await database.write(by: actor) { tx in
            let proposed = min(proposedAt ?? tx.now, tx.now)
            let decision = Decision(
                id: tx.newID(), bodyID: body.id, allianceID: body.allianceID, meetingID: nil, title: title, details: details,
                status: .proposed,
                escalation: nil, supersededBy: nil, version: 1, createdAt: proposed)
            try await tx.db.raw(
                """
                INSERT INTO decisions (id, body_id, alliance_id, meeting_id, title, details, status, escalation, superseded_by, version,
                    created_at, updated_at)
                VALUES (\(bind: decision.id.canonicalText), \(bind: body.id.canonicalText), \(bind: body.allianceID.canonicalText),
                    \(bind: nil as String?), \(bind: title), \(bind: details), \(bind: DecisionStatus.proposed.rawValue),
                    \(bind: nil as String?), \(bind: nil as String?), \(bind: 1), \(bind: Timestamp.format(proposed)),
                    \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("decision", decision.id, alliance: body.allianceID, .create, before: nil, after: decision)
            return decision
        }
    }

    public func votes(decisionID: UUID) async throws -> [CastVote] {
        try await database.read { db in
            try await db.raw("SELECT * FROM decision_votes WHERE decision_id = \(bind: decisionID.canonicalText) ORDER BY side, person_id")
                .all().map { row in
                    CastVote(personID: try row.uuid("person_id"), side: try row.choice("side"), vote: try row.choice("vote"))
                }
        }
    }

    /// Reads the decision (locked on PostgreSQL) and its body inside a write.
    static func lockedDecision(_ id: UUID, in tx: AuditedTransaction) async throws -> (Decision, GovernanceBody) {
        guard
            let decision = try await tx.rowForUpdate("decisions", id: id).map(decodeDecision),
            let body = try await tx.db.raw("SELECT * FROM governance_bodies WHERE id = \(bind: decision.bodyID.canonicalText)").first().map(
                decodeBody)
        else { throw DomainError.notFound("No such decision.") }
        return (decision, body)
    }

    static func save(_ before: Decision, _ after: Decision, in tx: AuditedTransaction) async throws -> Decision {
        var next = after
        next.version = before.version + 1
        try await tx.db.raw(
            """
            UPDATE decisions SET status = \(bind: next.status.rawValue), meeting_id = \(bind: next.meetingID?.canonicalText),
                escalation = \(bind: next.escalation.map { AuditChange.snapshot($0) }),
                escalation_deadline = \(bind: next.escalation?.deadline.description), superseded_by = \(bind: next.supersededBy?.canonicalText),
                version = \(bind: next.version), updated_at = \(bind: Timestamp.format(tx.now))
            WHERE id = \(bind: before.id.canonicalText)
            """
        ).run()
        try await tx.record("decision", before.id, alliance: before.allianceID, .update, before: before, after: next)
        return next
    }

    public func recordVotes(_ decisionID: UUID, meetingID: UUID, votes: [UUID: Vote], today: LocalDate, by actor: AuditActor) async throws
        -> Decision
    {
        try await database.write(by: actor) { tx in
            let (decision, body) = try await Self.lockedDecision(decisionID, in: tx)
            guard
                let meeting = try await tx.db.raw("SELECT * FROM meetings WHERE id = \(bind: meetingID.canonicalText)").first().map(
                    Self.decodeMeeting), meeting.bodyID == body.id
            else { throw DomainError.invalid("meetingID", "Votes are recorded at a meeting of \(body.name).") }
            try meeting.requireHeld(on: today, field: "meetingID", what: "Votes")
            try DecisionFlow.requireVotingMeeting(meeting, for: decision)
            let members = try await tx.db.raw("SELECT * FROM body_members WHERE body_id = \(bind: body.id.canonicalText)").all()
                .map(Self.decodeMember).filter(\.role.isVoting)
            var present: Set<UUID> = []
            for row in try await tx.db.raw("SELECT person_id FROM meeting_attendance WHERE meeting_id = \(bind: meetingID.canonicalText)")
                .all()
            {
                present.insert(try row.uuid("person_id"))
            }
            var cast: [CastVote] = []
            for (person, vote) in votes.sorted(by: { $0.key.canonicalText < $1.key.canonicalText }) {
                guard let member = members.first(where: { $0.personID == person }) else {
                    throw DomainError.invalid("votes", "Only voting members of \(body.name) can vote.")
                }
                guard present.contains(person) else {
                    throw DomainError.invalid("votes", "Only members who attended the meeting can vote; record attendance first.")
                }
                cast.append(CastVote(personID: person, side: member.side, vote: vote))
            }
            let quorate = DecisionRules.quorum(body.charter, attending: members.filter { present.contains($0.personID) }.map(\.side))
            var next = try DecisionFlow.afterVotes(decision, charter: body.charter, votes: cast, quorate: quorate, today: today)
            next.meetingID = meetingID
            try await tx.db.raw("DELETE FROM decision_votes WHERE decision_id = \(bind: decisionID.canonicalText)").run()
            for vote in cast {
                try await tx.db.raw(
                    """
                    INSERT INTO decision_votes (decision_id, person_id, side, vote)
                    VALUES (\(bind: decisionID.canonicalText), \(bind: vote.personID.canonicalText), \(bind: vote.side.rawValue),
                        \(bind: vote.vote.rawValue))
                    """
                ).run()
            }
            return try await Self.save(decision, next, in: tx)
        }
    }

    public func moveDecision(_ decisionID: UUID, to status: DecisionStatus, today: LocalDate, by actor: AuditActor) async throws -> Decision
    {
        try await database.write(by: actor) { tx in
            let (decision, body) = try await Self.lockedDecision(decisionID, in: tx)
            let next =
                status == .escalated
                ? try DecisionFlow.escalate(decision, charter: body.charter, today: today) : try DecisionFlow.close(decision, as: status)
            return try await Self.save(decision, next, in: tx)
        }
    }

    public func supersede(_ decisionID: UUID, by successorID: UUID, actor: AuditActor) async throws -> Decision {
        try await database.write(by: actor) { tx in
            let (decision, _) = try await Self.lockedDecision(decisionID, in: tx)
            guard [.approved, .rejected, .resolved].contains(decision.status) else {
                throw DomainError.conflict("Only an approved, rejected or resolved decision can be superseded.")
            }
            guard successorID != decisionID,
                let successor = try await tx.db.raw("SELECT * FROM decisions WHERE id = \(bind: successorID.canonicalText)").first().map(
                    Self.decodeDecision), successor.bodyID == decision.bodyID
            else { throw DomainError.invalid("successorID", "The successor must be another decision of the same body.") }
            var next = decision
            next.status = .superseded
            next.supersededBy = successor.id
            return try await Self.save(decision, next, in: tx)
        }
    }
}
