import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { KeyObject } from "node:crypto";
import type { Logger } from "../logger.js";
import { checkHealth, type HealthSources } from "./health.js";
import type { InteractionBridge } from "./interactionBridge.js";
import { parseInteraction } from "./interactionPayload.js";
import type { NewsdeskMetrics } from "./metrics.js";
import { isSignedByDiscord } from "./signature.js";

/** Largest interaction body taken; Discord's are a few kilobytes (more with resolved messages). */
export const MAX_INTERACTION_BYTES = 256 * 1024;

export interface HttpServerOptions {
  port: number;
  host: string;
  logger: Logger;
  metrics: NewsdeskMetrics;
  /** Interactions over HTTP: the application's public key and the bridge to the handlers. Absent: health and metrics only. */
  interactions?: { publicKey: KeyObject; bridge: InteractionBridge };
}

/** The HTTP server: `POST /interactions` (when configured), `GET /healthz`, `GET /metrics`. */
export interface HttpServer {
  port: number;
  /** Starts answering interactions and reporting health from the loaded bot (before this: 503). */
  ready(sources: HealthSources): void;
  close(): Promise<void>;
}

type Reply = [status: number, body: unknown, contentType?: string];

const json = (status: number, body: unknown): Reply => [status, body];

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  let sources: HealthSources | null = null;
  const { metrics, logger } = options;

  async function interactions(request: IncomingMessage): Promise<Reply> {
    if (!options.interactions) return json(404, { error: "interactions over HTTP are not configured (DISCORD_PUBLIC_KEY)" });
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > MAX_INTERACTION_BYTES) return json(413, { error: "body too large" });
    const body = await readBody(request, MAX_INTERACTION_BYTES);
    if (!body) return json(413, { error: "body too large" });
    const header = (name: string) => (typeof request.headers[name] === "string" ? (request.headers[name] as string) : undefined);
    if (!isSignedByDiscord(options.interactions.publicKey, header("x-signature-ed25519"), header("x-signature-timestamp"), body)) {
      return json(401, { error: "invalid request signature" });
    }
    const payload = parseInteraction(body);
    if (!payload.ok) return json(400, { error: payload.reason });
    if (!sources && payload.interaction.type !== 1) return json(503, { error: "starting: the index is not loaded yet" });
    try {
      const response = await options.interactions.bridge.receive(payload.interaction);
      return response ? json(200, response) : json(400, { error: "this kind of interaction is not handled" });
    } catch (error) {
      logger.warn({ err: error, interactionId: payload.interaction.id }, "refused a malformed interaction");
      return json(400, { error: "malformed interaction" });
    }
  }

  async function route(request: IncomingMessage): Promise<Reply> {
    const path = (request.url ?? "/").split("?")[0];
    if (path === "/interactions") {
      if (request.method !== "POST") return json(405, { error: "POST only" });
      const reply = await interactions(request);
      metrics.httpRequests.inc({ status: String(reply[0]) });
      return reply;
    }
    if (request.method !== "GET" && request.method !== "HEAD") return json(405, { error: "GET only" });
    if (path === "/healthz") {
      const health = await checkHealth(sources);
      return json(health.ok ? 200 : 503, health);
    }
    if (path === "/metrics") return [200, await metrics.registry.metrics(), metrics.registry.contentType];
    return json(404, { error: "not found" });
  }

  const server = createServer((request, response) => {
    route(request)
      .catch((error: unknown): Reply => {
        logger.error({ err: error, path: request.url }, "http request failed");
        return json(500, { error: "internal error" });
      })
      .then((reply) => send(response, reply));
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, interactions: Boolean(options.interactions) }, "http server listening");
  return {
    port,
    ready(loaded) {
      sources = loaded;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, [status, body, contentType]: Reply): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string | number> = { "content-type": contentType ?? "application/json", "content-length": Buffer.byteLength(text) };
  if (status === 413) headers.connection = "close"; // the rest of an oversized body is not worth reading
  response.writeHead(status, headers);
  response.end(text);
}

/** The raw body, or null once it passes `limit` bytes (whatever Content-Length said); the rest is discarded. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off("data", onData);
      request.resume();
      resolve(null);
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks)));
    request.once("error", reject);
  });
}
