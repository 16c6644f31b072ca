import type { ColumnType, Generated } from "kysely";

/** A column the database fills in on insert (an identity or a default), optional when inserting. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** Articles accepted for delivery: corpus files and feed items, one row per article id. */
export interface ArticlesTable {
  id: string;
  /** Order of acceptance: a subscription sees articles after its own `since_seq`. */
  seq: number;
  content_hash: string;
  removed: Defaulted<number>;
  accepted_at: number;
  updated_at: number;
  /** Bumped on every change (new, changed, removed): other processes catch up from the last one they saw. */
  version: Defaulted<number>;
  /** The article as JSON, kept when several processes share the database (they may not share the corpus folder). */
  article: Defaulted<string | null>;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  guild_id: string;
  channel_id: string;
  include_terms: Defaulted<string>;
  exclude_terms: Defaulted<string>;
  /** "HH:MM" UTC, or null for one post per article. */
  digest_time: string | null;
  since_seq: number;
  paused_reason: Defaulted<string | null>;
  paused_at: Defaulted<number | null>;
  last_digest_date: Defaulted<string | null>;
  last_overflow_at: Defaulted<number | null>;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface OutboxTable {
  id: Generated<number>;
  subscription_id: number;
  article_id: string;
  action: "post" | "edit" | "digest";
  state: Defaulted<"pending" | "sent" | "folded" | "dropped">;
  nonce: string;
  message_id: Defaulted<string | null>;
  attempts: Defaulted<number>;
  next_attempt_at: Defaulted<number>;
  last_error: Defaulted<string | null>;
  created_at: number;
  sent_at: Defaulted<number | null>;
}

/** Which process drains a channel's queue, until when (see DeliveryStore.claimChannel). */
export interface ChannelLeasesTable {
  subscription_id: number;
  owner: string;
  expires_at: number;
}

export interface FeedsTable {
  id: Generated<number>;
  url: string;
  origin: "env" | "command";
  added_by: string | null;
  guild_id: string | null;
  etag: Defaulted<string | null>;
  last_modified: Defaulted<string | null>;
  last_polled_at: Defaulted<number | null>;
  last_success_at: Defaulted<number | null>;
  last_error: Defaulted<string | null>;
  last_error_at: Defaulted<number | null>;
  errors: Defaulted<number>;
  failures: Defaulted<number>;
  next_poll_at: Defaulted<number>;
  created_at: number;
}

export interface FeedItemsTable {
  feed_id: number;
  item_key: string;
  article_id: string;
  content_hash: string;
  article: string;
  first_seen_at: number;
  updated_at: number;
}

/** A paged answer's question, kept for the buttons of any worker (see src/discord/pages.ts). */
export interface PagedQueriesTable {
  id: string;
  kind: string;
  query: string;
  owner_id: string;
  expires_at: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** Every table, as Kysely sees them; the same on SQLite and PostgreSQL. */
export interface Schema {
  articles: ArticlesTable;
  subscriptions: SubscriptionsTable;
  outbox: OutboxTable;
  channel_leases: ChannelLeasesTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
  meta: MetaTable;
  paged_queries: PagedQueriesTable;
}
