/**
 * A local stand-in for Discord (REST + gateway on one 127.0.0.1 port) so the real discord.js Client
 * can log in, receive interactions and answer them in end-to-end tests.
 * Payload shapes follow /work/shared/notes/discord-standin.md (measured with discord.js 14.28.1).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { performance } from "node:perf_hooks";
import { WebSocketServer, WebSocket } from "ws";

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

export interface StandinOptions {
  guildId?: string;
  /** Guild text channel ids; the first is "general". Default: `channelCount` generated ids. */
  channelIds?: string[];
  /** How many text channels to generate when `channelIds` is not given (default 3). */
  channelCount?: number;
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
  /** The bot's managed role (not administrator: channel overwrites apply to the bot). */
  botRoleId: string;
  guildId: string;
  /** The guild's text channel ids as created (deleteChannel does not remove ids from this list). */
  channelIds: string[];
  /** Every REST request the bot made, in order (failed and unknown ones included). */
  requests: RecordedRequest[];
  /**
   * Dispatch INTERACTION_CREATE for a slash command; options like [{name: "question", type: 3, value}].
   * A CHANNEL option (type 7, also inside subcommands) whose value is a known guild channel id is resolved into
   * `data.resolved.channels` as Discord does. `memberPermissions` is sent as `member.permissions` (default EVERYONE_PERMISSIONS).
   */
  slashCommand(name: string, options?: any[], opts?: InteractionOpts & { dm?: boolean; channelId?: string }): { id: string; token: string };
  /** Dispatch an autocomplete interaction; one option should carry `focused: true`. */
  autocomplete(name: string, options: any[], opts?: InteractionOpts): { id: string; token: string };
  /** Dispatch a button click on `messageId` (a message the bot posted, or a fresh one). */
  button(customId: string, opts?: InteractionOpts & { messageId?: string; channelId?: string }): { id: string; token: string };
  /**
   * Dispatch MESSAGE_CREATE from a user; `<@id>` mentions in content are resolved, `mentionsBot` adds the bot.
   * As on Discord, guild messages not mentioning the bot arrive with empty content unless it has the MessageContent intent.
   */
  message(content: string, opts?: { userId?: string; dm?: boolean; mentionsBot?: boolean; channelId?: string }): { id: string };
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
  /** Close the gateway socket(s) with this code (default 4000, which discord.js resumes after); 1006 kills the socket without a close frame. */
  dropGateway(code?: number): void;
  /** Stop (false) or resume (true) acknowledging heartbeats, as a Discord that stopped answering would. */
  ackHeartbeats(on: boolean): void;
  heartbeatCount: number;
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

export interface InteractionOpts {
  userId?: string;
  /** `member.permissions` of the invoking member (guild interactions), a decimal string; default EVERYONE_PERMISSIONS. */
  memberPermissions?: string;
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
export function snowflake(): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) | counter).toString();
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

export async function startStandin(opts: StandinOptions = {}): Promise<Standin> {
  const botUserId = opts.botUserId ?? snowflake();
  const guildId = opts.guildId ?? snowflake();
  const channelIds = opts.channelIds ?? Array.from({ length: opts.channelCount ?? 3 }, () => snowflake());
  const deadline = opts.interactionDeadlineMs ?? 3000;
  const nonceWindowMs = opts.nonceWindowMs ?? 300_000;
  const botRoleId = opts.botRoleId ?? snowflake();
  for (const [id, list] of Object.entries(opts.channelOverwrites ?? {})) {
    if (!channelIds.includes(id)) throw new Error(`standin: channelOverwrites names ${id}, which is not one of channelIds`);
    for (const o of list) { BigInt(o.allow); BigInt(o.deny); } // malformed bit strings fail here, not mid-test
  }
  const defaultUserId = snowflake();
  const joinedAt = iso();
  const requests: RecordedRequest[] = [];
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
  channelIds.forEach((id, position) => channels.set(id, {
    id, type: 0, guild_id: guildId, name: position === 0 ? "general" : `news-${position}`, position,
    permission_overwrites: (opts.channelOverwrites?.[id] ?? []).map((o) => ({ id: o.id, type: o.type, allow: o.allow, deny: o.deny })),
    topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0, parent_id: null, flags: 0,
  }));
  const guildChannels = () => [...channels.values()].filter((c) => c.guild_id === guildId);
  const deletedChannels = new Set<string>();
  /**
   * A member's permissions in a channel, computed like Discord (and discord.js's permissionsFor): guild-level `base`,
   * Administrator short-circuits to all, then the @everyone overwrite, the member's role overwrites, the member overwrite.
   */
  const permissionsIn = (channelId: string, base: bigint, memberId: string, roles: string[]): string => {
    if (base & ADMINISTRATOR) return ALL_PERMISSIONS;
    const overwrites: PermissionOverwrite[] = channels.get(channelId)?.permission_overwrites ?? [];
    const apply = (p: bigint, list: PermissionOverwrite[]) =>
      list.reduce((acc, o) => acc & ~BigInt(o.deny), p) | list.reduce((acc, o) => acc | BigInt(o.allow), 0n);
    let p = apply(base, overwrites.filter((o) => o.id === guildId));
    p = apply(p, overwrites.filter((o) => o.id !== guildId && roles.includes(o.id)));
    p = apply(p, overwrites.filter((o) => o.id !== guildId && !roles.includes(o.id) && o.id === memberId));
    return p.toString();
  };
  const botPermissionsIn = (channelId: string) =>
    permissionsIn(channelId, BigInt(EVERYONE_PERMISSIONS) | BigInt(BOT_PERMISSIONS), botUserId, [botRoleId]);
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
  const guildBase = () => ({
    id: guildId, name: "Newsdesk Test Guild", icon: null, splash: null, discovery_splash: null, banner: null, description: null,
    owner_id: defaultUserId, afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 0,
    explicit_content_filter: 0, mfa_level: 0, nsfw_level: 0, premium_tier: 0, premium_subscription_count: 0,
    premium_progress_bar_enabled: false, application_id: null, system_channel_id: channelIds[0] ?? null, system_channel_flags: 0,
    rules_channel_id: null, public_updates_channel_id: null, safety_alerts_channel_id: null, vanity_url_code: null,
    preferred_locale: "en-US", max_members: 500000, max_video_channel_users: 25, features: [], emojis: [], stickers: [],
    roles: [
      { ...roleBase, id: guildId, name: "@everyone", position: 0, permissions: EVERYONE_PERMISSIONS, managed: false },
      { ...roleBase, id: botRoleId, name: "Newsdesk", position: 1, permissions: BOT_PERMISSIONS, managed: true, tags: { bot_id: botUserId } },
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

  // ---- gateway ----
  let seq = 0;
  let sessionId = "";
  const sent: any[] = []; // dispatches of this session, for RESUME replay
  let live: WebSocket | null = null;
  let intents = 0;
  const send = (ws: WebSocket, payload: any) => { if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload)); };
  const dispatch = (t: string, d: any) => {
    const payload = { op: 0, t, s: ++seq, d };
    sent.push(payload);
    if (sent.length > 1000) sent.shift();
    if (live) send(live, payload); // otherwise replayed on RESUME
  };

  /** Like Discord, echo the bot's own non-ephemeral messages over the gateway when its intents cover the channel. */
  const echo = (t: "MESSAGE_CREATE" | "MESSAGE_UPDATE", msg: any) => {
    const inGuild = channels.get(msg.channel_id)?.guild_id === guildId;
    if (msg.flags & 64 || !(intents & (inGuild ? 1 << 9 : 1 << 12))) return;
    dispatch(t, inGuild ? { ...msg, guild_id: guildId, member: member(null, [botRoleId]) } : msg);
  };

  let heartbeatAcks = true;
  const server = createServer((req, res) => void onRequest(req, res));
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith("/api")) return socket.destroy(); // the gateway lives at /gateway (any non-API path works)
    wss.handleUpgrade(req, socket, head, (ws) => {
      send(ws, { op: 10, d: { heartbeat_interval: opts.heartbeatIntervalMs ?? 41250 } });
      ws.on("close", () => { if (live === ws) live = null; });
      ws.on("message", (raw) => {
        let msg: any;
        try { msg = JSON.parse(raw.toString()); } catch { return ws.close(4002, "Error while decoding payload."); }
        if (msg.op === 1) {
          standin.heartbeatCount++;
          if (heartbeatAcks) send(ws, { op: 11 });
        }
        else if (msg.op === 2) {
          standin.identifyCount++;
          intents = Number(msg.d?.intents ?? 0);
          sessionId = randomBytes(16).toString("hex");
          seq = 0;
          sent.length = 0;
          live = ws;
          dispatch("READY", {
            v: 10, user: botUser, guilds: [{ id: guildId, unavailable: true }], session_id: sessionId, session_type: "normal",
            resume_gateway_url: wsUrl, shard: msg.d?.shard ?? [0, 1], application: { id: botUserId, flags: 0 },
            private_channels: [], relationships: [], presences: [], guild_join_requests: [], user_settings: {},
            geo_ordered_rtc_regions: [], _trace: ["standin"],
          });
          dispatch("GUILD_CREATE", {
            ...guildBase(), joined_at: joinedAt, large: false, unavailable: false, member_count: 2,
            channels: guildChannels(), threads: [],
            members: [member(botUser, [botRoleId])], presences: [], voice_states: [], stage_instances: [],
            guild_scheduled_events: [], soundboard_sounds: [],
          });
        } else if (msg.op === 6) {
          standin.resumeCount++;
          if (msg.d?.session_id !== sessionId) return send(ws, { op: 9, d: false });
          live = ws;
          for (const p of sent) if (p.s > (msg.d.seq ?? 0)) send(ws, p);
          dispatch("RESUMED", {});
        }
      });
    });
  });
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
      url: wsUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14400000, max_concurrency: 1 },
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
      if (m[1] !== guildId) return unknown("Guild", 10004);
      const counts = r.query.get("with_counts") === "true" ? { approximate_member_count: users.size, approximate_presence_count: 1 } : {};
      return [200, { ...guildBase(), ...counts }];
    }],
    ["GET", /^\/guilds\/(\d+)\/channels$/, (m) => (m[1] === guildId ? [200, guildChannels()] : unknown("Guild", 10004))],
    ["GET", /^\/guilds\/(\d+)\/members\/(\d+)$/, (m) => (m[1] === guildId && users.has(m[2]!)
      ? [200, member(users.get(m[2]!), m[2] === botUserId ? [botRoleId] : [])] : unknown("Member", 10007))],
    ["GET", /^\/channels\/(\d+)$/, (m) => (channels.has(m[1]!) ? [200, channels.get(m[1]!)] : unknown("Channel", 10003))],
    ["POST", /^\/channels\/(\d+)\/typing$/, (m) => (channels.has(m[1]!) ? [204] : unknown("Channel", 10003))],
    ["POST", /^\/channels\/(\d+)\/messages$/, (m, r) => {
      if (!channels.has(m[1]!)) return unknown("Channel", 10003);
      // Like Discord, the bot needs ViewChannel and SendMessages here (channel overwrites can take them away).
      const perms = channels.get(m[1]!).guild_id === guildId ? BigInt(botPermissionsIn(m[1]!)) : VIEW_CHANNEL | SEND_MESSAGES;
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
    const r: RecordedRequest = { method: "POST", path, query: new URLSearchParams(), body: reply, at: performance.now(), viaEndpoint: true };
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
    const r: RecordedRequest = { method, path, query: url.searchParams, body: null, at };
    let reply: Reply = [404, { code: 0, message: "404: Not Found" }];
    try {
      r.body = parseBody(Buffer.concat(chunks), req.headers["content-type"]);
    } catch {
      r.body = Buffer.concat(chunks).toString("utf8");
      reply = [400, { code: 50109, message: "The request body contains invalid JSON." }];
    }
    record(r);
    const failure = failures.find((f) => f.times > 0 && ((f.pattern.lastIndex = 0), f.pattern.test(`${method} ${path}`)));
    const deletedChannel = /^\/channels\/(\d+)(?:\/|$)/.exec(path)?.[1];
    if (failure) {
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
  const interaction = (type: number, data: any, o: InteractionOpts & { dm?: boolean; channelId?: string; message?: any }) => {
    const id = snowflake();
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
          if (!ch || ch.guild_id !== guildId) continue;
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
    if (o.dm) {
      const ch = dmChannel(u.id);
      channelId = ch.id;
      Object.assign(payload, { user: u, channel_id: ch.id, channel: ch, context: 1 });
    } else {
      channelId = o.channelId ?? channelIds[0]!;
      const ch = channels.get(channelId) ?? { id: channelId, type: 0, guild_id: guildId };
      Object.assign(payload, {
        guild_id: guildId, guild: { id: guildId, locale: "en-US", features: [] }, guild_locale: "en-US",
        channel_id: channelId, channel: ch, member: { ...member(u), permissions: memberPermissions }, context: 0, authorizing_integration_owners: { 0: guildId },
        app_permissions: botPermissionsIn(channelId),
      });
    }
    if (o.message) payload.message = o.message;
    const it: Pending = { id, token, type, channelId, originalId: snowflake(), messageId: o.message?.id, at: performance.now(), acked: false };
    interactions.set(id, it);
    byToken.set(token, it);
    if (endpointUrl) void postToEndpoint(endpointUrl, payload);
    else dispatch("INTERACTION_CREATE", payload);
    return { id, token };
  };
  const commandData = (name: string, options: any[] | undefined, dm?: boolean) => {
    if (!commandIds.has(name)) commandIds.set(name, snowflake());
    const guildCommand = !dm && (commands.get(guildId) ?? []).some((c) => c.name === name);
    return { id: commandIds.get(name)!, name, type: 1, ...(options?.length ? { options } : {}), ...(guildCommand ? { guild_id: guildId } : {}) };
  };

  const standin: Standin = {
    apiUrl: `http://127.0.0.1:${port}/api`,
    botUserId, botRoleId, guildId, channelIds, requests,
    identifyCount: 0,
    resumeCount: 0,
    publicKey,
    endpointStatus,
    useInteractionsEndpoint(url) {
      endpointUrl = url;
    },
    slashCommand: (name, options, o = {}) => interaction(2, commandData(name, options, o.dm), o),
    autocomplete: (name, options, o = {}) => interaction(4, commandData(name, options), o),
    button(customId, o = {}) {
      let message = o.messageId ? messages.get(o.messageId) : undefined;
      const channelId = o.channelId ?? message?.channel_id ?? channelIds[0]!;
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
      const hidden = !o.dm && !(intents & (1 << 15)) && !mentions.some((u) => u.id === botUserId);
      const base = {
        id, author, content: hidden ? "" : content, timestamp: iso(), edited_timestamp: null, tts: false, mention_everyone: false,
        mentions, mention_roles: [], attachments: [], embeds: [], components: [], pinned: false, type: 0, flags: 0, nonce: id,
      };
      if (o.dm) dispatch("MESSAGE_CREATE", { ...base, channel_id: dmChannel(author.id).id, channel_type: 1 });
      else dispatch("MESSAGE_CREATE", { ...base, channel_id: o.channelId ?? channelIds[0]!, channel_type: 0, guild_id: guildId, member: member(null) });
      return { id };
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
      if (ch?.guild_id === guildId && o.notify !== false && intents & 1) dispatch("CHANNEL_DELETE", ch);
    },
    ackHeartbeats(on: boolean) {
      heartbeatAcks = on;
    },
    heartbeatCount: 0,
    dropGateway(code = 4000) {
      // 1006 (abnormal closure) cannot be sent: it is what the client sees when the socket dies without a close frame.
      for (const ws of wss.clients) code === 1006 ? ws.terminate() : ws.close(code);
      live = null;
    },
    async close() {
      for (const timer of delayedReplies) clearTimeout(timer);
      delayedReplies.clear();
      for (const w of waiters) { clearTimeout(w.timer); w.reject(new Error("standin closed")); }
      waiters.clear();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standin;
}
