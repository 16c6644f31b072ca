import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

/**
 * Schema changes, in order. Each runs once, in a transaction, recorded in `schema_migrations`; a new
 * version is a new entry at the end, never an edit of an old one.
 */
export const MIGRATIONS: string[] = [
  `CREATE TABLE articles (
     id TEXT PRIMARY KEY,
     seq INTEGER NOT NULL UNIQUE,          -- order of acceptance: a subscription sees articles after its own seq
     content_hash TEXT NOT NULL,
     removed INTEGER NOT NULL DEFAULT 0,
     accepted_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE subscriptions (
     id INTEGER PRIMARY KEY,
     guild_id TEXT NOT NULL,
     channel_id TEXT NOT NULL UNIQUE,
     include_terms TEXT NOT NULL DEFAULT '[]',
     exclude_terms TEXT NOT NULL DEFAULT '[]',
     digest_time TEXT,                      -- "HH:MM" UTC, or NULL for one post per article
     since_seq INTEGER NOT NULL,
     paused_reason TEXT,
     paused_at INTEGER,
     last_digest_date TEXT,
     last_overflow_at INTEGER,
     created_by TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY,
     subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
     article_id TEXT NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('post', 'edit', 'digest')),
     state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'folded', 'dropped')),
     nonce TEXT NOT NULL,
     message_id TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     created_at INTEGER NOT NULL,
     sent_at INTEGER
   );
   CREATE UNIQUE INDEX outbox_one_post ON outbox (subscription_id, article_id) WHERE action IN ('post', 'digest');
   CREATE UNIQUE INDEX outbox_one_pending_edit ON outbox (subscription_id, article_id) WHERE action = 'edit' AND state = 'pending';
   CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);
   CREATE INDEX outbox_sent_at ON outbox (subscription_id, sent_at);`,
  `CREATE TABLE feeds (
     id INTEGER PRIMARY KEY,
     url TEXT NOT NULL UNIQUE,
     origin TEXT NOT NULL CHECK (origin IN ('env', 'command')),
     added_by TEXT,
     guild_id TEXT,
     etag TEXT,
     last_modified TEXT,
     last_polled_at INTEGER,
     last_success_at INTEGER,
     last_error TEXT,
     last_error_at INTEGER,
     errors INTEGER NOT NULL DEFAULT 0,   -- failed polls in all
     failures INTEGER NOT NULL DEFAULT 0, -- failed polls in a row, for backoff
     next_poll_at INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE feed_items (
     feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
     item_key TEXT NOT NULL,              -- guid, else link, else title + date: stable across polls
     article_id TEXT NOT NULL UNIQUE,
     content_hash TEXT NOT NULL,
     article TEXT NOT NULL,               -- the article as JSON: feed articles live here, not in corpus/
     first_seen_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (feed_id, item_key)
   );`,
  // 3: small facts about the database as a whole, such as which index snapshot's articles it has taken.
  `CREATE TABLE meta (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );`,
];

/** Opens (or creates) the database file in `dataDir`, in WAL mode, with every migration applied. */
export function openDatabase(dataDir: string | ":memory:"): Db {
  let file = ":memory:";
  if (dataDir !== ":memory:") {
    mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, "newsdesk.sqlite");
  }
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

export function migrate(db: Db): number {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
  const applied = (db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number | null }).v ?? 0;
  MIGRATIONS.slice(applied).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(applied + i + 1, Date.now());
    })();
  });
  return MIGRATIONS.length;
}
