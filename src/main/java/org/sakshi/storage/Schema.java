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

    private Schema() {
    }
}
