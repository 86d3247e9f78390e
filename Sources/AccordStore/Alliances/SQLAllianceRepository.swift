import AccordCore
import Foundation
import SQLKit

public struct SQLAllianceRepository: AllianceRepository {
    let database: AccordDatabase
    /// The portfolio's totals per filter, kept while nothing changes (see `CountCache`).
    private let totals = CountCache()

    public init(database: AccordDatabase) { self.database = database }

    public func list(_ query: AllianceQuery) async throws -> Page<AllianceSummary> {
        var filter = SQLQueryString("WHERE 1 = 1")
        /// The same filter for the page's rows, where the few-valued columns (type, status, phase) are compared as
        /// `(column || '')`, which no index serves: a third of the portfolio shares a phase, so walking the sort
        /// column's index and skipping the others finds a page sooner than reading every alliance of the phase and
        /// sorting them (SQLite's planner prefers the equality's index, even with ANALYZE).
        var rowFilter = SQLQueryString("WHERE 1 = 1")
        /// The filter's columns and values, naming it in the totals kept.
        var key = ""
        func add(_ column: String, _ value: String?, fewValues: Bool = false) {
            guard let value else { return }
            filter.appendInterpolation(unsafeRaw: " AND \(column) = ")
            filter.appendInterpolation(bind: value)
            rowFilter.appendInterpolation(unsafeRaw: fewValues ? " AND (\(column) || '') = " : " AND \(column) = ")
            rowFilter.appendInterpolation(bind: value)
            key += "\u{1}\(column)=\(value)"
        }
        add("a.type", query.type?.rawValue, fewValues: true)
        add("a.status", query.status?.rawValue, fewValues: true)
        add("a.phase", query.phase?.rawValue, fewValues: true)
        add("a.partner_id", query.partnerID?.canonicalText)
        add("a.our_manager_id", query.managerID?.canonicalText)
        func raw(_ text: String) {
            filter.appendInterpolation(unsafeRaw: text)
            rowFilter.appendInterpolation(unsafeRaw: text)
        }
        func bind(_ value: String) {
            filter.appendInterpolation(bind: value)
            rowFilter.appendInterpolation(bind: value)
        }
        if let text = query.text, !text.isEmpty {
            let pattern = "%" + text.lowercased() + "%"
            raw(" AND (lower(a.name) LIKE ")
            bind(pattern)
            raw(" OR lower(o.name) LIKE ")
            bind(pattern)
            raw(" OR lower(COALESCE(a.products, '')) LIKE ")
            bind(pattern)
            raw(")")
            key += "\u{1}text=\(pattern)"
        }
        if case .only(let ids) = query.scope {
            if ids.isEmpty { return Page(items: [], total: 0, page: query.page, perPage: query.perPage) }
            raw(" AND a.id IN (")
            for (i, id) in ids.sorted(by: { $0.canonicalText < $1.canonicalText }).enumerated() {
                if i > 0 { raw(", ") }
                bind(id.canonicalText)
                key += "\u{1}id=\(id.canonicalText)"
            }
            raw(")")
        }
        // Ties go by id in the sort's direction, so an index on (column, id) serves both directions without sorting.
        let direction = query.descending ? "DESC" : "ASC"
        let order = "\(AllianceRows.sortExpression(query.sort)) \(direction), a.id \(direction)"
        // Sorted by one of its own columns, the list walks that column's index (M0010, M0031) and stops after the page:
        // `CROSS JOIN` keeps alliances the outer loop (SQLite's planner otherwise starts from the organisations and
        // sorts every alliance); sorted by partner name, the organisations lead.
        let from =
            query.sort == .partner
            ? "FROM alliances a JOIN organizations o ON o.id = a.partner_id LEFT JOIN people m ON m.id = a.our_manager_id"
            : "FROM alliances a CROSS JOIN organizations o LEFT JOIN people m ON m.id = a.our_manager_id"
        let joined = query.sort == .partner ? "" : " AND o.id = a.partner_id"
        return try await database.read { [filter, rowFilter, key] db in
            // Every alliance has exactly one partner, so the count needs the join only to search partner names.
            let countFrom = query.text == nil ? "FROM alliances a" : "FROM alliances a JOIN organizations o ON o.id = a.partner_id"
            let total = try await totals.total(db, key: key) {
                try await db.raw("SELECT COUNT(*) AS n \(unsafeRaw: countFrom) \(filter)").first()?.int("n") ?? 0
            }
            let rows = try await db.raw(
                """
                SELECT a.*, o.name AS partner_name, m.name AS manager_name \(unsafeRaw: from) \(rowFilter)\(unsafeRaw: joined)
                ORDER BY \(unsafeRaw: order) LIMIT \(bind: query.perPage) OFFSET \(bind: (query.page - 1) * query.perPage)
                """
            ).all()
            let items = try rows.map { row in
                AllianceSummary(
                    alliance: try AllianceRows.decode(row), partnerName: try row.string("partner_name"),
                    managerName: try row.optionalString("manager_name"))
            }
            return Page(items: items, total: total, page: query.page, perPage: query.perPage)
        }
    }

    public func managerChoices(matching text: String?, limit: Int?) async throws -> [NamedID] {
        // The distinct managers first (one walk of the manager index), then their names: a third of the cost of
        // `people WHERE id IN (SELECT our_manager_id ...)` at 10,000 alliances (bench/profile portfolio).
        try await database.read { db in
            try await db.raw(
                """
                SELECT p.id, p.name FROM (SELECT DISTINCT our_manager_id AS id FROM alliances WHERE our_manager_id IS NOT NULL) d
                JOIN people p ON p.id = d.id WHERE 1 = 1\(NameMatch.clause("p.name", text))
                ORDER BY lower(p.name), p.id\(NameMatch.limit(limit))
                """
            ).all().map { NamedID(id: try $0.uuid("id"), name: try $0.string("name")) }
        }
    }

    public func managerCount(upTo limit: Int) async throws -> Int {
        try await database.read { db in
            try await db.raw(
                """
                SELECT COUNT(*) AS n FROM (SELECT DISTINCT our_manager_id FROM alliances WHERE our_manager_id IS NOT NULL LIMIT \(bind: limit)) d
                """
            ).first()?.int("n") ?? 0
        }
    }

    public func find(_ id: UUID) async throws -> Alliance? {
        try await database.read { db in try await Self.find(id, in: db) }
    }

    public func names(ids: [UUID]) async throws -> [UUID: String] {
        try await database.names(table: "alliances", ids: ids)
    }

    public func types(ids: [UUID]) async throws -> [UUID: AllianceType] {
        var types: [UUID: AllianceType] = [:]
        for (id, raw) in try await database.column("type", of: "alliances", ids: ids) {
            guard let type = AllianceType(rawValue: raw) else { throw StoreError.unexpected("alliance type \(raw)") }
            types[id] = type
        }
        return types
    }

    public func find(ids: [UUID]) async throws -> [UUID: Alliance] {
        var result: [UUID: Alliance] = [:]
        let unique = Array(Set(ids))
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = unique[start..<min(start + 500, unique.count)].map(\.canonicalText)
            let rows = try await database.read { db in
                try await db.raw("SELECT * FROM alliances WHERE id IN \(bindList(chunk))").all().map(AllianceRows.decode)
            }
            for alliance in rows { result[alliance.id] = alliance }
        }
        return result
    }

    static func find(_ id: UUID, in db: any SQLDatabase) async throws -> Alliance? {
        try await db.raw("SELECT * FROM alliances WHERE id = \(bind: id.canonicalText)").first().map(AllianceRows.decode)
    }

    public func create(_ valid: AllianceInput.Valid, by actor: AuditActor) async throws -> Alliance {
        try await database.write(by: actor) { tx in
            try await Self.checkReferences(valid, in: tx.db)
            let alliance = Alliance(id: tx.newID(), valid: valid, createdAt: tx.now, updatedAt: tx.now)
            let columns = AllianceRows.columns(alliance) + [("id", alliance.id.canonicalText), ("created_at", Timestamp.format(tx.now))]
            try await tx.db.insert(into: "alliances").columns(columns.map(\.0)).values(columns.map { SQLBind($0.1) }).run()
            try await tx.record("alliance", alliance.id, alliance: alliance.id, .create, before: nil, after: alliance)
            try await Self.syncNamedMembers(alliance, in: tx)
            return alliance
        }
    }

    public func update(_ id: UUID, _ valid: AllianceInput.Valid, expectedVersion: Int?, by actor: AuditActor) async throws -> Alliance {
        try await database.write(by: actor) { tx in
            let before = try await tx.lockedForUpdate(
                "alliances", id: id, expected: expectedVersion, entity: "alliance", missing: "No such alliance."
            ) { db in
                try await Self.find(id, in: db)
            }
            try await Self.checkReferences(valid, in: tx.db)
            if valid.phase != before.phase || valid.transition != before.transition {
                throw DomainError.invalid(
                    "phase", "The phase and transition change on the alliance's Lifecycle page, where the stage-gate checklist applies.")
            }
            var after = before
            after.apply(valid)
            after.version += 1
            after.updatedAt = tx.now
            try await Self.saveRow(after, before: before, in: tx)
            try await Self.syncNamedMembers(after, in: tx)
            return after
        }
    }

    /// Writes every column of a changed alliance and audits the change.
    static func saveRow(_ after: Alliance, before: Alliance, in tx: AuditedTransaction) async throws {
        var update = tx.db.update("alliances").where("id", .equal, after.id.canonicalText)
        for (column, value) in AllianceRows.columns(after) { update = update.set(SQLIdentifier(column), to: SQLBind(value)) }
        try await update.run()
        try await tx.record("alliance", after.id, alliance: after.id, .update, before: before, after: after)
    }

    public func delete(_ id: UUID, by actor: AuditActor) async throws {
        try await database.write(by: actor) { tx in
            guard let before = try await Self.find(id, in: tx.db) else { throw DomainError.notFound("No such alliance.") }
            let records: [(table: String, what: String)] = [
                ("health_waves", "health check history"), ("governance_bodies", "governance bodies"), ("action_items", "action items"),
                ("trigger_events", "trigger events"), ("obligations", "obligations"), ("goals", "goals"), ("kpis", "KPIs"),
                ("lifecycle_changes", "phase history"), ("issues", "an issue log"),
                ("counterpart_pairs", "a relationship map"),
            ]
            for record in records {
                let found = try await tx.db.raw(
                    "SELECT COUNT(*) AS n FROM \(unsafeRaw: record.table) WHERE alliance_id = \(bind: id.canonicalText)"
                ).first()
                if try found?.int("n") ?? 0 > 0 {
                    throw DomainError.conflict(
                        "\(before.name) has \(record.what), which are kept. Set its status to closed instead of deleting it.")
                }
            }
            for member in try await Self.members(of: id, in: tx.db) {
                try await Self.removeMember(member, in: tx)
            }
            try await tx.db.raw("DELETE FROM alliances WHERE id = \(bind: id.canonicalText)").run()
            try await tx.record("alliance", id, alliance: id, .delete, before: before, after: nil as Alliance?)
        }
    }

    /// The partner and the four named people must exist and sit on the right side.
    static func checkReferences(_ valid: AllianceInput.Valid, in db: any SQLDatabase) async throws {
        let partner = try await SQLOrganizationRepository.find(valid.partnerID, in: db)
        let ours = try await db.raw("SELECT id FROM organizations WHERE kind = 'ours' LIMIT 1").first()?.uuid("id")
        var people: [UUID: Person] = [:]
        for id in [valid.ourSponsorID, valid.ourManagerID, valid.partnerSponsorID, valid.partnerManagerID].compactMap({ $0 }) {
            people[id] = try await SQLPersonRepository.find(id, in: db)
        }
        try AllianceRules.checkReferences(valid, partner: partner, people: people, ourOrganizationID: ours)
    }
}
