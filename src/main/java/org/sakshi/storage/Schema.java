package org.sakshi.storage;

import java.util.List;

/**
 * Versioned schema of {@code case.db}. Migration {@code i} (0-based) brings the store from version
 * {@code i} to {@code i + 1}; {@code schema_version} records the version. A store whose version is
 * newer than {@link #CURRENT} was written by a newer Sakshi and is refused, never downgraded.
 */
final class Schema {
    static final int CURRENT = 2;

    static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
            """
            CREATE TABLE case_info (
              id TEXT PRIMARY KEY, number TEXT NOT NULL, title TEXT NOT NULL, agency TEXT,
              jurisdiction TEXT NOT NULL, default_officer TEXT NOT NULL, zone TEXT NOT NULL,
              created_at TEXT NOT NULL)""",
            """
            CREATE TABLE items (
              id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
              sha256 TEXT NOT NULL, sha1 TEXT NOT NULL, md5 TEXT NOT NULL, crc32 INTEGER NOT NULL,
              imported_at TEXT NOT NULL, imported_by TEXT, source_path TEXT,
              source_text TEXT, device_make TEXT, device_model TEXT, device_serial TEXT, device_imei TEXT,
              location TEXT, ts_status TEXT NOT NULL, ts_time TEXT, ts_tsa TEXT,
              derived_from TEXT REFERENCES items(id), warnings TEXT NOT NULL, folder INTEGER NOT NULL,
              summary_key TEXT, summary TEXT, blob TEXT NOT NULL, records INTEGER NOT NULL DEFAULT 0)""",
            "CREATE INDEX items_sha256 ON items(sha256)",
            """
            CREATE TABLE folder_entries (
              item_id TEXT NOT NULL REFERENCES items(id), path TEXT NOT NULL, size INTEGER NOT NULL,
              sha256 TEXT NOT NULL, blob TEXT NOT NULL, PRIMARY KEY (item_id, path))""",
            """
            CREATE TABLE item_tokens (
              item_id TEXT NOT NULL REFERENCES items(id), response BLOB NOT NULL, gen_time TEXT NOT NULL,
              serial TEXT, tsa TEXT, PRIMARY KEY (item_id))""",
            """
            CREATE TABLE derived_files (
              item_id TEXT NOT NULL REFERENCES items(id), name TEXT NOT NULL, media_type TEXT,
              sha256 TEXT NOT NULL, size INTEGER NOT NULL, PRIMARY KEY (item_id, name))""",
            """
            CREATE TABLE events (
              seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, at TEXT NOT NULL,
              item_id TEXT, hash TEXT NOT NULL, json TEXT NOT NULL)""",
            // docs/custody-ledger.md#rules: the store refuses to change or remove an event.
            """
            CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'custody events are append-only: UPDATE refused'); END""",
            """
            CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'custody events are append-only: DELETE refused'); END"""),
            // 1 -> 2: key enrolments are looked up by type when a store with a key first appends
            List.of("CREATE INDEX IF NOT EXISTS events_type ON events(type)"));

    /**
     * The same migrations for a case on a lab server (PostgreSQL), one schema per case. Differences
     * from SQLite: 64-bit integers where SQLite's INTEGER is 64-bit anyway, BYTEA for BLOB, the
     * append-only rules as triggers calling {@code sakshi.refuse_change()} (made by {@link LabServer}),
     * TRUNCATE refused too, the signed heads in the append-only table {@code heads} instead of a file
     * beside case.db, and {@code item_counter}, which hands out item ids to concurrent importers.
     * They run as the server's owner inside {@code sakshi.create_case} (the application role may not
     * run DDL), so each statement is plain SQL without dollar quotes.
     */
    static final List<List<String>> PG_MIGRATIONS = List.of(List.of(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
            """
            CREATE TABLE case_info (
              id TEXT PRIMARY KEY, number TEXT NOT NULL, title TEXT NOT NULL, agency TEXT,
              jurisdiction TEXT NOT NULL, default_officer TEXT NOT NULL, zone TEXT NOT NULL,
              created_at TEXT NOT NULL)""",
            """
            CREATE TABLE items (
              id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, size BIGINT NOT NULL,
              sha256 TEXT NOT NULL, sha1 TEXT NOT NULL, md5 TEXT NOT NULL, crc32 BIGINT NOT NULL,
              imported_at TEXT NOT NULL, imported_by TEXT, source_path TEXT,
              source_text TEXT, device_make TEXT, device_model TEXT, device_serial TEXT, device_imei TEXT,
              location TEXT, ts_status TEXT NOT NULL, ts_time TEXT, ts_tsa TEXT,
              derived_from TEXT REFERENCES items(id), warnings TEXT NOT NULL, folder INTEGER NOT NULL,
              summary_key TEXT, summary TEXT, blob TEXT NOT NULL, records BIGINT NOT NULL DEFAULT 0)""",
            "CREATE INDEX items_sha256 ON items(sha256)",
            """
            CREATE TABLE folder_entries (
              item_id TEXT NOT NULL REFERENCES items(id), path TEXT NOT NULL, size BIGINT NOT NULL,
              sha256 TEXT NOT NULL, blob TEXT NOT NULL, PRIMARY KEY (item_id, path))""",
            """
            CREATE TABLE item_tokens (
              item_id TEXT NOT NULL REFERENCES items(id), response BYTEA NOT NULL, gen_time TEXT NOT NULL,
              serial TEXT, tsa TEXT, PRIMARY KEY (item_id))""",
            """
            CREATE TABLE derived_files (
              item_id TEXT NOT NULL REFERENCES items(id), name TEXT NOT NULL, media_type TEXT,
              sha256 TEXT NOT NULL, size BIGINT NOT NULL, PRIMARY KEY (item_id, name))""",
            """
            CREATE TABLE events (
              seq BIGINT PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, at TEXT NOT NULL,
              item_id TEXT, hash TEXT NOT NULL, json TEXT NOT NULL)""",
            """
            CREATE TABLE heads (
              n BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, seq BIGINT NOT NULL, line TEXT NOT NULL)""",
            "CREATE TABLE item_counter (n BIGINT NOT NULL)",
            "INSERT INTO item_counter(n) VALUES (0)",
            // docs/custody-ledger.md#rules: the store refuses to change or remove an event or a signed head.
            "CREATE TRIGGER events_no_change BEFORE UPDATE OR DELETE ON events"
                    + " FOR EACH ROW EXECUTE FUNCTION sakshi.refuse_change()",
            "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events"
                    + " FOR EACH STATEMENT EXECUTE FUNCTION sakshi.refuse_change()",
            "CREATE TRIGGER heads_no_change BEFORE UPDATE OR DELETE ON heads"
                    + " FOR EACH ROW EXECUTE FUNCTION sakshi.refuse_change()",
            "CREATE TRIGGER heads_no_truncate BEFORE TRUNCATE ON heads"
                    + " FOR EACH STATEMENT EXECUTE FUNCTION sakshi.refuse_change()"),
            List.of("CREATE INDEX IF NOT EXISTS events_type ON events(type)"));

    /**
     * What the application role ({@link LabServer#APP_ROLE}) may do in a case's schema: only INSERT
     * and SELECT on the ledger and its signed heads (no UPDATE, DELETE, TRUNCATE or DDL, even if the
     * triggers were dropped by the owner), records it changes today (items' time-stamp and parse
     * state, item tokens) and the item-id counter. {@code %s} is the application role.
     */
    static final List<String> PG_GRANTS = List.of(
            "GRANT SELECT ON schema_version TO %s",
            "GRANT SELECT, INSERT ON case_info, events, heads, folder_entries, derived_files TO %s",
            "GRANT SELECT, INSERT, UPDATE ON items, item_tokens, item_counter TO %s");

    private Schema() {
    }
}
