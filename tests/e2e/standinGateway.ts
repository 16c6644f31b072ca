/**
 * The stand-in's gateway: one WebSocket server (upgrades on the stand-in's port), one session per shard.
 * Discord's rules that matter to a sharded bot are kept: IDENTIFY names `shard: [id, count]` and a count other than
 * the stand-in's closes with 4011 (an id out of range with 4010); a guild's events go only to the connection of its shard,
 * `(guild_id >> 22) % shard_count`, and direct messages to shard 0; sequence numbers, RESUME and replay are per session.
 */
import type { Server } from "node:http";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { WebSocketServer, WebSocket } from "ws";

/** A shard's guilds per Discord's formula: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** 2023-01-01T00:00:00Z in ms since the Discord epoch: the timestamp part of the ids `guildIdForShard` makes. */
const GUILD_ID_EPOCH_MS = 1672531200000n - 1420070400000n;

/**
 * The `n`-th guild id (n = 0, 1, ...) that lands on `shard` of `shardCount`: a realistic 19-digit snowflake, the same for the
 * same arguments, distinct for distinct `n`.
 */
export function guildIdForShard(shard: number, shardCount: number, n = 0): string {
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new Error(`standin: shardCount must be a positive integer, got ${shardCount}`);
  if (!Number.isInteger(shard) || shard < 0 || shard >= shardCount) throw new Error(`standin: shard ${shard} is not in 0..${shardCount - 1}`);
  const count = BigInt(shardCount);
  const timestamp = GUILD_ID_EPOCH_MS - (GUILD_ID_EPOCH_MS % count) + BigInt(shard) + BigInt(n) * count;
  return (timestamp << 22n).toString();
}

/** One dispatch as it went out over a gateway connection. */
export interface Delivery {
  /** The event, e.g. "INTERACTION_CREATE", "MESSAGE_CREATE", "GUILD_CREATE", "READY". */
  t: string;
  /** The payload's `id` (interaction, message, channel or guild id), or null (READY, RESUMED). */
  id: string | null;
  /** The guild the event belongs to, or null (a direct message, READY, RESUMED). */
  guildId: string | null;
  shard: number;
  sessionId: string;
  /** The gateway connection it went out on: 1 for the first socket that connected to this stand-in, 2 for the next, ... */
  connection: number;
  /** True when it went out again, replayed on a RESUME. */
  replayed: boolean;
  /** performance.now() when it was sent. */
  at: number;
}

/** Where a dispatch went: its shard, and whether a live connection of that shard received it at once. */
export interface Dispatched {
  shard: number;
  /**
   * False when no connection of that shard was up: the event is then held, as Discord does, for a RESUME of the shard's
   * session (a fresh IDENTIFY drops it); for a shard that has never identified, it is sent right after that shard's READY.
   */
  delivered: boolean;
}

export interface GatewayOptions {
  shardCount: number;
  heartbeatIntervalMs: number;
  botUser: any;
  /** The guilds of a shard, in order, and the GUILD_CREATE payload of a guild. */
  guildsOfShard(shard: number): string[];
  guildCreate(guildId: string): any;
}

interface Session {
  shard: number;
  id: string;
  seq: number;
  /** Dispatches of this session, for RESUME replay (the latest 1000). */
  sent: { payload: any; guildId: string | null }[];
  live: { ws: WebSocket; connection: number } | null;
  intents: number;
}

export function startGateway(server: Server, url: () => string, opts: GatewayOptions) {
  const { shardCount } = opts;
  const sessions = new Map<number, Session>(); // shard -> its current session
  const beforeFirstIdentify = new Map<number, { t: string; d: any; guildId: string | null }[]>();
  const deliveries: Delivery[] = [];
  const identifiesByShard = Array.from({ length: shardCount }, () => 0);
  let connections = 0;
  let heartbeatAcks = true;
  const counts = { heartbeatCount: 0, identifyCount: 0, resumeCount: 0 };

  const send = (ws: WebSocket, payload: any) => { if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload)); };
  const deliver = (s: Session, payload: any, guildId: string | null, replayed = false) => {
    if (!s.live || s.live.ws.readyState !== WebSocket.OPEN) return false;
    send(s.live.ws, payload);
    deliveries.push({
      t: payload.t, id: typeof payload.d?.id === "string" ? payload.d.id : null, guildId, shard: s.shard, sessionId: s.id,
      connection: s.live.connection, replayed, at: performance.now(),
    });
    return true;
  };
  const dispatchTo = (s: Session, t: string, d: any, guildId: string | null) => {
    const payload = { op: 0, t, s: ++s.seq, d };
    s.sent.push({ payload, guildId });
    if (s.sent.length > 1000) s.sent.shift();
    return deliver(s, payload, guildId);
  };

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith("/api")) return socket.destroy(); // the gateway lives at /gateway (any non-API path works)
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = ++connections;
      send(ws, { op: 10, d: { heartbeat_interval: opts.heartbeatIntervalMs } });
      ws.on("close", () => { for (const s of sessions.values()) if (s.live?.ws === ws) s.live = null; });
      ws.on("message", (raw) => {
        let msg: any;
        try { msg = JSON.parse(raw.toString()); } catch { return ws.close(4002, "Error while decoding payload."); }
        if (msg.op === 1) {
          counts.heartbeatCount++;
          if (heartbeatAcks) send(ws, { op: 11 });
        } else if (msg.op === 2) identify(ws, connection, msg.d ?? {});
        else if (msg.op === 6) {
          counts.resumeCount++;
          const s = [...sessions.values()].find((x) => x.id === msg.d?.session_id);
          if (!s) return send(ws, { op: 9, d: false });
          s.live = { ws, connection };
          for (const { payload, guildId } of s.sent) if (payload.s > (msg.d.seq ?? 0)) deliver(s, payload, guildId, true);
          dispatchTo(s, "RESUMED", {}, null);
        }
      });
    });
  });

  function identify(ws: WebSocket, connection: number, d: any) {
    counts.identifyCount++;
    const [shard, count] = Array.isArray(d.shard) ? d.shard : [0, 1];
    // Like Discord: a shard count other than the one the bot must use is refused, and so is a shard outside it.
    if (count !== shardCount) return ws.close(4011, "Sharding required.");
    if (!Number.isInteger(shard) || shard < 0 || shard >= count) return ws.close(4010, "Invalid shard.");
    identifiesByShard[shard]!++;
    const s: Session = { shard, id: randomBytes(16).toString("hex"), seq: 0, sent: [], live: { ws, connection }, intents: Number(d.intents ?? 0) };
    sessions.set(shard, s); // an older session of this shard is superseded: it receives nothing more and cannot resume
    const guilds = opts.guildsOfShard(shard);
    dispatchTo(s, "READY", {
      v: 10, user: opts.botUser, guilds: guilds.map((id) => ({ id, unavailable: true })), session_id: s.id, session_type: "normal",
      resume_gateway_url: url(), shard: [shard, count], application: { id: opts.botUser.id, flags: 0 },
      private_channels: [], relationships: [], presences: [], guild_join_requests: [], user_settings: {},
      geo_ordered_rtc_regions: [], _trace: ["standin"],
    }, null);
    for (const id of guilds) dispatchTo(s, "GUILD_CREATE", opts.guildCreate(id), id);
    const waiting = beforeFirstIdentify.get(shard) ?? [];
    beforeFirstIdentify.delete(shard);
    for (const e of waiting) dispatchTo(s, e.t, e.d, e.guildId);
  }

  return {
    deliveries,
    identifiesByShard,
    counts,
    /** Send a dispatch to the connection of the guild's shard (shard 0 without a guild). */
    dispatch(t: string, d: any, guildId: string | null): Dispatched {
      const shard = guildId === null ? 0 : shardOf(guildId, shardCount);
      const s = sessions.get(shard);
      if (s) return { shard, delivered: dispatchTo(s, t, d, guildId) };
      if (!beforeFirstIdentify.has(shard)) beforeFirstIdentify.set(shard, []);
      beforeFirstIdentify.get(shard)!.push({ t, d, guildId });
      return { shard, delivered: false };
    },
    /** The intents the shard identified with (0 before it did). */
    intentsOf: (shard: number) => sessions.get(shard)?.intents ?? 0,
    /** Shards with a live connection, ascending. */
    connectedShards: () => [...sessions.values()].filter((s) => s.live?.ws.readyState === WebSocket.OPEN).map((s) => s.shard).sort((a, b) => a - b),
    ackHeartbeats(on: boolean) { heartbeatAcks = on; },
    /** Close every gateway socket, or only the live one of `shard`; 1006 kills the socket without a close frame. */
    drop(code: number, shard?: number) {
      const targets = shard === undefined ? [...wss.clients] : [sessions.get(shard)?.live?.ws].filter((ws) => ws !== undefined);
      for (const ws of targets) code === 1006 ? ws.terminate() : ws.close(code);
      for (const s of sessions.values()) if (shard === undefined || s.shard === shard) s.live = null;
    },
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
