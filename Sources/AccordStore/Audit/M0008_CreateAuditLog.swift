import SQLKit

/// The audit trail: append-only (triggers refuse UPDATE and DELETE) and hash-chained.
struct M0008_CreateAuditLog: Migration {
    let id = "0008_create_audit_log"

    func up(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(
            db,
            [
                """
                CREATE TABLE audit_log (
                    seq BIGINT PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor_id TEXT,
                    actor_name TEXT NOT NULL,
                    entity TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    alliance_id TEXT,
                    action TEXT NOT NULL,
                    before_json TEXT,
                    after_json TEXT,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS audit_log_alliance ON audit_log (alliance_id, seq)",
                "CREATE INDEX IF NOT EXISTS audit_log_entity ON audit_log (entity, entity_id)",
            ])
        switch kind {
        case .sqlite:
            try await run(
                db,
                [
                    """
                    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
                    """,
                    """
                    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
                    """,
                ])
        case .postgres:
            try await run(
                db,
                [
                    """
                    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$
                    """,
                    """
                    CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
                    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
                    """,
                ])
        }
    }

    func down(_ db: any SQLDatabase, kind: AccordDatabase.Kind) async throws {
        try await run(db, ["DROP TABLE audit_log"])
        if kind == .postgres { try await run(db, ["DROP FUNCTION audit_log_append_only()"]) }
    }
}
