import AccordCore
import Foundation
import SQLKit

/// The issue log. Every change is audited in its transaction; escalation, resolution and reopening lock the row.
public struct SQLIssueRepository: IssueRepository {
    let database: AccordDatabase

    public init(database: AccordDatabase) { self.database = database }

    static func decode(_ row: any SQLRow) throws -> Issue {
        let valid = IssueInput.Valid(
            title: try row.string("title"), details: try row.optionalString("details"), severity: try row.choice("severity"),
            ownerID: try row.uuid("owner_id"), visibility: try row.choice("visibility"))
        return Issue(
            id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), valid: valid,
            raisedOn: try row.localDate("raised_on") ?? LocalDate(dayNumber: 0),
            steps: try JSONDecoder().decode([IssueStep].self, from: Data(try row.string("steps").utf8)), status: try row.choice("status"),
            resolution: try row.optionalString("resolution"), resolvedOn: try row.localDate("resolved_on"), version: try row.int("version"),
            createdAt: try row.date("created_at"))
    }

    public func issues(allianceID: UUID) async throws -> [Issue] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM issues WHERE alliance_id = \(bind: allianceID.canonicalText)
                ORDER BY CASE status WHEN 'open' THEN 0 ELSE 1 END, raised_on DESC, created_at DESC, id
                """
            ).all().map(Self.decode)
        }
    }

    public func issue(id: UUID) async throws -> Issue? {
        try await database.read { db in
            try await db.raw("SELECT * FROM issues WHERE id = \(bind: id.canonicalText)").first().map(Self.decode)
        }
    }

    public func openIssueClocks(allianceIDs: [UUID]?, sharedOnly: Bool) async throws -> [IssueClock] {
        if let ids = allianceIDs, ids.isEmpty { return [] }
        var query: SQLQueryString = "SELECT id, alliance_id, level, level_since, raised_on FROM issues WHERE status = 'open'"
        if sharedOnly { query = query + " AND visibility = \(bind: Visibility.shared.rawValue)" }
        query = query + SQLGovernanceRepository.allianceFilter(allianceIDs, where: false) + " ORDER BY raised_on, id"
        return try await database.read { [query] db in
            try await db.raw(query).all().map { row in
                guard let since = try row.localDate("level_since"), let raised = try row.localDate("raised_on") else {
                    throw StoreError.unexpected("open issue without its dates")
                }
                return IssueClock(
                    id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), level: try row.choice("level"), since: since,
                    raisedOn: raised)
            }
        }
    }

    public func issues(ids: [UUID]) async throws -> [Issue] {
        guard !ids.isEmpty else { return [] }
        var result: [Issue] = []
        let unique = Array(Set(ids)).map(\.canonicalText)
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = Array(unique[start..<min(start + 500, unique.count)])
            result += try await database.read { db in
                try await db.raw("SELECT * FROM issues WHERE id IN \(bindList(chunk))").all().map(Self.decode)
            }
        }
        return result
    }

    public func create(allianceID: UUID, _ valid: IssueInput.Valid, raisedOn: LocalDate, by actor: AuditActor) async throws -> Issue {
        try await database.write(by: actor) { tx in
            try await Self.checkOwner(valid.ownerID, allianceID: allianceID, in: tx.db)
            let issue = Issue(
                id: tx.newID(), allianceID: allianceID, valid: valid, raisedOn: raisedOn,
                steps: [IssueStep(level: .workingTeam, since: raisedOn, by: tx.actor.name)], createdAt: tx.now)
            try await tx.db.raw(
                """
                INSERT INTO issues (id, alliance_id, title, details, severity, owner_id, status, visibility, raised_on, level, level_since,
                    steps, version, created_at, updated_at)
                VALUES (\(bind: issue.id.canonicalText), \(bind: allianceID.canonicalText), \(bind: issue.title), \(bind: issue.details),
                    \(bind: issue.severity.rawValue), \(bind: issue.ownerID.canonicalText), \(bind: issue.status.rawValue),
                    \(bind: issue.visibility.rawValue), \(bind: raisedOn.description), \(bind: issue.level.rawValue),
                    \(bind: issue.clock.since.description), \(bind: AuditChange.snapshot(issue.steps)), \(bind: 1), \(bind: Timestamp.format(tx.now)), \(bind: Timestamp.format(tx.now)))
                """
            ).run()
            try await tx.record("issue", issue.id, alliance: allianceID, .create, before: nil, after: issue)
            return issue
        }
    }

    /// The owner must still be on the team when the write happens.
    static func checkOwner(_ owner: UUID, allianceID: UUID, in db: any SQLDatabase) async throws {
        let row = try await db.raw(
            "SELECT id FROM memberships WHERE alliance_id = \(bind: allianceID.canonicalText) AND person_id = \(bind: owner.canonicalText)"
        ).first()
        if row == nil { throw DomainError.invalid("ownerID", "The owner must be on the alliance's team.") }
    }

    public func update(_ id: UUID, _ valid: IssueInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> Issue {
        try await change(id, by: actor, expectedVersion: expectedVersion) { before, db in
            try await Self.checkOwner(valid.ownerID, allianceID: before.allianceID, in: db)
            var after = before
            after.apply(valid)
            return after
        }
    }

    public func move(_ id: UUID, by actor: AuditActor, _ change: @Sendable (Issue) throws -> Issue) async throws -> Issue {
        try await self.change(id, by: actor, expectedVersion: nil) { before, _ in try change(before) }
    }

    func change(
        _ id: UUID, by actor: AuditActor, expectedVersion: Int?, _ body: (Issue, any SQLDatabase) async throws -> Issue
    ) async throws -> Issue {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate(
                "issues", id: id, expected: expectedVersion, entity: "issue", missing: "No such issue."
            ) { _ in
                try await tx.rowForUpdate("issues", id: id).map(Self.decode)
            }
            var after = try await body(before, tx.db)
            after.version = before.version + 1
            try await tx.db.raw(
                """
                UPDATE issues SET title = \(bind: after.title), details = \(bind: after.details), severity = \(bind: after.severity.rawValue),
                    owner_id = \(bind: after.ownerID.canonicalText), status = \(bind: after.status.rawValue),
                    visibility = \(bind: after.visibility.rawValue), level = \(bind: after.level.rawValue),
                    level_since = \(bind: after.clock.since.description),
                    steps = \(bind: AuditChange.snapshot(after.steps)), resolution = \(bind: after.resolution),
                    resolved_on = \(bind: after.resolvedOn?.description), version = \(bind: after.version),
                    updated_at = \(bind: Timestamp.format(tx.now))
                WHERE id = \(bind: id.canonicalText)
                """
            ).run()
            try await tx.record("issue", id, alliance: before.allianceID, .update, before: before, after: after)
            return after
        }
    }
}
