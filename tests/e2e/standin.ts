/**
 * A local stand-in for Discord (REST + gateway on one 127.0.0.1 port) so the real discord.js Client
 * can log in, receive interactions and answer them in end-to-end tests.
 * Payload shapes follow /work/shared/notes/discord-standin.md (measured with discord.js 14.28.1).
 * It can hold several guilds and shard them as Discord does (`shardCount`, the gateway in standinGateway.ts), so
 * several bot processes can each connect their own shards; it records what counts toward Discord's global rate
 * limit (`globalRequestTimes`, `maxRequestsInAnyWindow`) and can enforce it (`globalLimitPerSecond`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { performance } from "node:perf_hooks";
import { guildIdForShard, shardOf, startGateway, type Delivery, type Dispatched } from "./standinGateway.js";

export { guildIdForShard, shardOf, type Delivery, type Dispatched } from "./standinGateway.js";

export interface RecordedRequest {
  method: string;
  /** Decoded path below /api/v10, e.g. "/interactions/123/tok/callback". */
  path: string;
  /** True for an interaction's first response that came back as the HTTP reply of the Interactions Endpoint (recorded as its callback). */
  viaEndpoint?: boolean;
  query: URLSearchParams;
  /** Parsed JSON body (payload_json for multipart), or null. */
  body: any;
  /** performance.now() when the request arrived. */
  at: number;
  /** The HTTP status the stand-in answered (or will answer, for a delayed route); set before waitForRequest sees it. */
  status: number;
}

/** A channel permission overwrite as Discord sends it: type 0 = role (the guild id is @everyone), 1 = member. */
export interface PermissionOverwrite {
  id: string;
  type: 0 | 1;
  /** Permission bits as a decimal string, e.g. "2048" (SendMessages). */
  allow: string;
  deny: string;
}

/** A message as `messagesIn` reports it (a snapshot; later edits do not change it). */
export interface StoredMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: any[];
  components: any[];
  /** The nonce the message was created with, or null. */
  nonce: string | number | null;
  /** True once the message has been edited (PATCH through the channel or webhook routes, or a button `update`). */
  edited: boolean;
}

/** One guild of a stand-in with several (`StandinOptions.guilds`). */
export interface GuildOptions {
  /** The guild id (default: generated, on `shard` if that is given). */
  id?: string;
  /** Put a generated id on this shard (see `guildIdForShard`); with `id`, it must agree with Discord's formula. */
  shard?: number;
  /** Text channel ids; the first is "general". Default: `channelCount` generated ids. */
  channelIds?: string[];
  /** How many text channels to generate when `channelIds` is not given (default 3). */
  channelCount?: number;
}

/** A guild as the stand-in holds it. */
export interface StandinGuild {
  id: string;
  /** Its text channel ids as created (deleteChannel does not remove ids from this list). */
  channelIds: string[];
  /** The bot's managed role in this guild (the first guild's is `botRoleId`). */
  botRoleId: string;
  /** `(id >> 22) % shardCount`: the only shard that receives this guild's events. */
  shard: number;
}

export interface StandinOptions {
  guildId?: string;
  /** Guild text channel ids; the first is "general". Default: `channelCount` generated ids. */
  channelIds?: string[];
  /** How many text channels to generate when `channelIds` is not given (default 3). */
  channelCount?: number;
  /**
   * Several guilds instead of the one `guildId` / `channelIds` / `channelCount` describe (do not combine them).
   * The first is the default guild of `guildId`, `channelIds` and the dispatch helpers.
   */
  guilds?: GuildOptions[];
  /**
   * The shard count the bot must use (default 1): `GET /gateway/bot` answers `shards: shardCount`; an IDENTIFY with
   * another count is closed with 4011, with a shard id outside 0..shardCount-1 with 4010.
   */
  shardCount?: number;
  /**
   * Discord's global rate limit, off by default: more than this many requests (interaction callbacks excepted) within a
   * window (opened by the first request after the previous one closed, 1 s long) answer 429 `global: true` with
   * `Retry-After`, `X-RateLimit-Global: true`, `X-RateLimit-Scope: global`. Refused requests do not use up the window.
   */
  globalLimitPerSecond?: number;
  /**
   * Permission overwrites per channel id, sent as the channel's `permission_overwrites` (GUILD_CREATE, GET /channels/:id).
   * As on Discord, a channel post where they leave the bot without ViewChannel / SendMessages answers 403 50001 / 50013.
   */
  channelOverwrites?: Record<string, PermissionOverwrite[]>;
  /** A POST /channels/:id/messages with `enforce_nonce: true` and a nonce used in that channel this recently returns the earlier message (default 300000). */
  nonceWindowMs?: number;
  botUserId?: string;
  /** Id of the bot's managed role (default: generated). */
  botRoleId?: string;
  /** HELLO heartbeat_interval (default 41250, as on Discord). */
  heartbeatIntervalMs?: number;
  /** An interaction callback later than this answers 404 "Unknown interaction" (default 3000, as on Discord). */
  interactionDeadlineMs?: number;
  /** The Ed25519 private key the stand-in signs Interactions Endpoint requests with (default: one of its own). */
  signingKey?: KeyObject;
}

export interface Standin {
  /** "http://127.0.0.1:PORT/api": pass as `new Client({ rest: { api: apiUrl } })`. */
  apiUrl: string;
  botUserId: string;
  /** The bot's managed role in the first guild (not administrator: channel overwrites apply to the bot). */
  botRoleId: string;
  /** The first guild's id. */
  guildId: string;
  /** The first guild's text channel ids as created (deleteChannel does not remove ids from this list). */
  channelIds: string[];
  /** Every guild, in the order of `StandinOptions.guilds` (one when that is not given). */
  guilds: StandinGuild[];
  shardCount: number;
  /** Every REST request the bot made, in order (failed and unknown ones included). */
  requests: RecordedRequest[];
  /**
   * When each request that counts toward Discord's global rate limit arrived (performance.now(), as `RecordedRequest.at`):
   * every request except interaction callbacks (`POST /interactions/{id}/{token}/callback`), refused ones included.
   */
  globalRequestTimes: number[];
  /** The most `globalRequestTimes` within any window of `ms` (default 1000): what Discord saw at its busiest second. */
  maxRequestsInAnyWindow(ms?: number): number;
  /** Every dispatch sent over a gateway connection, in order, with the shard, session and connection that received it. */
  deliveries: Delivery[];
  /** IDENTIFYs accepted per shard (index = shard id); refused ones count only in `identifyCount`. */
  identifiesByShard: number[];
  /** Shards with a live gateway connection, ascending. */
  connectedShards(): number[];
  /**
   * Dispatch INTERACTION_CREATE for a slash command; options like [{name: "question", type: 3, value}].
   * A CHANNEL option (type 7, also inside subcommands) whose value is a known guild channel id is resolved into
   * `data.resolved.channels` as Discord does. `memberPermissions` is sent as `member.permissions` (default EVERYONE_PERMISSIONS).
   */
  slashCommand(name: string, options?: any[], opts?: InteractionOpts & { dm?: boolean; channelId?: string }): DispatchedInteraction;
  /** Dispatch an autocomplete interaction; one option should carry `focused: true`. */
  autocomplete(name: string, options: any[], opts?: InteractionOpts): DispatchedInteraction;
  /** Dispatch a button click on `messageId` (a message the bot posted, or a fresh one). */
  button(customId: string, opts?: InteractionOpts & { messageId?: string; channelId?: string }): DispatchedInteraction;
  /**
   * Dispatch MESSAGE_CREATE from a user; `<@id>` mentions in content are resolved, `mentionsBot` adds the bot.
   * As on Discord, guild messages not mentioning the bot arrive with empty content unless it has the MessageContent intent.
   */
  message(
    content: string, opts?: { userId?: string; dm?: boolean; mentionsBot?: boolean; channelId?: string; guildId?: string },
  ): { id: string } & Dispatched;
  /** Resolves with the first recorded request (past or future) matching `pred`; rejects after timeoutMs (default 5000). */
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Answer the next `times` requests (default: until cleared) whose "METHOD path" matches with this status/body/headers. */
  failRoute(pattern: RegExp, status: number, body: any, opts?: { times?: number; headers?: Record<string, string> }): void;
  /**
   * Hold back the answer to the next `times` requests (default: until cleared) whose "METHOD path" matches by `ms`.
   * The request is recorded and handled on arrival (a delayed channel post is created at once); only the answer waits,
   * so a client that times out and retries meets the first attempt's effects (e.g. its nonce).
   */
  delayRoute(pattern: RegExp, ms: number, opts?: { times?: number }): void;
  /** Remove every failRoute and delayRoute rule. */
  clearFailures(): void;
  /** The bot's messages in a channel that still exist, oldest first, ephemeral ones excluded; reflects edits and deletes. */
  messagesIn(channelId: string): StoredMessage[];
  /**
   * Delete a channel: from now on every /channels/{id}... request answers 404 {code: 10003, message: "Unknown Channel"},
   * its messages are gone and it is left out of the guild. Dispatches CHANNEL_DELETE unless `notify: false`
   * (then the bot's cache still holds the channel, as if it missed the event).
   */
  deleteChannel(channelId: string, opts?: { notify?: boolean }): void;
  /**
   * Close the gateway socket(s) with this code (default 4000, which discord.js resumes after); 1006 kills the socket without a
   * close frame. With `shard`, only that shard's connection.
   */
  dropGateway(code?: number, opts?: { shard?: number }): void;
  /** Stop (false) or resume (true) acknowledging heartbeats, as a Discord that stopped answering would. */
  ackHeartbeats(on: boolean): void;
  heartbeatCount: number;
  /** Every IDENTIFY received, refused ones included. */
  identifyCount: number;
  resumeCount: number;
  /** The application's Ed25519 public key (64 hex characters, for DISCORD_PUBLIC_KEY); the stand-in signs endpoint requests with it. */
  publicKey: string;
  /**
   * Send interactions to this Interactions Endpoint URL (signed POSTs, as Discord does once the URL is saved in the
   * Developer Portal) instead of over the gateway; null goes back to the gateway. A 200 reply is taken as the
   * interaction's callback (recorded as `POST /interactions/{id}/{token}/callback` with `viaEndpoint: true`, and
   * refused like one after the deadline); `endpointStatus` keeps every reply's status by interaction id.
   */
  useInteractionsEndpoint(url: string | null): void;
  endpointStatus: Map<string, number>;
  close(): Promise<void>;
}

/** A dispatched interaction: its id and token, its shard, and whether a live connection received it at once. */
export type DispatchedInteraction = { id: string; token: string } & Dispatched;

export interface InteractionOpts {
  userId?: string;
  /** The guild it comes from, in its first channel unless `channelId` says otherwise (default: the channel's guild, else the first guild). */
  guildId?: string;
  /** `member.permissions` of the invoking member (guild interactions), a decimal string; default EVERYONE_PERMISSIONS. */
  memberPermissions?: string;
  /**
   * How long ago (ms) Discord created the interaction: it reaches the bot that late. Its id carries that
   * time, and, as on Discord, the 3 s to answer count from then (default 0).
   */
  ageMs?: number;
}

type Reply = [status: number, body?: any, headers?: Record<string, string>];

/** Every permission bit discord.js 14.28 knows (what an administrator bot gets as app_permissions). */
export const ALL_PERMISSIONS = "8866461766385663";
/** A typical @everyone set: view, send, embed, attach, react, history, threads, voice, app commands. */
export const EVERYONE_PERMISSIONS = "1760286008004161";
const ADMINISTRATOR = 8n, VIEW_CHANNEL = 1024n, SEND_MESSAGES = 2048n;
/** The bot's managed role: every permission except Administrator, so channel overwrites apply to it. */
export const BOT_PERMISSIONS = (BigInt(ALL_PERMISSIONS) & ~ADMINISTRATOR).toString();

let counter = 0n;
/** A realistic 19-digit snowflake: ms since the Discord epoch << 22, plus a counter. */
export function snowflake(at = Date.now()): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(at) - 1420070400000n) << 22n) | counter).toString();
}

const iso = () => new Date().toISOString();
/** Discord's "Unknown X" 404, e.g. unknown("Channel", 10003). */
const unknown = (what: string, code: number): Reply => [404, { code, message: `Unknown ${what}` }];
const formError = (path: string, code: string, message: string): Reply => {
  const errors: any = {};
  let node = errors;
  for (const key of path.split(".")) node = node[key] = {};
  node._errors = [{ code, message }];
  return [400, { code: 50035, message: "Invalid Form Body", errors }];
};

/** Discord's message limits: a violation answers 400 50035 like the real API. */
function validateMessage(data: any): Reply | null {
  if (typeof data?.content === "string" && data.content.length > 2000)
    return formError("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
  const embeds: any[] = data?.embeds ?? [];
  if (embeds.length > 10) return formError("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    const checks: [string, string | undefined, number][] = [
      ["title", e.title, 256], ["description", e.description, 4096],
      ["footer.text", e.footer?.text, 2048], ["author.name", e.author?.name, 256],
    ];
    if ((e.fields ?? []).length > 25) return formError(`embeds.${i}.fields`, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
    for (const [j, f] of (e.fields ?? []).entries())
      checks.push([`fields.${j}.name`, f.name, 256], [`fields.${j}.value`, f.value, 1024]);
    for (const [key, text, max] of checks) {
      total += text?.length ?? 0;
      if ((text?.length ?? 0) > max) return formError(`embeds.${i}.${key}`, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
    }
  }
  if (total > 6000) return formError("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
  return null;
}

/** Parse a JSON body, or the payload_json part of a multipart body (file uploads). Throws on malformed JSON. */
function parseBody(raw: Buffer, type = ""): any {
  if (raw.length === 0) return null;
  const text = raw.toString("utf8");
  if (type.startsWith("multipart/")) {
    const m = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(text);
    const body = m ? JSON.parse(m[1]!) : {};
    for (const [, index, filename] of text.matchAll(/name="files\[(\d+)\]"; filename="([^"]*)"/g)) {
      body.attachments ??= [];
      const entry = body.attachments.find((a: any) => String(a.id) === index) ?? body.attachments[body.attachments.push({ id: index }) - 1];
      entry.filename ??= filename;
    }
    return body;
  }
  return JSON.parse(text);
}

/** Discord's global rate limit leaves out interaction callbacks; every other request counts. */
const countsTowardGlobalLimit = (method: string, path: string) => !(method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path));

/**
 * The global limit as a fixed window, as Discord and @discordjs/rest count it: the first request after a window closed opens
 * the next, 1 s long. Returns null when a request may pass (it uses up a slot), else the ms until the window closes.
 */
function globalWindow(limit: number | undefined) {
  let opened = -Infinity, used = 0;
  return (at: number): number | null => {
    if (!limit) return null;
    if (at - opened >= 1000) { opened = at; used = 0; }
    if (used < limit) { used++; return null; }
    return opened + 1000 - at;
  };
}

/** The most of `times` (ascending) that fall within any window of `ms`. */
export function maxInAnyWindow(times: readonly number[], ms: number): number {
  let best = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= ms) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** The guilds `opts` describe, each with its channels, bot role and shard. */
function buildGuilds(opts: StandinOptions, shardCount: number): StandinGuild[] {
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new Error(`standin: shardCount must be a positive integer, got ${shardCount}`);
  if (opts.guilds && (opts.guildId || opts.channelIds || opts.channelCount !== undefined))
    throw new Error("standin: give either guilds or guildId/channelIds/channelCount, not both");
  const specs: GuildOptions[] = opts.guilds ?? [{ id: opts.guildId, channelIds: opts.channelIds, channelCount: opts.channelCount }];
  if (specs.length === 0) throw new Error("standin: guilds must name at least one guild");
  const onShard = new Map<number, number>(); // shard -> generated ids so far, for distinct ids on the same shard
  const guilds = specs.map((spec, i): StandinGuild => {
    let id = spec.id;
    if (id === undefined && spec.shard !== undefined) {
      const n = onShard.get(spec.shard) ?? 0;
      onShard.set(spec.shard, n + 1);
      id = guildIdForShard(spec.shard, shardCount, n);
    }
    id ??= snowflake();
    const shard = shardOf(id, shardCount);
    if (spec.shard !== undefined && spec.shard !== shard)
      throw new Error(`standin: guild ${id} is on shard ${shard} of ${shardCount}, not ${spec.shard}`);
    return {
      id, shard, botRoleId: i === 0 && opts.botRoleId ? opts.botRoleId : snowflake(),
      channelIds: spec.channelIds ?? Array.from({ length: spec.channelCount ?? 3 }, () => snowflake()),
    };
  });
  if (new Set(guilds.map((g) => g.id)).size !== guilds.length) throw new Error("standin: two guilds share an id");
  return guilds;
}

export async function startStandin(opts: StandinOptions = {}): Promise<Standin> {
  const botUserId = opts.botUserId ?? snowflake();
  const shardCount = opts.shardCount ?? 1;
  const guilds = buildGuilds(opts, shardCount);
  const byGuildId = new Map(guilds.map((g) => [g.id, g]));
  const { id: guildId, channelIds, botRoleId } = guilds[0]!;
  const deadline = opts.interactionDeadlineMs ?? 3000;
  const nonceWindowMs = opts.nonceWindowMs ?? 300_000;
  for (const [id, list] of Object.entries(opts.channelOverwrites ?? {})) {
    if (!guilds.some((g) => g.channelIds.includes(id))) throw new Error(`standin: channelOverwrites names ${id}, which is not one of channelIds`);
    for (const o of list) { BigInt(o.allow); BigInt(o.deny); } // malformed bit strings fail here, not mid-test
  }
  const defaultUserId = snowflake();
  const joinedAt = iso();
  const requests: RecordedRequest[] = [];
  const globalRequestTimes: number[] = [];
  const globalLimit = globalWindow(opts.globalLimitPerSecond);
  type Waiter = { pred: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
  const waiters = new Set<Waiter>();
  let failures: { pattern: RegExp; status: number; body: any; times: number; headers: Record<string, string> }[] = [];
  let delays: { pattern: RegExp; ms: number; times: number }[] = [];
  const delayedReplies = new Set<NodeJS.Timeout>();

  const users = new Map<string, any>();
  const botUser = { id: botUserId, username: "Newsdesk", discriminator: "0", global_name: null, avatar: null, bot: true, public_flags: 0, flags: 0 };
  users.set(botUserId, botUser);
  const user = (id: string): any => {
    const tag = id.slice(-4);
    if (!users.has(id)) users.set(id, { id, username: `user${tag}`, discriminator: "0", global_name: `User ${tag}`, avatar: null, public_flags: 0 });
    return users.get(id);
  };
  /** A guild member object; gateway messages carry it without `user`. */
  const member = (u: any | null, roles: string[] = []) => ({
    ...(u ? { user: u } : {}), roles, nick: null, avatar: null, joined_at: joinedAt, premium_since: null, deaf: false,
    mute: false, flags: 0, pending: false, communication_disabled_until: null,
  });

  const channels = new Map<string, any>();
  for (const g of guilds) g.channelIds.forEach((id, position) => channels.set(id, {
    id, type: 0, guild_id: g.id, name: position === 0 ? "general" : `news-${position}`, position,
    permission_overwrites: (opts.channelOverwrites?.[id] ?? []).map((o) => ({ id: o.id, type: o.type, allow: o.allow, deny: o.deny })),
    topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0, parent_id: null, flags: 0,
  }));
  const guildChannels = (id: string) => [...channels.values()].filter((c) => c.guild_id === id);
  /** The guild a channel belongs to, or undefined (a direct message, an unknown channel). */
  const guildOfChannel = (channelId: string) => byGuildId.get(channels.get(channelId)?.guild_id);
  const deletedChannels = new Set<string>();
  /**
   * A member's permissions in a guild channel, computed like Discord (and discord.js's permissionsFor): guild-level `base`,
   * Administrator short-circuits to all, then the @everyone overwrite (its id is the guild's), the member's role overwrites,
   * the member overwrite.
   */
  const permissionsIn = (channelId: string, base: bigint, memberId: string, roles: string[]): string => {
    if (base & ADMINISTRATOR) return ALL_PERMISSIONS;
    const everyone = channels.get(channelId)?.guild_id;
    const overwrites: PermissionOverwrite[] = channels.get(channelId)?.permission_overwrites ?? [];
    const apply = (p: bigint, list: PermissionOverwrite[]) =>
      list.reduce((acc, o) => acc & ~BigInt(o.deny), p) | list.reduce((acc, o) => acc | BigInt(o.allow), 0n);
    let p = apply(base, overwrites.filter((o) => o.id === everyone));
    p = apply(p, overwrites.filter((o) => o.id !== everyone && roles.includes(o.id)));
    p = apply(p, overwrites.filter((o) => o.id !== everyone && !roles.includes(o.id) && o.id === memberId));
    return p.toString();
  };
  const botPermissionsIn = (channelId: string) =>
    permissionsIn(channelId, BigInt(EVERYONE_PERMISSIONS) | BigInt(BOT_PERMISSIONS), botUserId, [guildOfChannel(channelId)?.botRoleId ?? botRoleId]);
  const dmChannels = new Map<string, any>(); // user id -> DM channel
  const dmChannel = (userId: string): any => {
    if (!dmChannels.has(userId)) {
      const ch = { id: snowflake(), type: 1, last_message_id: null, flags: 0, recipients: [user(userId)] };
      dmChannels.set(userId, ch);
      channels.set(ch.id, ch);
    }
    return dmChannels.get(userId);
  };
  const roleBase = { color: 0, hoist: false, icon: null, unicode_emoji: null, mentionable: false, flags: 0 };
  const guildBase = (g: StandinGuild) => ({
    id: g.id, name: g.id === guildId ? "Newsdesk Test Guild" : `Newsdesk Test Guild ${guilds.indexOf(g) + 1}`,
    icon: null, splash: null, discovery_splash: null, banner: null, description: null,
    owner_id: defaultUserId, afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 0,
    explicit_content_filter: 0, mfa_level: 0, nsfw_level: 0, premium_tier: 0, premium_subscription_count: 0,
    premium_progress_bar_enabled: false, application_id: null, system_channel_id: g.channelIds[0] ?? null, system_channel_flags: 0,
    rules_channel_id: null, public_updates_channel_id: null, safety_alerts_channel_id: null, vanity_url_code: null,
    preferred_locale: "en-US", max_members: 500000, max_video_channel_users: 25, features: [], emojis: [], stickers: [],
    roles: [
      { ...roleBase, id: g.id, name: "@everyone", position: 0, permissions: EVERYONE_PERMISSIONS, managed: false },
      { ...roleBase, id: g.botRoleId, name: "Newsdesk", position: 1, permissions: BOT_PERMISSIONS, managed: true, tags: { bot_id: botUserId } },
    ],
  });

  // Messages the bot posted or edited, and interactions handed out.
  const messages = new Map<string, any>();
  const channelMessages = new Map<string, string[]>(); // channel id -> ids of messages created there, oldest first
  const nonces = new Map<string, { messageId: string; at: number }>(); // `${channelId} ${nonce}` -> channel post
  interface Pending { id: string; token: string; type: number; channelId: string; originalId: string; messageId?: string; at: number; acked: boolean }
  const interactions = new Map<string, Pending>();
  const byToken = new Map<string, Pending>();

  /** Attachment objects for a message body's `attachments` (kept by id on edits, new uploads get a CDN url). */
  const attachmentsOf = (channelId: string, list: any[] | undefined, old: any[] = []): any[] => (list ?? old).map((a) => {
    const kept = old.find((o) => o.id === String(a.id));
    if (kept) return kept;
    const id = snowflake(), path = `attachments/${channelId}/${id}/${a.filename ?? "file"}`;
    return {
      id, filename: a.filename ?? "file", description: a.description, size: 0,
      url: `https://cdn.discordapp.com/${path}`, proxy_url: `https://media.discordapp.net/${path}`,
    };
  });

  /** Build (or, given an existing message, edit) a full message object authored by the bot. */
  const saveMessage = (channelId: string, data: any, extra: any = {}, existing?: any): any => {
    if (existing) {
      for (const key of ["content", "embeds", "components"]) if (data?.[key] !== undefined) existing[key] = data[key];
      existing.attachments = attachmentsOf(channelId, data?.attachments, existing.attachments);
      existing.flags = (existing.flags & ~128) | (data?.flags ?? 0);
      existing.edited_timestamp = iso();
      echo("MESSAGE_UPDATE", existing);
      return existing;
    }
    const msg: any = {
      id: snowflake(), channel_id: channelId, author: botUser, content: data?.content ?? "", embeds: data?.embeds ?? [],
      components: data?.components ?? [], timestamp: iso(), edited_timestamp: null, tts: Boolean(data?.tts),
      mention_everyone: false, mentions: [], mention_roles: [], attachments: attachmentsOf(channelId, data?.attachments), pinned: false,
      type: data?.message_reference ? 19 : 0, flags: data?.flags ?? 0, ...extra,
    };
    if (data?.nonce !== undefined) msg.nonce = data.nonce;
    if (data?.message_reference) msg.message_reference = { channel_id: channelId, guild_id: channels.get(channelId)?.guild_id, ...data.message_reference };
    messages.set(msg.id, msg);
    if (!channelMessages.has(channelId)) channelMessages.set(channelId, []);
    channelMessages.get(channelId)!.push(msg.id);
    echo("MESSAGE_CREATE", msg);
    const ch = channels.get(channelId);
    if (ch) ch.last_message_id = msg.id;
    return msg;
  };

  // ---- gateway (standinGateway.ts) ----
  const server = createServer((req, res) => void onRequest(req, res));
  const gateway = startGateway(server, () => wsUrl, {
    shardCount, heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41250, botUser,
    guildsOfShard: (shard) => guilds.filter((g) => g.shard === shard).map((g) => g.id),
    guildCreate: (id) => ({
      ...guildBase(byGuildId.get(id)!), joined_at: joinedAt, large: false, unavailable: false, member_count: 2,
      channels: guildChannels(id), threads: [],
      members: [member(botUser, [byGuildId.get(id)!.botRoleId])], presences: [], voice_states: [], stage_instances: [],
      guild_scheduled_events: [], soundboard_sounds: [],
    }),
  });
  /** Send a dispatch to the shard of `guildId` (shard 0 for null: direct messages). */
  const dispatch = (t: string, d: any, guildId: string | null) => gateway.dispatch(t, d, guildId);
  /** The intents the bot identified with on the shard that receives events of this guild (or of direct messages). */
  const intentsFor = (guildId: string | null) => gateway.intentsOf(guildId === null ? 0 : shardOf(guildId, shardCount));

  /** Like Discord, echo the bot's own non-ephemeral messages over the gateway when its intents cover the channel. */
  const echo = (t: "MESSAGE_CREATE" | "MESSAGE_UPDATE", msg: any) => {
    const g = guildOfChannel(msg.channel_id);
    if (msg.flags & 64 || !(intentsFor(g?.id ?? null) & (g ? 1 << 9 : 1 << 12))) return;
    dispatch(t, g ? { ...msg, guild_id: g.id, member: member(null, [g.botRoleId]) } : msg, g?.id ?? null);
  };

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const wsUrl = `ws://127.0.0.1:${port}/gateway`;

  // ---- REST ----
  /** Follow-ups (POST) and GET/PATCH/DELETE of interaction response messages ("@original" or an id). */
  const webhookMessage = (token: string, mid: string | null, r: RecordedRequest): Reply => {
    const it = byToken.get(token);
    if (!it) return unknown("Webhook", 10015);
    const id = mid === null ? snowflake() : mid === "@original" ? it.originalId : mid;
    if (r.method === "DELETE") return messages.delete(id) ? [204] : unknown("Message", 10008);
    if (r.method === "GET") return messages.has(id) ? [200, messages.get(id)] : unknown("Message", 10008);
    const invalid = validateMessage(r.body);
    if (invalid) return invalid;
    const extra = { id, webhook_id: botUserId, application_id: botUserId, type: 20 };
    return [200, saveMessage(it.channelId, r.body, extra, messages.get(id))];
  };
  const commands = new Map<string, any[]>(); // "global" or guild id -> registered commands
  const commandIds = new Map<string, string>();
  const routes: [string, RegExp, (m: RegExpExecArray, r: RecordedRequest) => Reply][] = [
    ["GET", /^\/gateway\/bot$/, () => [200, {
      url: wsUrl, shards: shardCount, session_start_limit: { total: 1000, remaining: 999, reset_after: 14400000, max_concurrency: 1 },
    }]],
    ["GET", /^\/gateway$/, () => [200, { url: wsUrl }]],
    ["GET", /^\/users\/@me$/, () => [200, botUser]],
    ["GET", /^\/users\/(\d+)$/, (m) => (users.has(m[1]!) ? [200, users.get(m[1]!)] : unknown("User", 10013))],
    ["POST", /^\/users\/@me\/channels$/, (_m, r) => [200, dmChannel(String(r.body?.recipient_id))]],
    ["GET", /^\/applications\/@me$/, () => [200, {
      id: botUserId, name: "Newsdesk", icon: null, description: "", bot_public: true, bot_require_code_grant: false, flags: 0,
      team: null, owner: user(defaultUserId), verify_key: "0".repeat(64),
    }]],
    ["GET", /^\/guilds\/(\d+)$/, (m, r) => {
      const g = byGuildId.get(m[1]!);
      if (!g) return unknown("Guild", 10004);
      const counts = r.query.get("with_counts") === "true" ? { approximate_member_count: users.size, approximate_presence_count: 1 } : {};
      return [200, { ...guildBase(g), ...counts }];
    }],
    ["GET", /^\/guilds\/(\d+)\/channels$/, (m) => (byGuildId.has(m[1]!) ? [200, guildChannels(m[1]!)] : unknown("Guild", 10004))],
    ["GET", /^\/guilds\/(\d+)\/members\/(\d+)$/, (m) => (byGuildId.has(m[1]!) && users.has(m[2]!)
      ? [200, member(users.get(m[2]!), m[2] === botUserId ? [byGuildId.get(m[1]!)!.botRoleId] : [])] : unknown("Member", 10007))],
    ["GET", /^\/channels\/(\d+)$/, (m) => (channels.has(m[1]!) ? [200, channels.get(m[1]!)] : unknown("Channel", 10003))],
    ["POST", /^\/channels\/(\d+)\/typing$/, (m) => (channels.has(m[1]!) ? [204] : unknown("Channel", 10003))],
    ["POST", /^\/channels\/(\d+)\/messages$/, (m, r) => {
      if (!channels.has(m[1]!)) return unknown("Channel", 10003);
      // Like Discord, the bot needs ViewChannel and SendMessages here (channel overwrites can take them away).
      const perms = guildOfChannel(m[1]!) ? BigInt(botPermissionsIn(m[1]!)) : VIEW_CHANNEL | SEND_MESSAGES;
      if (!(perms & VIEW_CHANNEL)) return [403, { code: 50001, message: "Missing Access" }];
      if (!(perms & SEND_MESSAGES)) return [403, { code: 50013, message: "Missing Permissions" }];
      const b = r.body ?? {};
      if (!b.content && !b.embeds?.length && !b.components?.length && !b.attachments?.length && !b.sticker_ids?.length && !b.poll)
        return [400, { code: 50006, message: "Cannot send an empty message" }];
      const invalid = validateMessage(b);
      if (invalid) return invalid;
      // Like Discord: with enforce_nonce, a nonce already used in this channel recently returns that message, creating nothing.
      const key = b.nonce === undefined || b.nonce === null ? null : `${m[1]} ${String(b.nonce)}`;
      const prior = key === null ? undefined : nonces.get(key);
      if (b.enforce_nonce === true && prior && r.at - prior.at <= nonceWindowMs && messages.has(prior.messageId))
        return [200, messages.get(prior.messageId)];
      const msg = saveMessage(m[1]!, b);
      if (key !== null) nonces.set(key, { messageId: msg.id, at: r.at });
      return [200, msg];
    }],
    ["GET|PATCH|DELETE", /^\/channels\/(\d+)\/messages\/(\d+)$/, (m, r) => {
      if (!channels.has(m[1]!)) return unknown("Channel", 10003);
      const existing = messages.get(m[2]!);
      if (r.method === "DELETE") return messages.delete(m[2]!) ? [204] : unknown("Message", 10008);
      if (r.method === "GET") return existing ? [200, existing] : unknown("Message", 10008);
      return validateMessage(r.body) ?? [200, saveMessage(m[1]!, r.body, { id: m[2]! }, existing)];
    }],
    ["PUT|GET", /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/, (m, r) => {
      const key = m[2] ?? "global";
      if (r.method === "PUT") commands.set(key, (r.body ?? []).map((c: any) => ({
        id: commandIds.get(c.name) ?? snowflake(), application_id: botUserId, version: snowflake(), type: 1, description: "",
        default_member_permissions: null, nsfw: false, integration_types: [0], contexts: null, ...c, ...(m[2] ? { guild_id: m[2] } : {}),
      })));
      for (const c of commands.get(key) ?? []) commandIds.set(c.name, c.id);
      return [200, commands.get(key) ?? []];
    }],
    ["POST", /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (m, r) => {
      const it = interactions.get(m[1]!);
      if (!it || it.token !== m[2] || r.at - it.at > deadline) return unknown("interaction", 10062);
      if (it.acked) return [400, { code: 40060, message: "Interaction has already been acknowledged." }];
      const type = r.body?.type, data = r.body?.data ?? {};
      if (type === 8 && (data.choices?.length ?? 0) > 25) return formError("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
      const invalid = type === 4 || type === 7 ? validateMessage(data) : null;
      if (invalid) return invalid;
      it.acked = true;
      const extra = { id: it.originalId, webhook_id: botUserId, application_id: botUserId, type: 20 };
      let message: any;
      if (type === 4) message = saveMessage(it.channelId, data, extra);
      if (type === 5) message = messages.get(it.originalId) ?? saveMessage(it.channelId, { content: "", flags: 128 | ((data.flags ?? 0) & 64) }, extra);
      if ((type === 6 || type === 7) && it.messageId) message = messages.get(it.messageId);
      if (type === 7 && message) saveMessage(it.channelId, data, {}, message);
      if (r.query.get("with_response") !== "true") return [204];
      return [200, {
        interaction: {
          id: it.id, type: it.type, response_message_id: message?.id,
          response_message_loading: type === 5, response_message_ephemeral: Boolean((message?.flags ?? 0) & 64),
        },
        resource: message ? { type, message } : { type },
      }];
    }],
    ["POST", /^\/webhooks\/(\d+)\/([^/]+)$/, (m, r) => {
      const reply = webhookMessage(m[2]!, null, r);
      return r.query.get("wait") === "true" || reply[0] !== 200 ? reply : [204];
    }],
    ["GET|PATCH|DELETE", /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/, (m, r) => webhookMessage(m[2]!, m[3]!, r)],
  ];
  function record(r: RecordedRequest) {
    requests.push(r);
    for (const w of [...waiters]) {
      try { if (!w.pred(r)) continue; w.resolve(r); } catch (e) { w.reject(e as Error); } // a throwing predicate rejects
      clearTimeout(w.timer);
      waiters.delete(w);
    }
  }
  // ---- the Interactions Endpoint (Discord POSTing to the bot) ----
  const signingKey = opts.signingKey ?? generateKeyPairSync("ed25519").privateKey;
  const publicKey = createPublicKey(signingKey).export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
  let endpointUrl: string | null = null;
  const endpointStatus = new Map<string, number>();
  const callbackRoute = (): (typeof routes)[number][2] => routes.find(([, re]) => re.source.startsWith("^\\/interactions"))![2];
  async function postToEndpoint(url: string, payload: any) {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), signingKey).toString("hex");
    let reply: any = null;
    try {
      const res = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp } });
      endpointStatus.set(payload.id, res.status);
      const text = await res.text();
      if (res.status !== 200) return; // on Discord: "This interaction failed"
      reply = JSON.parse(text);
    } catch {
      endpointStatus.set(payload.id, 0); // unreachable endpoint
      return;
    }
    const path = `/interactions/${payload.id}/${payload.token}/callback`;
    const r: RecordedRequest = { method: "POST", path, query: new URLSearchParams(), body: reply, at: performance.now(), status: 200, viaEndpoint: true };
    record(r);
    callbackRoute()(/^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)!, r);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, "");
    const method = req.method ?? "GET";
    const r: RecordedRequest = { method, path, query: url.searchParams, body: null, at, status: 0 };
    let reply: Reply = [404, { code: 0, message: "404: Not Found" }];
    try {
      r.body = parseBody(Buffer.concat(chunks), req.headers["content-type"]);
    } catch {
      r.body = Buffer.concat(chunks).toString("utf8");
      reply = [400, { code: 50109, message: "The request body contains invalid JSON." }];
    }
    requests.push(r); // waiters hear of it once its answer is decided, below
    const countsGlobally = countsTowardGlobalLimit(method, path);
    if (countsGlobally) globalRequestTimes.push(at);
    const failure = failures.find((f) => f.times > 0 && ((f.pattern.lastIndex = 0), f.pattern.test(`${method} ${path}`)));
    const deletedChannel = /^\/channels\/(\d+)(?:\/|$)/.exec(path)?.[1];
    const globalWait = countsGlobally ? globalLimit(at) : null;
    if (globalWait !== null) {
      const seconds = globalWait / 1000;
      reply = [429, { message: "You are being rate limited.", retry_after: seconds, global: true }, {
        "Retry-After": String(Math.ceil(seconds)), "X-RateLimit-Global": "true", "X-RateLimit-Scope": "global",
      }];
    } else if (failure) {
      failure.times--;
      const rateLimit = { "Retry-After": String(failure.body?.retry_after ?? 0.05), "X-RateLimit-Scope": "user" };
      reply = [failure.status, failure.body, { ...(failure.status === 429 ? rateLimit : {}), ...failure.headers }];
    } else if (reply[0] !== 400) {
      if (deletedChannel && deletedChannels.has(deletedChannel)) reply = unknown("Channel", 10003); // every route of a deleted channel
      else if (path === "/gateway/bot" && !req.headers.authorization) reply = [401, { code: 0, message: "401: Unauthorized" }];
      else for (const [methods, re, handler] of routes) {
        const m = re.exec(path);
        if (m && methods.split("|").includes(method)) {
          try { reply = handler(m, r); } catch (e) { reply = [500, { code: 0, message: `standin error: ${(e as Error).message}` }]; }
          break;
        }
      }
    }
    const [status, body, headers = {}] = reply;
    r.status = status;
    // Waiters see the request once its answer is decided, so they can tell a taken request from a refused one.
    for (const w of [...waiters]) {
      try { if (!w.pred(r)) continue; w.resolve(r); } catch (e) { w.reject(e as Error); } // a throwing predicate rejects
      clearTimeout(w.timer);
      waiters.delete(w);
    }
    const answer = () => {
      if (res.destroyed) return; // the client gave up (e.g. its timeout) while a delayed answer waited
      if (status === 204 || body === undefined) res.writeHead(status, headers).end();
      else res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    };
    const delay = delays.find((d) => d.times > 0 && ((d.pattern.lastIndex = 0), d.pattern.test(`${method} ${path}`)));
    if (!delay) return answer();
    delay.times--;
    const timer = setTimeout(() => { delayedReplies.delete(timer); answer(); }, delay.ms);
    delayedReplies.add(timer);
  }

  // ---- test-facing helpers ----
  /** Where a guild event happens: `channelId` in its guild, else the first channel of `guildId` (default: the first guild). */
  const placeIn = (o: { guildId?: string; channelId?: string }) => {
    const named = o.guildId === undefined ? guilds[0]! : byGuildId.get(o.guildId);
    if (!named) throw new Error(`standin: no guild ${o.guildId}`);
    if (o.channelId === undefined) return { guild: named, channelId: named.channelIds[0]! };
    return { guild: guildOfChannel(o.channelId) ?? named, channelId: o.channelId };
  };
  const interaction = (type: number, data: any, o: InteractionOpts & { dm?: boolean; channelId?: string; message?: any }): DispatchedInteraction => {
    const id = snowflake(Date.now() - (o.ageMs ?? 0));
    const token = `aW50ZXJhY3Rpb246${Buffer.from(id).toString("base64url")}${randomBytes(48).toString("base64url")}`;
    const u = user(o.userId ?? defaultUserId);
    const memberPermissions = o.memberPermissions ?? EVERYONE_PERMISSIONS;
    BigInt(memberPermissions); // a malformed bit string fails in the test, not inside discord.js
    // CHANNEL options (type 7, also nested in subcommands) naming a known guild channel are resolved, as Discord does:
    // `permissions` is the invoking member's in that channel, `app_permissions` the bot's.
    if (type === 2 && !o.dm) {
      const resolved: Record<string, any> = {};
      const walk = (list: any[] | undefined) => {
        for (const opt of list ?? []) {
          walk(opt.options);
          const ch = opt.type === 7 ? channels.get(String(opt.value)) : undefined;
          if (!ch || ch.guild_id !== placeIn(o).guild.id) continue;
          resolved[ch.id] = {
            id: ch.id, type: ch.type, name: ch.name, parent_id: ch.parent_id ?? null,
            permissions: permissionsIn(ch.id, BigInt(memberPermissions), u.id, []), app_permissions: botPermissionsIn(ch.id),
          };
        }
      };
      walk(data.options);
      if (Object.keys(resolved).length) data = { ...data, resolved: { ...data.resolved, channels: { ...data.resolved?.channels, ...resolved } } };
    }
    const payload: any = {
      id, token, type, version: 1, application_id: botUserId, data, locale: "en-US", app_permissions: ALL_PERMISSIONS,
      entitlements: [], authorizing_integration_owners: {}, attachment_size_limit: 10485760,
    };
    let channelId: string;
    let guildId: string | null = null;
    if (o.dm) {
      const ch = dmChannel(u.id);
      channelId = ch.id;
      Object.assign(payload, { user: u, channel_id: ch.id, channel: ch, context: 1 });
    } else {
      const place = placeIn(o);
      ({ channelId } = place);
      guildId = place.guild.id;
      const ch = channels.get(channelId) ?? { id: channelId, type: 0, guild_id: guildId };
      Object.assign(payload, {
        guild_id: guildId, guild: { id: guildId, locale: "en-US", features: [] }, guild_locale: "en-US",
        channel_id: channelId, channel: ch, member: { ...member(u), permissions: memberPermissions }, context: 0, authorizing_integration_owners: { 0: guildId },
        app_permissions: botPermissionsIn(channelId),
      });
    }
    if (o.message) payload.message = o.message;
    const it: Pending = { id, token, type, channelId, originalId: snowflake(), messageId: o.message?.id, at: performance.now() - (o.ageMs ?? 0), acked: false };
    interactions.set(id, it);
    byToken.set(token, it);
    if (endpointUrl) {
      void postToEndpoint(endpointUrl, payload);
      return { id, token, shard: guildId === null ? 0 : shardOf(guildId, shardCount), delivered: true };
    }
    return { id, token, ...dispatch("INTERACTION_CREATE", payload, guildId) };
  };
  /** A command's `data`; it carries `guild_id` when the command is registered in the interaction's guild. */
  const commandData = (name: string, options: any[] | undefined, o: { dm?: boolean; guildId?: string; channelId?: string }) => {
    if (!commandIds.has(name)) commandIds.set(name, snowflake());
    const guild = o.dm ? null : placeIn(o).guild.id;
    const guildCommand = guild !== null && (commands.get(guild) ?? []).some((c) => c.name === name);
    return { id: commandIds.get(name)!, name, type: 1, ...(options?.length ? { options } : {}), ...(guildCommand ? { guild_id: guild } : {}) };
  };

  const standin: Standin = {
    apiUrl: `http://127.0.0.1:${port}/api`,
    botUserId, botRoleId, guildId, channelIds, guilds, shardCount, requests, globalRequestTimes,
    publicKey,
    endpointStatus,
    useInteractionsEndpoint(url) {
      endpointUrl = url;
    },
    maxRequestsInAnyWindow: (ms = 1000) => maxInAnyWindow(globalRequestTimes, ms),
    deliveries: gateway.deliveries,
    identifiesByShard: gateway.identifiesByShard,
    connectedShards: gateway.connectedShards,
    get identifyCount() { return gateway.counts.identifyCount; },
    get resumeCount() { return gateway.counts.resumeCount; },
    get heartbeatCount() { return gateway.counts.heartbeatCount; },
    slashCommand: (name, options, o = {}) => interaction(2, commandData(name, options, o), o),
    autocomplete: (name, options, o = {}) => interaction(4, commandData(name, options, o), o),
    button(customId, o = {}) {
      let message = o.messageId ? messages.get(o.messageId) : undefined;
      const channelId = o.channelId ?? message?.channel_id ?? placeIn(o).channelId;
      message ??= saveMessage(channelId, {
        content: "", components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: customId, label: customId }] }],
      }, o.messageId ? { id: o.messageId } : {});
      return interaction(3, { custom_id: customId, component_type: 2 }, { ...o, channelId, message });
    },
    message(content, o = {}) {
      const author = user(o.userId ?? defaultUserId);
      const mentions = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => user(m[1]!));
      if (o.mentionsBot && !mentions.some((u) => u.id === botUserId)) mentions.push(botUser);
      const id = snowflake();
      // Without the MessageContent intent, Discord blanks guild messages that do not mention the bot.
      const place = o.dm ? null : placeIn(o);
      const hidden = place && !(intentsFor(place.guild.id) & (1 << 15)) && !mentions.some((u) => u.id === botUserId);
      const base = {
        id, author, content: hidden ? "" : content, timestamp: iso(), edited_timestamp: null, tts: false, mention_everyone: false,
        mentions, mention_roles: [], attachments: [], embeds: [], components: [], pinned: false, type: 0, flags: 0, nonce: id,
      };
      if (!place) return { id, ...dispatch("MESSAGE_CREATE", { ...base, channel_id: dmChannel(author.id).id, channel_type: 1 }, null) };
      const { guild, channelId } = place;
      const inGuild = { ...base, channel_id: channelId, channel_type: 0, guild_id: guild.id, member: member(null) };
      return { id, ...dispatch("MESSAGE_CREATE", inGuild, guild.id) };
    },
    waitForRequest(pred, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        try {
          const found = requests.find(pred);
          if (found) return resolve(found);
        } catch (e) { return reject(e); }
        const w = {
          pred, resolve, reject,
          timer: setTimeout(() => { waiters.delete(w); reject(new Error(`standin: no matching request within ${timeoutMs} ms`)); }, timeoutMs),
        };
        waiters.add(w);
      });
    },
    failRoute(pattern, status, body, o = {}) {
      failures.push({ pattern, status, body, times: o.times ?? Infinity, headers: o.headers ?? {} });
    },
    delayRoute(pattern, ms, o = {}) {
      delays.push({ pattern, ms, times: o.times ?? Infinity });
    },
    clearFailures() { failures = []; delays = []; },
    messagesIn(channelId) {
      return (channelMessages.get(channelId) ?? []).map((id) => messages.get(id)).filter((m) => m && !(m.flags & 64)).map((m) => structuredClone({
        id: m.id, channel_id: m.channel_id, content: m.content, embeds: m.embeds, components: m.components,
        nonce: m.nonce ?? null, edited: m.edited_timestamp !== null,
      }));
    },
    deleteChannel(channelId, o = {}) {
      deletedChannels.add(channelId);
      const ch = channels.get(channelId);
      channels.delete(channelId);
      for (const id of channelMessages.get(channelId) ?? []) messages.delete(id);
      channelMessages.delete(channelId);
      for (const [userId, dm] of dmChannels) if (dm.id === channelId) dmChannels.delete(userId);
      // Discord sends CHANNEL_DELETE for guild channels to bots with the Guilds intent.
      const g = byGuildId.get(ch?.guild_id);
      if (g && o.notify !== false && intentsFor(g.id) & 1) dispatch("CHANNEL_DELETE", ch, g.id);
    },
    ackHeartbeats: gateway.ackHeartbeats,
    // 1006 (abnormal closure) cannot be sent: it is what the client sees when the socket dies without a close frame.
    dropGateway: (code = 4000, o = {}) => gateway.drop(code, o.shard),
    async close() {
      for (const timer of delayedReplies) clearTimeout(timer);
      delayedReplies.clear();
      for (const w of waiters) { clearTimeout(w.timer); w.reject(new Error("standin closed")); }
      waiters.clear();
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standin;
}
